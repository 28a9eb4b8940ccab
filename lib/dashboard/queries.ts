import 'server-only';
import { Prisma, readDb } from '@/lib/db/client';
import { isStale, pairedInYear, zonesPairedOn } from './rules';

// The citywide dashboard's figures, each one SQL aggregate (never rows summed
// in JavaScript). Money stays exact: sums and averages come back as text.
// "Paired zones" are zones with a pairing in force on the reference date; a
// year's income counts the villages of zones paired in that year (rules.ts).
// Incomes and project figures are read from the rollups (schema `rollup`, kept
// current by triggers in the same transaction as every write: see the migration
// 20261129140000_rollups), per zone × year or per project, so the rules of
// rules.ts apply to rollup rows (`pairedInYear('r.zone_id', …)`) and a
// recomputation after a write does not read the million incomes;
// tests/bench/floor.ts computes the same figures from the base tables.

const sql = () => readDb();

/**
 * Villages above the target among the rollup rows `r` of `year`, from the rollup when it counts
 * against the same target, else from the incomes of the villages of zones paired in that year.
 */
const above = (incomeTarget: string, year: number | string) => Prisma.sql`
  CASE WHEN rollup.income_target() = ${incomeTarget}::numeric THEN sum(r.above)
  ELSE (SELECT count(*) FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId"
        WHERE vi.year = ${typeof year === 'number' ? Prisma.sql`${year}::int` : Prisma.raw(year)}
          AND vi.amount > ${incomeTarget}::numeric AND ${pairedInYear('v."zoneId"', year)}) END`;

export type Kpis = Awaited<ReturnType<typeof getKpis>>;

/** The headline figures for `year` (the latest complete year of incomes). */
export async function getKpis(year: number, incomeTarget: string, today: Date) {
  const [row] = await sql().$queryRaw<
    {
      accredited: number;
      candidates: number;
      accreditationAsOf: Date | null;
      villages: number;
      villagesReporting: number;
      villagesAbove: number;
      averageIncome: string | null;
      incomeAsOf: Date | null;
      soes: number;
      soesAllLevels: number;
      pairedZones: number;
      pairingAsOf: Date | null;
      beneficiaries: number;
      beneficiaryOverlaps: number;
      disputedUpdates: number;
    }[]
  >`
    SELECT z.accredited, a.candidates, a."accreditationAsOf", n.villages, i."villagesReporting", i."villagesAbove",
      i."averageIncome", i."incomeAsOf", s.soes, s."soesAllLevels", pz."pairedZones", pz."pairingAsOf", b.beneficiaries,
      bo."beneficiaryOverlaps", d."disputedUpdates"
    FROM (SELECT count(*)::int AS accredited FROM "Zone" WHERE "accreditedAt" IS NOT NULL) z,
      (SELECT count(DISTINCT "zoneId") FILTER (WHERE status = 'CANDIDATE')::int AS candidates,
         max(greatest("nominatedOn", "accreditedOn", "closedOn")) AS "accreditationAsOf" FROM "Accreditation") a,
      -- The villages of zones paired in the year (N), and those that reported (n) with their incomes, from the rollups.
      (SELECT coalesce(sum(zv.villages), 0)::int AS villages FROM rollup.zone_villages zv
       WHERE ${pairedInYear('zv.zone_id', year)}) n,
      (SELECT coalesce(sum(r.villages), 0)::int AS "villagesReporting",
         coalesce(${above(incomeTarget, year)}, 0)::int AS "villagesAbove",
         round(sum(r.total) / sum(r.villages), 2)::text AS "averageIncome", max(r.last_updated) AS "incomeAsOf"
       FROM rollup.zone_year_income r WHERE r.year = ${year} AND ${pairedInYear('r.zone_id', year)}) i,
      -- SOEs paired now: municipal ones (the program's 市属国企, the headline), and of every level (the leaderboard lists all).
      (SELECT count(DISTINCT pr."soeId") FILTER (WHERE s.level = 'MUNICIPAL')::int AS soes, count(DISTINCT pr."soeId")::int AS "soesAllLevels"
       FROM "Pairing" pr JOIN "Soe" s ON s.id = pr."soeId"
       WHERE pr."since" <= ${today}::date AND (pr."until" IS NULL OR pr."until" >= ${today}::date)) s,
      (SELECT count(DISTINCT "zoneId") FILTER (WHERE "since" <= ${today}::date AND ("until" IS NULL OR "until" >= ${today}::date))::int AS "pairedZones",
         max("since") AS "pairingAsOf" FROM "Pairing") pz,
      -- 人次: a person counted under two kinds (farmer and local worker) is counted twice; the overlaps are counted apart.
      (SELECT coalesce(sum(people), 0)::int AS beneficiaries FROM "Beneficiary") b,
      (SELECT count(*)::int AS "beneficiaryOverlaps" FROM (SELECT 1 FROM "Beneficiary" WHERE "villageId" IS NOT NULL
         GROUP BY "projectId", "villageId" HAVING count(*) > 1) o) bo,
      (SELECT coalesce(sum(disputed), 0)::int AS "disputedUpdates" FROM rollup.project_latest) d
  `;
  return row!;
}

type ProjectGroup = {
  projects: number;
  planned: string;
  made: string;
  /** Investment made by projects with no planned figure: in `made`, not in `planned`. */
  madeUnplanned: string;
  projectsUnplanned: number;
  jobs: number;
  incomeToVillages: string;
  asOf: Date | null;
};

/**
 * Projects with planned and made investment, jobs and income to villages (the
 * latest update of each that is confirmed or awaiting confirmation: disputed and
 * excluded updates are not counted, the disputed ones are counted apart in the KPIs), by status, by cooperation mode and by outcome area,
 * and in total: one pass over the projects (GROUPING SETS).
 */
export async function getProjectBreakdown() {
  return shapeProjectBreakdown(await sql().$queryRaw<ProjectGroupRow[]>`
    SELECT p.status::text AS status, p.mode::text AS mode, p."outcomeArea"::text AS "outcomeArea",
      GROUPING(p.status, p.mode, p."outcomeArea")::int AS grouping, count(*)::int AS projects,
      coalesce(sum(p."plannedInvestment"), 0)::text AS planned,
      coalesce(sum(l.investment), 0)::text AS made,
      coalesce(sum(l.investment) FILTER (WHERE p."plannedInvestment" IS NULL), 0)::text AS "madeUnplanned",
      count(*) FILTER (WHERE p."plannedInvestment" IS NULL AND l.investment > 0)::int AS "projectsUnplanned",
      coalesce(sum(l.jobs), 0)::int AS jobs,
      coalesce(sum(l.income), 0)::text AS "incomeToVillages",
      max(greatest(l.counted_period, p."updatedAt"::date)) AS "asOf"
    FROM "Project" p LEFT JOIN rollup.project_latest l ON l.project_id = p.id
    GROUP BY GROUPING SETS ((p.status), (p.mode), (p."outcomeArea"), ())
    ORDER BY grouping, status, mode, "outcomeArea"
  `);
}

type ProjectGroupRow = ProjectGroup & { status: string | null; mode: string | null; outcomeArea: string | null; grouping: number };

export function shapeProjectBreakdown(rows: ProjectGroupRow[]) {
  // GROUPING() has a bit set for each column not grouped by: 0b011 → by status, 0b101 → by mode, 0b110 → by outcome area.
  const group = (bits: number) => rows.filter((r) => r.grouping === bits);
  const total = group(0b111)[0];
  const pick = ({ projects, planned, made, madeUnplanned, projectsUnplanned, jobs, incomeToVillages, asOf }: ProjectGroup): ProjectGroup => ({
    projects, planned, made, madeUnplanned, projectsUnplanned, jobs, incomeToVillages, asOf,
  });
  return {
    total: total ? pick(total) : null,
    byStatus: group(0b011).map((r) => ({ status: r.status!, ...pick(r) })),
    byMode: group(0b101).map((r) => ({ key: r.mode!, ...pick(r) })),
    byOutcome: group(0b110).map((r) => ({ key: r.outcomeArea!, ...pick(r) })),
  };
}

/** Net accredited model zones at the end of each month with a change (revocations count down). */
export async function getAccreditationHistory() {
  return sql().$queryRaw<{ month: Date; change: number; total: number }[]>`
    SELECT month, change::int, (sum(change) OVER (ORDER BY month))::int AS total FROM (
      SELECT date_trunc('month', d)::date AS month, sum(delta) AS change FROM (
        SELECT "accreditedOn" AS d, 1 AS delta FROM "Accreditation" WHERE "accreditedOn" IS NOT NULL
        UNION ALL
        SELECT "closedOn", -1 FROM "Accreditation" WHERE status = 'REVOKED' AND "accreditedOn" IS NOT NULL AND "closedOn" IS NOT NULL
      ) events GROUP BY 1
    ) months ORDER BY month
  `;
}

/**
 * Per year with incomes: the average income of the villages of zones paired in that year that
 * reported (`villages`, n), how many such villages there were (`eligible`, N), and how many are above the target.
 */
export async function getIncomeByYear(incomeTarget: string) {
  return sql().$queryRaw<{ year: number; average: string; villages: number; eligible: number; above: number }[]>`
    WITH y AS (SELECT DISTINCT year FROM rollup.zone_year_income), eligible AS (
      SELECT y.year, sum(zv.villages) AS villages FROM y JOIN rollup.zone_villages zv ON ${pairedInYear('zv.zone_id', 'y.year')}
      GROUP BY y.year
    ), reporting AS (
      SELECT r.year, round(sum(r.total) / sum(r.villages), 2) AS average, sum(r.villages) AS villages,
        ${above(incomeTarget, 'r.year')} AS above
      FROM rollup.zone_year_income r WHERE ${pairedInYear('r.zone_id', 'r.year')}
      GROUP BY r.year
    )
    SELECT r.year, r.average::text AS average, r.villages::int AS villages, coalesce(e.villages, 0)::int AS eligible, r.above::int AS above
    FROM reporting r LEFT JOIN eligible e ON e.year = r.year
    WHERE r.villages > 0 ORDER BY r.year
  `;
}

/** Villages of zones paired in `year` by income band of 100,000 yuan (the last band is open-ended). */
export async function getIncomeDistribution(year: number) {
  return sql().$queryRaw<{ band: number; villages: number }[]>`
    SELECT (b.i - 1)::int AS band, sum(b.n)::int AS villages
    FROM rollup.zone_year_income r, unnest(r.bands) WITH ORDINALITY b(n, i)
    WHERE r.year = ${year} AND ${pairedInYear('r.zone_id', year)}
    GROUP BY b.i HAVING sum(b.n) > 0 ORDER BY b.i
  `;
}

/**
 * Per SOE: zones paired now, projects, planned and made investment, newest
 * update, stale projects; the first `limit` by investment made (all when null),
 * each row carrying the number of SOEs in `total`.
 */
export async function getSoeLeaderboard(today: Date, limit: number | null = null) {
  return sql().$queryRaw<
    {
      id: number;
      name: string;
      level: 'MUNICIPAL' | 'PROVINCIAL';
      nameVerified: boolean;
      zones: number;
      projects: number;
      planned: string;
      made: string;
      madeUnplanned: string;
      lastUpdate: Date | null;
      stale: number;
      total: number;
    }[]
  >`
    WITH per_project AS (
      -- The latest counted update of each project (confirmed or awaiting), from the rollup.
      SELECT p."soeId", count(*) AS projects, coalesce(sum(p."plannedInvestment"), 0) AS planned,
        coalesce(sum(l.investment), 0) AS made,
        coalesce(sum(l.investment) FILTER (WHERE p."plannedInvestment" IS NULL), 0) AS "madeUnplanned",
        max(l.counted_period) AS "lastUpdate", count(*) FILTER (WHERE ${isStale('p', 'l.counted_period', today)}) AS stale
      FROM "Project" p LEFT JOIN rollup.project_latest l ON l.project_id = p.id GROUP BY p."soeId"
    ), zones AS (
      SELECT "soeId", count(DISTINCT "zoneId") AS zones FROM "Pairing"
      WHERE "since" <= ${today}::date AND ("until" IS NULL OR "until" >= ${today}::date) GROUP BY "soeId"
    )
    SELECT s.id, s.name, s.level::text AS level, s."nameVerified", coalesce(z.zones, 0)::int AS zones, coalesce(pp.projects, 0)::int AS projects,
      coalesce(pp.planned, 0)::text AS planned, coalesce(pp.made, 0)::text AS made, coalesce(pp."madeUnplanned", 0)::text AS "madeUnplanned", pp."lastUpdate",
      coalesce(pp.stale, 0)::int AS stale, (count(*) OVER ())::int AS total
    FROM "Soe" s LEFT JOIN per_project pp ON pp."soeId" = s.id LEFT JOIN zones z ON z."soeId" = s.id
    ORDER BY coalesce(pp.made, 0) DESC, s.name
    LIMIT ${limit}
  `;
}

/**
 * Per district: zones, paired zones, villages, model zones, average income in `year`, projects; then
 * one 全市 row (id and name null) for the city-wide projects tied to no zone, so the projects add up.
 */
export async function getDistrictBreakdown(year: number, today: Date) {
  return sql().$queryRaw<
    { id: number | null; name: string | null; zones: number; pairedZones: number; villages: number; accredited: number; averageIncome: string | null; projects: number }[]
  >`
    WITH paired AS (${zonesPairedOn(today)}), zone_stats AS (
      SELECT z."districtId", count(*) AS zones, count(p."zoneId") AS paired, count(z."accreditedAt") AS accredited
      FROM "Zone" z LEFT JOIN paired p ON p."zoneId" = z.id GROUP BY z."districtId"
    ), village_stats AS (
      SELECT z."districtId", sum(zv.villages) AS villages, round(sum(r.total) / sum(r.villages), 2) AS average
      FROM rollup.zone_villages zv JOIN "Zone" z ON z.id = zv.zone_id
      LEFT JOIN rollup.zone_year_income r ON r.zone_id = zv.zone_id AND r.year = ${year}
      GROUP BY z."districtId"
    ), project_stats AS (
      SELECT z."districtId", count(*) AS projects FROM "Project" pr JOIN "Zone" z ON z.id = pr."zoneId" GROUP BY z."districtId"
    )
    SELECT d.id, d.name, coalesce(zs.zones, 0)::int AS zones, coalesce(zs.paired, 0)::int AS "pairedZones",
      coalesce(vs.villages, 0)::int AS villages, coalesce(zs.accredited, 0)::int AS accredited,
      vs.average::text AS "averageIncome", coalesce(ps.projects, 0)::int AS projects
    FROM "District" d
    LEFT JOIN zone_stats zs ON zs."districtId" = d.id
    LEFT JOIN village_stats vs ON vs."districtId" = d.id
    LEFT JOIN project_stats ps ON ps."districtId" = d.id
    UNION ALL
    SELECT NULL, NULL, 0, 0, 0, 0, NULL, count(*)::int FROM "Project" WHERE "zoneId" IS NULL
    ORDER BY name NULLS LAST
  `;
}

/**
 * Per district: investment made by the projects of its zones (each project's latest counted
 * update, as in the project breakdown and the leaderboard). The map's third measure and the
 * district table's column.
 */
export async function getDistrictInvestment() {
  return sql().$queryRaw<{ districtId: number; made: string }[]>`
    SELECT z."districtId", coalesce(sum(l.investment), 0)::text AS made
    FROM "Project" p JOIN "Zone" z ON z.id = p."zoneId" LEFT JOIN rollup.project_latest l ON l.project_id = p.id
    GROUP BY z."districtId"
  `;
}
