import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/policy';
import { getDashboard, type Dashboard } from '../../lib/dashboard/overview';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// The dashboard's figures on the seed data, against the same figures computed
// here by independently written SQL.
const NOW = new Date('2026-11-28T00:00:00Z');
const YEAR = 2025;
let database: TestDatabase;
let data: Dashboard;

const org: SessionUser = { id: 0, username: 't', displayName: 't', role: 'ORG_VIEWER', soeId: null, villageId: null, zoneId: null };

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.url, {});
  data = (await getDashboard(org, NOW))!;
}, 120_000);
afterAll(() => database.drop());

async function one<T>(sql: string, ...params: unknown[]): Promise<T> {
  const rows = await database.prisma.$queryRawUnsafe<T[]>(sql, ...params);
  return rows[0]!;
}

/** The villages a year's income counts: those of zones paired at some time in that year ($1). */
const YEAR_VILLAGES = `SELECT id FROM "Village" WHERE "zoneId" IN (SELECT "zoneId" FROM "Pairing"
  WHERE since <= make_date($1, 12, 31) AND ("until" IS NULL OR "until" >= make_date($1, 1, 1)))`;

describe('citywide dashboard on the seed data', () => {
  it('counts accredited model zones and candidates as the accreditation records do', async () => {
    const r = await one<{ accredited: number; candidates: number }>(`
      SELECT (SELECT count(*)::int FROM "Accreditation" WHERE status = 'ACCREDITED') AS accredited,
             (SELECT count(*)::int FROM (SELECT DISTINCT "zoneId" FROM "Accreditation" WHERE status = 'CANDIDATE') c) AS candidates`);
    expect(data.zones.accredited).toBe(r.accredited);
    expect(data.zones.candidates).toBe(r.candidates);
    expect(data.zones.accredited).toBeGreaterThan(0);
    expect(data.zones.history.at(-1)?.total).toBe(r.accredited);
  });

  it('averages the latest complete year of village incomes over the villages of zones paired that year (n of N), exactly', async () => {
    const r = await one<{ average: string; reporting: number; above: number; villages: number }>(
      `SELECT round(sum(amount) / count(*), 2)::text AS average, count(*)::int AS reporting,
              sum(CASE WHEN amount > 500000 THEN 1 ELSE 0 END)::int AS above,
              (SELECT count(*)::int FROM (${YEAR_VILLAGES}) v) AS villages
         FROM "VillageIncome" WHERE year = $1 AND "villageId" IN (${YEAR_VILLAGES})`,
      YEAR,
    );
    expect(data.year).toBe(YEAR);
    expect(data.income.average).toBe(r.average);
    expect(data.income.reporting).toBe(r.reporting);
    expect(data.income.above).toBe(r.above);
    expect(data.income.villages).toBe(r.villages);
    expect(data.income.distribution.reduce((s, b) => s + b.villages, 0)).toBe(r.reporting);
    expect(data.income.byYear.find((y) => y.year === YEAR)?.average).toBe(r.average);
  });

  it('sums planned and made investment, jobs and projects per status, disputed updates not counted but counted apart', async () => {
    // The counting rule: confirmed and awaiting updates count; disputed (and excluded) ones do not, and the disputed are counted apart.
    const r = await one<{ projects: number; planned: string; made: string; jobs: number; disputed: number }>(`
      SELECT count(*)::int AS projects, coalesce(sum("plannedInvestment"), 0)::text AS planned,
        (SELECT coalesce(sum(u."investmentToDate"), 0)::text FROM "ProjectUpdate" u
          WHERE u.period = (SELECT max(period) FROM "ProjectUpdate" x WHERE x."projectId" = u."projectId" AND x.confirmation IN ('PENDING', 'CONFIRMED', 'RETURNED'))) AS made,
        (SELECT coalesce(sum(u."jobsCreated"), 0)::int FROM "ProjectUpdate" u
          WHERE u.period = (SELECT max(period) FROM "ProjectUpdate" x WHERE x."projectId" = u."projectId" AND x.confirmation IN ('PENDING', 'CONFIRMED', 'RETURNED'))) AS jobs,
        (SELECT count(*)::int FROM "ProjectUpdate" WHERE confirmation = 'DISPUTED') AS disputed
      FROM "Project"`);
    expect(data.projects.total).toBe(r.projects);
    expect(data.projects.planned).toBe(r.planned);
    expect(data.projects.made).toBe(r.made);
    expect(data.projects.jobs).toBe(r.jobs);
    expect(r.disputed).toBeGreaterThan(0);
    expect(data.projects.disputedUpdates).toBe(r.disputed);
    expect(data.projects.byStatus.reduce((s, x) => s + x.projects, 0)).toBe(r.projects);
    expect(data.projects.byMode.reduce((s, x) => s + x.projects, 0)).toBe(r.projects);
    expect(data.projects.byOutcome.reduce((s, x) => s + x.projects, 0)).toBe(r.projects);
  });

  it('ranks every SOE with its own projects and paired zones', async () => {
    const rows = await database.prisma.$queryRawUnsafe<{ id: number; projects: number; zones: number }[]>(
      `SELECT s.id, (SELECT count(*)::int FROM "Project" p WHERE p."soeId" = s.id) AS projects,
              (SELECT count(DISTINCT "zoneId")::int FROM "Pairing" pr WHERE pr."soeId" = s.id AND (pr."until" IS NULL OR pr."until" >= $1::date)) AS zones
         FROM "Soe" s ORDER BY s.id`,
      NOW,
    );
    const board = new Map(data.soes.map((s) => [s.id, s]));
    expect(board.size).toBe(rows.length);
    for (const r of rows) expect(board.get(r.id), String(r.id)).toMatchObject({ projects: r.projects, zones: r.zones });
  });

  it('breaks villages and model zones down by district without losing any', async () => {
    const r = await one<{ villages: number; accredited: number }>(
      `SELECT (SELECT count(*)::int FROM "Village") AS villages, (SELECT count(*)::int FROM "Zone" WHERE "accreditedAt" IS NOT NULL) AS accredited`,
    );
    expect(data.districts.reduce((s, d) => s + d.villages, 0)).toBe(r.villages);
    expect(data.districts.reduce((s, d) => s + d.accredited, 0)).toBe(r.accredited);
  });

  it('flags the seeded oddities: stale projects, missing incomes, over-population, income jumps', async () => {
    // Stale: no update whose month ended within 60 days, started (or created) before then, and created before then.
    const stale = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Project" p WHERE status = 'IN_PROGRESS'
         AND NOT EXISTS (SELECT 1 FROM "ProjectUpdate" u WHERE u."projectId" = p.id AND (u.period + interval '1 month' - interval '1 day')::date >= $1::date - 60)
         AND (EXISTS (SELECT 1 FROM "ProjectUpdate" u WHERE u."projectId" = p.id) OR coalesce(p."startDate", p."createdAt"::date) < $1::date - 60)
         AND p."createdAt"::date < $1::date - 60`,
      NOW,
    );
    const missing = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${YEAR_VILLAGES}) v WHERE NOT EXISTS (SELECT 1 FROM "VillageIncome" i WHERE i."villageId" = v.id AND i.year = $1)`,
      YEAR,
    );
    expect(data.flags.stale[0]?.total ?? 0).toBe(stale.n);
    expect(data.flags.missingIncome[0]?.total ?? 0).toBe(missing.n);
    expect(missing.n).toBeGreaterThan(0);
    expect(stale.n).toBeGreaterThan(0);
    expect(data.flags.overPopulation.length).toBeGreaterThan(0);
    expect(data.flags.incomeJumps.length).toBeGreaterThan(0);
  });

  it('shows reported figures beside the computed ones, and as-of dates', () => {
    expect(data.reported.PROJECTS?.value).toBe('56');
    expect(data.reported.RURAL_BENEFICIARIES?.value).toBe('306854');
    expect(data.goal).toMatchObject({ zones: 60, income: '500000' });
    expect(data.zones.asOf).toBeInstanceOf(Date);
    expect(data.income.asOf).toBeInstanceOf(Date);
    expect(data.projects.asOf).toBeInstanceOf(Date);
  });

  it('is refused to a village committee and given to a liaison', async () => {
    expect(await getDashboard({ ...org, role: 'VILLAGE_COMMITTEE', villageId: 1, zoneId: 1 }, NOW)).toBeNull();
    expect(await getDashboard({ ...org, role: 'SOE_LIAISON', soeId: 1 }, NOW)).not.toBeNull();
  });
});
