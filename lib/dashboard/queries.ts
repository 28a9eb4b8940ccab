import 'server-only';
import { readDb } from '@/lib/db/client';
import { isStale, pairedInYear, zonesPairedOn } from './rules';

// The citywide dashboard's figures, each one SQL aggregate (never rows summed
// in JavaScript). Money stays exact: sums and averages come back as text.
// "Paired zones" are zones with a pairing in force on the reference date; a
// year's income counts the villages of zones paired in that year (rules.ts).

const sql = () => readDb();

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
    SELECT z.accredited, a.candidates, a."accreditationAsOf", i.villages, i."villagesReporting", i."villagesAbove",
      i."averageIncome", i."incomeAsOf", s.soes, s."soesAllLevels", pz."pairedZones", pz."pairingAsOf", b.beneficiaries,
      bo."beneficiaryOverlaps", d."disputedUpdates"
    FROM (SELECT count(*)::int AS accredited FROM "Zone" WHERE "accreditedAt" IS NOT NULL) z,
      (SELECT count(DISTINCT "zoneId") FILTER (WHERE status = 'CANDIDATE')::int AS candidates,
         max(greatest("nominatedOn", "accreditedOn", "closedOn")) AS "accreditationAsOf" FROM "Accreditation") a,
      -- One pass over the villages of zones paired in the year (n reporting of N) and their incomes of the year.
      (SELECT count(*)::int AS villages, count(vi.amount)::int AS "villagesReporting",
         count(*) FILTER (WHERE vi.amount > ${incomeTarget}::numeric)::int AS "villagesAbove",
         round(avg(vi.amount), 2)::text AS "averageIncome", max(vi."updatedAt") AS "incomeAsOf"
       FROM "Village" v LEFT JOIN "VillageIncome" vi ON vi."villageId" = v.id AND vi.year = ${year}
       WHERE ${pairedInYear('v."zoneId"', year)}) i,
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
      (SELECT count(*)::int AS "disputedUpdates" FROM "ProjectUpdate" WHERE confirmation = 'DISPUTED') d
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
    WITH latest AS (
      SELECT DISTINCT ON ("projectId") "projectId", "investmentToDate", "jobsCreated", "incomeToVillages", period
      FROM "ProjectUpdate" WHERE confirmation NOT IN ('DISPUTED', 'EXCLUDED') ORDER BY "projectId", period DESC
    )
    SELECT p.status::text AS status, p.mode::text AS mode, p."outcomeArea"::text AS "outcomeArea",
      GROUPING(p.status, p.mode, p."outcomeArea")::int AS grouping, count(*)::int AS projects,
      coalesce(sum(p."plannedInvestment"), 0)::text AS planned,
      coalesce(sum(l."investmentToDate"), 0)::text AS made,
      coalesce(sum(l."investmentToDate") FILTER (WHERE p."plannedInvestment" IS NULL), 0)::text AS "madeUnplanned",
      count(*) FILTER (WHERE p."plannedInvestment" IS NULL AND l."investmentToDate" > 0)::int AS "projectsUnplanned",
      coalesce(sum(l."jobsCreated"), 0)::int AS jobs,
      coalesce(sum(l."incomeToVillages"), 0)::text AS "incomeToVillages",
      max(greatest(l.period, p."updatedAt"::date)) AS "asOf"
    FROM "Project" p LEFT JOIN latest l ON l."projectId" = p.id
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
    SELECT y.year, round(avg(vi.amount), 2)::text AS average, count(vi.amount)::int AS villages, count(*)::int AS eligible,
      count(*) FILTER (WHERE vi.amount > ${incomeTarget}::numeric)::int AS above
    FROM (SELECT DISTINCT year FROM "VillageIncome") y
    JOIN "Village" v ON ${pairedInYear('v."zoneId"', 'y.year')}
    LEFT JOIN "VillageIncome" vi ON vi."villageId" = v.id AND vi.year = y.year
    GROUP BY y.year HAVING count(vi.amount) > 0 ORDER BY y.year
  `;
}

/** Villages of zones paired in `year` by income band of 100,000 yuan (the last band is open-ended). */
export async function getIncomeDistribution(year: number) {
  return sql().$queryRaw<{ band: number; villages: number }[]>`
    SELECT least(floor(vi.amount / 100000), 10)::int AS band, count(*)::int AS villages
    FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId"
    WHERE vi.year = ${year} AND ${pairedInYear('v."zoneId"', year)}
    GROUP BY 1 ORDER BY 1
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
    WITH latest AS (
      SELECT DISTINCT ON ("projectId") "projectId", "investmentToDate", period FROM "ProjectUpdate"
      WHERE confirmation NOT IN ('DISPUTED', 'EXCLUDED') ORDER BY "projectId", period DESC
    ), per_project AS (
      SELECT p."soeId", count(*) AS projects, coalesce(sum(p."plannedInvestment"), 0) AS planned,
        coalesce(sum(l."investmentToDate"), 0) AS made,
        coalesce(sum(l."investmentToDate") FILTER (WHERE p."plannedInvestment" IS NULL), 0) AS "madeUnplanned",
        max(l.period) AS "lastUpdate", count(*) FILTER (WHERE ${isStale('p', 'l.period', today)}) AS stale
      FROM "Project" p LEFT JOIN latest l ON l."projectId" = p.id GROUP BY p."soeId"
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
      SELECT z."districtId", count(DISTINCT v.id) AS villages, round(avg(vi.amount), 2) AS average
      FROM "Village" v JOIN "Zone" z ON z.id = v."zoneId"
      LEFT JOIN "VillageIncome" vi ON vi."villageId" = v.id AND vi.year = ${year}
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
    WITH latest AS (
      SELECT DISTINCT ON ("projectId") "projectId", "investmentToDate" FROM "ProjectUpdate"
      WHERE confirmation NOT IN ('DISPUTED', 'EXCLUDED') ORDER BY "projectId", period DESC
    )
    SELECT z."districtId", coalesce(sum(l."investmentToDate"), 0)::text AS made
    FROM "Project" p JOIN "Zone" z ON z.id = p."zoneId" LEFT JOIN latest l ON l."projectId" = p.id
    GROUP BY z."districtId"
  `;
}
