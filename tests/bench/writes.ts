// Committed writes at a steady rate while the dashboard is loaded: half income
// corrections (an UPDATE of one village's income of a year), half monthly
// updates (this month's update of a project, posted or revised), each its own
// transaction through `pg`, as any client (the portal, an import, psql) commits them.
import pg from 'pg';

export type Writer = { stop: () => Promise<{ writes: number; errors: number; p50: number; p95: number }> };

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

export async function startWriter(url: string, perSecond: number): Promise<Writer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const ids = async (sql: string) => (await client.query(sql)).rows.map((r) => Number(r.id));
  const incomes = await ids(`SELECT id FROM "VillageIncome" ORDER BY hashint4(id) LIMIT 10000`);
  const projects = await ids(`SELECT id FROM "Project" WHERE status = 'IN_PROGRESS' ORDER BY hashint4(id) LIMIT 10000`);
  const times: number[] = [];
  let errors = 0;
  let running = true;
  const loop = (async () => {
    const started = performance.now();
    for (let i = 0; running; i++) {
      const at = started + (i * 1000) / perSecond;
      const wait = at - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (!running) break;
      const begun = performance.now();
      try {
        if (i % 2 === 0) {
          await client.query(`UPDATE "VillageIncome" SET amount = amount + 0.01, version = version + 1, "updatedAt" = now() WHERE id = $1`, [incomes[i % incomes.length]]);
        } else {
          await client.query(
            `INSERT INTO "ProjectUpdate" ("projectId", period, "progressPct", "investmentToDate", "jobsCreated", "incomeToVillages", confirmation, "updatedAt")
             SELECT "projectId", date_trunc('month', now())::date, "progressPct", "investmentToDate" + 0.01, "jobsCreated", "incomeToVillages", 'PENDING', now()
             FROM "ProjectUpdate" WHERE "projectId" = $1 ORDER BY period DESC LIMIT 1
             ON CONFLICT ("projectId", period) DO UPDATE SET "investmentToDate" = "ProjectUpdate"."investmentToDate" + 0.01, version = "ProjectUpdate".version + 1, "updatedAt" = now()`,
            [projects[i % projects.length]],
          );
        }
        times.push(performance.now() - begun);
      } catch {
        errors++;
      }
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await client.end();
      return { writes: times.length, errors, p50: percentile(times, 50), p95: percentile(times, 95) };
    },
  };
}
