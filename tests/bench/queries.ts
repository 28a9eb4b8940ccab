// Times each dashboard query as the app runs it (Prisma, lib/dashboard) against
// its SQL floor (tests/bench/floor.ts through pg), and checks both give the same
// figures. Run by tests/bench/run.ts in its own process (DATABASE_URL set):
//   node --conditions=react-server --import tsx tests/bench/queries.ts [--check]
import pg from 'pg';
import { getDashboard, SOE_BOARD_ROWS } from '../../lib/dashboard/overview';
import { clearDashboardCache } from '../../lib/dashboard/cache';
import * as flags from '../../lib/dashboard/flags';
import * as q from '../../lib/dashboard/queries';
import { db } from '../../lib/db/client';
import { latestCompleteYear } from '../../lib/metrics/trajectory';
import { floors } from './floor';

/** The org department's scope: every record. */
const CITYWIDE = { all: true, soeId: -1, zoneId: -1 };

/** At least RUNS timed runs of each, more for fast queries (about a second's worth, up to 101): medians of ms-scale timings need them. */
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 11);
export type QueryTiming = { name: string; appMs: number; floorMs: number; ratio: number; same: boolean };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const normalize = (value: unknown) =>
  JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await fn();
  return [performance.now() - started, result];
}

async function main() {
  const url = process.env.DATABASE_URL!;
  const today = new Date();
  const year = latestCompleteYear(today);
  const target = '500000';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const app: Record<string, () => Promise<unknown>> = {
    kpis: () => q.getKpis(year, target, today).then((r) => [r]),
    projectBreakdown: q.getProjectBreakdown,
    accreditationHistory: q.getAccreditationHistory,
    incomeByYear: () => q.getIncomeByYear(target),
    incomeDistribution: () => q.getIncomeDistribution(year),
    soeLeaderboard: () => q.getSoeLeaderboard(today, SOE_BOARD_ROWS),
    districts: () => q.getDistrictBreakdown(year, today),
    staleProjects: () => flags.getStaleProjects(today, CITYWIDE),
    missingIncome: () => flags.getVillagesMissingIncome(year, CITYWIDE),
    overPopulation: () => flags.getBeneficiariesOverPopulation(CITYWIDE),
    incomeJumps: () => flags.getIncomeJumps(CITYWIDE),
  };
  // --check: only whether each figure set equals its floor (after the write mode's run).
  if (process.argv.includes('--check')) {
    const different: string[] = [];
    for (const [name, floor] of Object.entries(floors(year, target, today))) {
      const rows = (await client.query(floor.sql, floor.params)).rows as never[];
      if (normalize(await app[name]!()) !== normalize(floor.shape ? floor.shape(rows) : rows)) different.push(name);
    }
    await client.end();
    await db().$disconnect();
    process.stdout.write(JSON.stringify({ compared: Object.keys(app).length, different }));
    return;
  }
  const timings: QueryTiming[] = [];
  for (const [name, floor] of Object.entries(floors(year, target, today))) {
    const run = app[name]!;
    const floorRun = async () => {
      const rows = (await client.query(floor.sql, floor.params)).rows as never[];
      return floor.shape ? floor.shape(rows) : rows;
    };
    const appTimes: number[] = [];
    const floorTimes: number[] = [];
    let same = true;
    let runs = RUNS + 2;
    for (let i = 0; i < runs; i++) {
      const [a, appRows] = await time(run);
      const [f, floorRows] = await time(floorRun);
      if (i === 0) {
        same = normalize(appRows) === normalize(floorRows);
        runs = Math.max(runs, Math.min(103, Math.floor(1000 / (a + f))));
      }
      if (i < 2) continue; // warm-up
      appTimes.push(a);
      floorTimes.push(f);
    }
    const appMs = median(appTimes);
    const floorMs = median(floorTimes);
    timings.push({ name, appMs, floorMs, ratio: appMs / floorMs, same });
  }
  // The whole dashboard as a page asks for it, with its cache empty and then warm.
  const admin = { id: 0, role: 'ORG_ADMIN', soeId: null, zoneId: null, villageId: null } as unknown as Parameters<typeof getDashboard>[0];
  const dashboard = { coldMs: [] as number[], warmMs: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    clearDashboardCache();
    dashboard.coldMs.push((await time(() => getDashboard(admin, today)))[0]);
    dashboard.warmMs.push((await time(() => getDashboard(admin, today)))[0]);
  }
  await client.end();
  await db().$disconnect();
  process.stdout.write(JSON.stringify({ timings, dashboard: { coldMs: median(dashboard.coldMs), warmMs: median(dashboard.warmMs) } }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
