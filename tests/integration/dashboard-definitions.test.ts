import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/policy';
import { getDashboard, type Dashboard } from '../../lib/dashboard/overview';
import { dashboardTables } from '../../lib/exports/dashboard';
import { exporters } from '../../lib/exports/registry';
import { listProjects, projectListSchema } from '../../lib/projects/queries';
import { listVillages, villageListSchema } from '../../lib/villages/queries';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// The dashboard's disclosed definitions (issue 17), each recomputed here with
// independently written SQL: n/N over the villages of zones paired in the year,
// per-year membership, month-end staleness, the 全市 row, investment made without
// a plan, 人次 overlaps, municipal SOEs. Then the sample marks on a database
// holding facts and the sample layer (dashboard-facts-only.test.ts: none without it).
const NOW = new Date('2026-11-28T00:00:00Z');
const YEAR = 2025;
const org: SessionUser = { id: 0, username: 't', displayName: 't', role: 'ORG_VIEWER', soeId: null, villageId: null, zoneId: null };

/** The villages of zones with a pairing in force at some time in the year $1 (written apart from lib/dashboard/rules.ts). */
const VILLAGES_OF_YEAR = `SELECT v.id FROM "Village" v WHERE EXISTS (SELECT 1 FROM "Pairing" p WHERE p."zoneId" = v."zoneId"
  AND extract(year FROM p.since) <= $1 AND (p.until IS NULL OR extract(year FROM p.until) >= $1))`;

async function one<T>(database: TestDatabase, sql: string, ...params: unknown[]): Promise<T> {
  return (await database.prisma.$queryRawUnsafe<T[]>(sql, ...params))[0]!;
}

describe('definitions on the seed (facts and sample)', () => {
  let database: TestDatabase;
  let data: Dashboard;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.url, {});
    data = (await getDashboard(org, NOW))!;
  }, 120_000);
  afterAll(() => database.drop());

  it('averages the year over n of N villages of the zones paired in that year', async () => {
    const r = await one<{ n: number; big_n: number; average: string }>(
      database,
      `SELECT (SELECT count(*)::int FROM (${VILLAGES_OF_YEAR}) v) AS big_n,
              count(*)::int AS n, round(sum(amount) / count(*), 2)::text AS average
         FROM "VillageIncome" WHERE year = $1 AND "villageId" IN (${VILLAGES_OF_YEAR})`,
      YEAR,
    );
    expect(r.n).toBeLessThan(r.big_n); // the seed leaves three villages unreported
    expect(data.income).toMatchObject({ reporting: r.n, villages: r.big_n, average: r.average });
  });

  it('counts, for each year, the villages of the zones paired in that year, not today’s', async () => {
    const years = await database.prisma.$queryRawUnsafe<{ year: number }[]>(`SELECT DISTINCT year FROM "VillageIncome" ORDER BY year`);
    let differs = false;
    for (const { year } of years) {
      const r = await one<{ eligible: number; reporting: number; average: string | null; today: number }>(
        database,
        `SELECT (SELECT count(*)::int FROM (${VILLAGES_OF_YEAR}) v) AS eligible,
                (SELECT count(*)::int FROM "VillageIncome" WHERE year = $1 AND "villageId" IN (${VILLAGES_OF_YEAR})) AS reporting,
                (SELECT round(avg(amount), 2)::text FROM "VillageIncome" WHERE year = $1 AND "villageId" IN (${VILLAGES_OF_YEAR})) AS average,
                (SELECT count(*)::int FROM "Village" WHERE "zoneId" IN (SELECT "zoneId" FROM "Pairing" WHERE until IS NULL)) AS today`,
        year,
      );
      expect(data.income.byYear.find((y) => y.year === year), String(year)).toMatchObject({ eligible: r.eligible, villages: r.reporting, average: r.average });
      if (r.eligible !== r.today) differs = true;
    }
    // Some zones were paired only in 2022: 2021 counts fewer villages than today's pairings hold.
    expect(differs).toBe(true);
  });

  it('counts a project stale 60 days after the end of its last reported month, never one created in the last 60 days', async () => {
    const stale = await one<{ n: number }>(
      database,
      `SELECT count(*)::int AS n FROM "Project" p
         LEFT JOIN (SELECT "projectId", max(period) AS last FROM "ProjectUpdate" GROUP BY 1) u ON u."projectId" = p.id
        WHERE p.status = 'IN_PROGRESS' AND p."createdAt" < $1::date - 60
          AND CASE WHEN u.last IS NOT NULL THEN (u.last + interval '1 month')::date - 1 ELSE coalesce(p."startDate", p."createdAt"::date) END < $1::date - 60`,
      NOW,
    );
    expect(data.flags.stale[0]?.total ?? 0).toBe(stale.n);
    expect(stale.n).toBeGreaterThan(0);

    // A project that reported September 2026: stale by the old rule (1 September + 60 days < 28 November), not by the month's end.
    // And one created today with an old start date and no report: not stale.
    const soe = await database.prisma.soe.findFirstOrThrow({ select: { id: true } });
    const zone = await database.prisma.zone.findFirstOrThrow({ select: { id: true } });
    const base = { soeId: soe.id, zoneId: zone.id, mode: 'OTHER', method: 'DIRECT_INVESTMENT', outcomeArea: 'GOVERNANCE', status: 'IN_PROGRESS' } as const;
    const september = await database.prisma.project.create({
      data: { ...base, name: 'stale-probe-september', startDate: new Date('2026-01-01'), createdAt: new Date('2026-01-01') },
    });
    await database.prisma.projectUpdate.create({
      data: { projectId: september.id, period: new Date('2026-09-01'), progressPct: 10, investmentToDate: '0', confirmation: 'CONFIRMED' },
    });
    const fresh = await database.prisma.project.create({
      data: { ...base, name: 'stale-probe-new', startDate: new Date('2024-01-01'), createdAt: new Date('2026-11-20T00:00:00Z') },
    });
    const again = (await getDashboard(org, NOW))!;
    const staleIds = new Set((await listProjects(org, projectListSchema.parse({ stale: '1' }), 1000, NOW)).rows.map((p) => p.id));
    expect(staleIds.has(september.id)).toBe(false);
    expect(staleIds.has(fresh.id)).toBe(false);
    expect(staleIds.size).toBe(again.flags.stale[0]?.total ?? 0);
    // The same period a day after the month's end plus 60 days: stale.
    const later = (await getDashboard(org, new Date('2026-12-01T00:00:00Z')))!;
    expect(later.flags.stale.some((p) => p.id === september.id)).toBe(true);
    await database.prisma.project.deleteMany({ where: { id: { in: [september.id, fresh.id] } } });
  });

  it('adds a 全市 row for city-wide projects, so the district table adds up to every project', async () => {
    const r = await one<{ citywide: number; all: number }>(
      database,
      `SELECT count(*) FILTER (WHERE "zoneId" IS NULL)::int AS citywide, count(*)::int AS all FROM "Project"`,
    );
    const row = data.districts.find((d) => d.id === null);
    expect(row?.projects).toBe(r.citywide);
    expect(r.citywide).toBeGreaterThan(0);
    expect(data.districts.reduce((s, d) => s + d.projects, 0)).toBe(r.all);
  });

  it('discloses investment made by projects with no planned figure, and the SOEs it lifts above plan', async () => {
    const r = await one<{ made: string; projects: number }>(
      database,
      `SELECT coalesce(sum(u."investmentToDate"), 0)::text AS made, count(*) FILTER (WHERE u."investmentToDate" > 0)::int AS projects
         FROM "Project" p JOIN LATERAL (SELECT "investmentToDate" FROM "ProjectUpdate" x WHERE x."projectId" = p.id
           AND x.confirmation NOT IN ('DISPUTED', 'EXCLUDED') ORDER BY period DESC LIMIT 1) u ON true
        WHERE p."plannedInvestment" IS NULL`,
    );
    expect(data.projects.madeUnplanned).toBe(r.made);
    expect(data.projects.projectsUnplanned).toBe(r.projects);
    for (const s of data.soes) if (Number(s.made) > Number(s.planned)) expect(Number(s.madeUnplanned), s.name).toBeGreaterThan(0);
  });

  it('calls beneficiaries 人次 and counts the project–village pairs under two or more kinds', async () => {
    const r = await one<{ pairs: number; sum: number }>(
      database,
      `SELECT (SELECT count(*)::int FROM (SELECT DISTINCT a."projectId", a."villageId" FROM "Beneficiary" a JOIN "Beneficiary" b
                ON a."projectId" = b."projectId" AND a."villageId" = b."villageId" AND a.kind < b.kind) x) AS pairs,
              (SELECT sum(people)::int FROM "Beneficiary") AS sum`,
    );
    expect(data.participation.beneficiaries).toBe(r.sum);
    expect(data.participation.beneficiaryOverlaps).toBe(r.pairs);
    expect(r.pairs).toBeGreaterThan(0);
  });

  it('counts municipal SOEs paired today, and all levels apart', async () => {
    const r = await one<{ municipal: number; all: number }>(
      database,
      `SELECT count(DISTINCT s.id) FILTER (WHERE s.level = 'MUNICIPAL')::int AS municipal, count(DISTINCT s.id)::int AS all
         FROM "Soe" s JOIN "Pairing" p ON p."soeId" = s.id WHERE p.until IS NULL`,
    );
    expect(data.participation.soes).toBe(r.municipal);
    expect(data.participation.soesAllLevels).toBe(r.all);
    expect(r.all).toBeGreaterThan(r.municipal);
  });

  it('gives all five reported totals with their source and no assumed date', () => {
    for (const metric of ['SOE_PARTY_COMMITTEES', 'PAIRED_JOINT_COMMITTEES', 'PROJECTS', 'RURAL_BENEFICIARIES', 'FUNCTIONAL_JOINT_COMMITTEES']) {
      expect(data.reported[metric], metric).toMatchObject({ asOf: null, asOfText: '行动首年', source: '中国组织人事报' });
    }
    expect(data.reported.FUNCTIONAL_JOINT_COMMITTEES?.value).toBe('314');
  });

  it('lists the villages behind a year’s average: N of them, n with an income', async () => {
    const all = await listVillages(org, villageListSchema.parse({ year: String(YEAR) }), 10_000);
    const missing = await listVillages(org, villageListSchema.parse({ year: String(YEAR), missing: '1' }), 10_000);
    expect(all.total).toBe(data.income.villages);
    expect(all.total - missing.total).toBe(data.income.reporting);
    const band = data.income.distribution[0]!;
    expect((await listVillages(org, villageListSchema.parse({ year: String(YEAR), band: String(band.band) }))).total).toBe(band.villages);
  });

  it('marks every headline figure, chart and export built from sample records', async () => {
    const s = data.sample;
    expect(s).toMatchObject({ zones: true, income: true, projects: true, participation: true, beneficiaries: true });
    expect(s.incomeYears.length).toBeGreaterThan(0);
    expect(s.bands.length).toBeGreaterThan(0);
    expect(s.modes.length).toBeGreaterThan(0);
    expect(s.outcomes.length).toBeGreaterThan(0);
    expect(s.soes.length).toBeGreaterThan(0);
    expect(s.districts).toContain(null);
    // 武汉农业集团 (a fact SOE) has sample pairings and projects: marked in the leaderboard too.
    const nongye = data.soes.find((x) => x.name === '武汉农业集团')!;
    expect(s.soes).toContain(nongye.id);
    expect(nongye.nameVerified).toBe(false);
    const sheets = (await dashboardTables(org, 'zh-CN', NOW))!;
    for (const sheet of sheets.filter((x) => x.rows.length > 0 && x.name !== '需要关注')) {
      expect(sheet.columns.map((c) => c.key), sheet.name).toContain('sample');
      expect(sheet.caption?.join(' '), sheet.name).toContain('示例');
    }
    for (const name of ['soe-leaderboard', 'districts']) {
      const table = (await exporters[name]!(org, {}, 'zh-CN', NOW))!;
      expect(table.rows.some((r) => r.sample === '示例'), name).toBe(true);
    }
  });
});
