// What the rollups' triggers cost each write: a monthly update (postProjectUpdate),
// an income correction (reportIncome) and a 20,000-row village import (check and
// commit), each through its mutation core as the portal runs it, with the rollup
// triggers enabled and disabled in alternating rounds (rebuilt afterwards). Every write is taken back
// after it is timed, so the database ends as it began. Run by tests/bench/run.ts in
// its own process (DATABASE_URL set):
//   node --import ./tests/bench/server-only-stub.mjs --import tsx tests/bench/write-cost.ts
import pg from 'pg';
import type { SessionUser } from '../../lib/auth/policy';
import { db } from '../../lib/db/client';
import { undoImport } from '../../lib/imports/mutations';
import { imports } from '../../lib/imports/registry';
import { postProjectUpdate } from '../../lib/projects/mutations';
import { reportIncome } from '../../lib/villages/mutations';
import { checkThenCommit } from '../helpers/imports';

const RUNS = Number(process.env.BENCH_WRITE_RUNS ?? 15);
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 2);
const ROUNDS = 3;
const TRIGGERS: [string, string][] = ['Village', 'VillageIncome', 'ProjectUpdate'].flatMap((t) =>
  ['rollup_insert', 'rollup_update', 'rollup_delete'].map((name): [string, string] => [t, name]),
);
export type WriteCost = { name: string; withMs: number; withoutMs: number; ratio: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const one = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows[0] as T;
  const user = async (username: string, role: SessionUser['role'], soeId: number | null = null): Promise<SessionUser> => {
    const { id } = await one<{ id: number }>(
      `INSERT INTO "User" (username, "displayName", role, "passwordHash", "soeId", "updatedAt") VALUES ($1, $1, $2, 'x', $3, now())
       ON CONFLICT (username) DO UPDATE SET "soeId" = excluded."soeId" RETURNING id`,
      [username, role, soeId],
    );
    return { id, username, displayName: username, role, soeId, villageId: null, zoneId: null };
  };
  const admin = await user('bench-writes-admin', 'ORG_ADMIN');
  const month = new Date().toISOString().slice(0, 7);

  const incomeCorrection = async () => {
    const row = await one<{ id: number; villageId: number; year: number; amount: string; version: number }>(
      `SELECT id, "villageId", year, amount::text, version FROM "VillageIncome" WHERE year = 2024 ORDER BY hashint4(id + $1::int) LIMIT 1`,
      [Math.floor(Math.random() * 1e9)],
    );
    const started = performance.now();
    const result = await reportIncome(admin, { villageId: row.villageId, year: row.year, amount: (Number(row.amount) + 1).toFixed(2), version: row.version, reason: '基准测试：更正收入' });
    const ms = performance.now() - started;
    if (result.status !== 'ok') throw new Error(`income correction: ${JSON.stringify(result)}`);
    await client.query('UPDATE "VillageIncome" SET amount = $2 WHERE id = $1', [row.id, row.amount]);
    return ms;
  };

  const monthlyUpdate = async () => {
    const project = await one<{ id: number; soeId: number; progress: number; investment: string; jobs: number; income: string }>(
      `SELECT p.id, p."soeId", u."progressPct" AS progress, u."investmentToDate"::text AS investment, u."jobsCreated" AS jobs, u."incomeToVillages"::text AS income
       FROM "Project" p JOIN LATERAL (SELECT * FROM "ProjectUpdate" WHERE "projectId" = p.id ORDER BY period DESC LIMIT 1) u ON true
       WHERE p.status = 'IN_PROGRESS' AND u.period < date_trunc('month', now()) AND u."investmentToDate" < p."plannedInvestment"
       ORDER BY hashint4(p.id + $1::int) LIMIT 1`,
      [Math.floor(Math.random() * 1e9)],
    );
    const liaison = await user(`bench-writes-liaison-${project.soeId}`, 'SOE_LIAISON', project.soeId);
    const started = performance.now();
    const result = await postProjectUpdate(liaison, {
      projectId: project.id,
      period: month,
      progressPct: project.progress,
      investmentToDate: (Number(project.investment) + 1).toFixed(2),
      jobsCreated: project.jobs,
      incomeToVillages: project.income,
      beneficiaries: [],
    });
    const ms = performance.now() - started;
    if (result.status !== 'ok') throw new Error(`monthly update: ${JSON.stringify(result)}`);
    await client.query(`DELETE FROM "ProjectUpdate" WHERE "projectId" = $1 AND period = $2::date`, [project.id, `${month}-01`]);
    return ms;
  };

  const bigImport = async () => {
    const zone = await one<{ zone: string; district: string }>(
      `SELECT z.name AS zone, d.name AS district FROM "Zone" z JOIN "District" d ON d.id = z."districtId" ORDER BY z.id LIMIT 1`,
    );
    const prefix = `写入基准${Date.now()}-`;
    const rows = [['区', '片区', '村', '人口', '户数', '年份', '村集体经济收入（元）'].join(',')];
    for (let i = 0; i < 4000; i++) for (const y of [2021, 2022, 2023, 2024, 2025]) rows.push([zone.district, zone.zone, `${prefix}${i}`, 1000, 300, y, 200000 + i].join(','));
    const started = performance.now();
    const outcome = await checkThenCommit(imports.villages, admin, Buffer.from('\uFEFF' + rows.join('\r\n')), { commit: true, locale: 'zh-CN' });
    const ms = performance.now() - started;
    if (outcome.status !== 'committed') throw new Error(`import: ${JSON.stringify(outcome).slice(0, 300)}`);
    const found = await one<{ id: number; version: number }>('SELECT id, version FROM "Import" WHERE "userId" = $1 ORDER BY id DESC LIMIT 1', [admin.id]);
    const undone = await undoImport(admin, { importId: found.id, version: found.version });
    if (undone.status !== 'ok') throw new Error(`undo: ${JSON.stringify(undone)}`);
    return ms;
  };

  const all: [string, () => Promise<number>, number][] = [
    ['monthly update (postProjectUpdate)', monthlyUpdate, RUNS],
    ['income correction (reportIncome)', incomeCorrection, RUNS],
    ['20,000-row village import (check + commit)', bigImport, IMPORT_RUNS],
  ];
  const cases = all.filter(([, , runs]) => runs > 0);
  const setTriggers = (on: boolean) =>
    client.query(TRIGGERS.map(([table, name]) => `ALTER TABLE "${table}" ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${name}`).join('; '));
  // With and without the triggers in alternating rounds, each after a warm-up write, so that
  // neither side is the one that meets a cold pool, cold plans or cold caches.
  const withRollups: number[] = [];
  const withoutRollups: number[] = [];
  try {
    for (const [, run, runs] of cases) {
      const rounds = Math.min(runs, ROUNDS);
      const times = { on: [] as number[], off: [] as number[] };
      for (let r = 0; r < rounds; r++) {
        for (const on of [true, false]) {
          await setTriggers(on);
          if (runs > rounds) await run(); // warm-up (not before each 20,000-row import)
          for (let i = 0; i < Math.ceil(runs / rounds); i++) times[on ? 'on' : 'off'].push(await run());
        }
      }
      withRollups.push(median(times.on));
      withoutRollups.push(median(times.off));
    }
  } finally {
    await setTriggers(true);
    await client.query('SELECT rollup.rebuild()');
  }
  await client.end();
  await db().$disconnect();
  const costs: WriteCost[] = cases.map(([name], i) => ({ name, withMs: withRollups[i]!, withoutMs: withoutRollups[i]!, ratio: withRollups[i]! / withoutRollups[i]! }));
  process.stdout.write(JSON.stringify(costs));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
