import 'server-only';
import { db } from '@/lib/db/client';
import { STALE_AFTER_DAYS } from '@/lib/metrics/quality';

// The citywide dashboard's figures, each one SQL aggregate (never rows summed
// in JavaScript). Money stays exact: sums and averages come back as text.
// "Paired zones" are zones with a pairing in force on the reference date.

const sql = () => db();

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
      pairedZones: number;
      pairingAsOf: Date | null;
      beneficiaries: number;
    }[]
  >`
    WITH paired AS (
      SELECT DISTINCT "zoneId" FROM "Pairing" WHERE "since" <= ${today}::date AND ("until" IS NULL OR "until" >= ${today}::date)
    ), income AS (
      SELECT vi.amount, vi."updatedAt" FROM "VillageIncome" vi
      JOIN "Village" v ON v.id = vi."villageId" JOIN paired p ON p."zoneId" = v."zoneId"
      WHERE vi.year = ${year}
    )
    SELECT
      (SELECT count(*)::int FROM "Zone" WHERE "accreditedAt" IS NOT NULL) AS accredited,
      (SELECT count(DISTINCT "zoneId")::int FROM "Accreditation" WHERE status = 'CANDIDATE') AS candidates,
      (SELECT max(greatest("nominatedOn", "accreditedOn", "closedOn")) FROM "Accreditation") AS "accreditationAsOf",
      (SELECT count(*)::int FROM "Village" v JOIN paired p ON p."zoneId" = v."zoneId") AS villages,
      (SELECT count(*)::int FROM income) AS "villagesReporting",
      (SELECT count(*)::int FROM income WHERE amount > ${incomeTarget}::numeric) AS "villagesAbove",
      (SELECT round(avg(amount), 2)::text FROM income) AS "averageIncome",
      (SELECT max("updatedAt") FROM income) AS "incomeAsOf",
      (SELECT count(DISTINCT pr."soeId")::int FROM "Pairing" pr JOIN "Soe" s ON s.id = pr."soeId"
        WHERE s.level = 'MUNICIPAL' AND pr."since" <= ${today}::date AND (pr."until" IS NULL OR pr."until" >= ${today}::date)) AS soes,
      (SELECT count(*)::int FROM paired) AS "pairedZones",
      (SELECT max("since") FROM "Pairing") AS "pairingAsOf",
      (SELECT coalesce(sum(people), 0)::int FROM "Beneficiary") AS beneficiaries
  `;
  return row!;
}

/**
 * Projects by status with planned and made investment, jobs and income to
 * villages (latest update of each); the row with status null is the total.
 */
export async function getProjectTotals() {
  return sql().$queryRaw<
    { status: string | null; projects: number; planned: string; made: string; jobs: number; incomeToVillages: string; asOf: Date | null }[]
  >`
    WITH latest AS (
      SELECT DISTINCT ON ("projectId") "projectId", "investmentToDate", "jobsCreated", "incomeToVillages", period
      FROM "ProjectUpdate" ORDER BY "projectId", period DESC
    )
    SELECT p.status::text AS status, count(*)::int AS projects,
      coalesce(sum(p."plannedInvestment"), 0)::text AS planned,
      coalesce(sum(l."investmentToDate"), 0)::text AS made,
      coalesce(sum(l."jobsCreated"), 0)::int AS jobs,
      coalesce(sum(l."incomeToVillages"), 0)::text AS "incomeToVillages",
      max(greatest(l.period, p."updatedAt"::date)) AS "asOf"
    FROM "Project" p LEFT JOIN latest l ON l."projectId" = p.id
    GROUP BY ROLLUP (p.status) ORDER BY p.status NULLS LAST
  `;
}

/** Projects and investment by a dimension of the project (cooperation mode or outcome area). */
export async function getProjectsBy(dimension: 'mode' | 'outcomeArea') {
  // The column name is one of two literals, never user input.
  const column = dimension === 'mode' ? 'mode' : '"outcomeArea"';
  return sql().$queryRawUnsafe<{ key: string; projects: number; planned: string; made: string }[]>(`
    WITH latest AS (
      SELECT DISTINCT ON ("projectId") "projectId", "investmentToDate" FROM "ProjectUpdate" ORDER BY "projectId", period DESC
    )
    SELECT p.${column}::text AS key, count(*)::int AS projects,
      coalesce(sum(p."plannedInvestment"), 0)::text AS planned, coalesce(sum(l."investmentToDate"), 0)::text AS made
    FROM "Project" p LEFT JOIN latest l ON l."projectId" = p.id
    GROUP BY 1 ORDER BY 1
  `);
}

/** Net accredited demo zones at the end of each month with a change (revocations count down). */
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

/** Average income of villages in paired zones, per year, and how many are above the target. */
export async function getIncomeByYear(incomeTarget: string, today: Date) {
  return sql().$queryRaw<{ year: number; average: string; villages: number; above: number }[]>`
    WITH paired AS (
      SELECT DISTINCT "zoneId" FROM "Pairing" WHERE "since" <= ${today}::date AND ("until" IS NULL OR "until" >= ${today}::date)
    )
    SELECT vi.year, round(avg(vi.amount), 2)::text AS average, count(*)::int AS villages,
      count(*) FILTER (WHERE vi.amount > ${incomeTarget}::numeric)::int AS above
    FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId" JOIN paired p ON p."zoneId" = v."zoneId"
    GROUP BY vi.year ORDER BY vi.year
  `;
}

/** Villages of paired zones by income band of 100,000 yuan (the last band is open-ended). */
export async function getIncomeDistribution(year: number, today: Date) {
  return sql().$queryRaw<{ band: number; villages: number }[]>`
    WITH paired AS (
      SELECT DISTINCT "zoneId" FROM "Pairing" WHERE "since" <= ${today}::date AND ("until" IS NULL OR "until" >= ${today}::date)
    )
    SELECT least(floor(vi.amount / 100000), 10)::int AS band, count(*)::int AS villages
    FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId" JOIN paired p ON p."zoneId" = v."zoneId"
    WHERE vi.year = ${year}
    GROUP BY 1 ORDER BY 1
  `;
}

/** Per SOE: zones paired now, projects, planned and made investment, newest update, stale projects. */
export async function getSoeLeaderboard(today: Date) {
  return sql().$queryRaw<
    { id: number; name: string; zones: number; projects: number; planned: string; made: string; lastUpdate: Date | null; stale: number }[]
  >`
    WITH latest AS (
      SELECT DISTINCT ON ("projectId") "projectId", "investmentToDate", period FROM "ProjectUpdate" ORDER BY "projectId", period DESC
    ), per_project AS (
      SELECT p."soeId", count(*) AS projects, coalesce(sum(p."plannedInvestment"), 0) AS planned,
        coalesce(sum(l."investmentToDate"), 0) AS made, max(l.period) AS "lastUpdate",
        count(*) FILTER (WHERE p.status = 'IN_PROGRESS'
          AND coalesce(l.period, p."startDate", p."createdAt"::date) < ${today}::date - ${STALE_AFTER_DAYS}::int) AS stale
      FROM "Project" p LEFT JOIN latest l ON l."projectId" = p.id GROUP BY p."soeId"
    ), zones AS (
      SELECT "soeId", count(DISTINCT "zoneId") AS zones FROM "Pairing"
      WHERE "since" <= ${today}::date AND ("until" IS NULL OR "until" >= ${today}::date) GROUP BY "soeId"
    )
    SELECT s.id, s.name, coalesce(z.zones, 0)::int AS zones, coalesce(pp.projects, 0)::int AS projects,
      coalesce(pp.planned, 0)::text AS planned, coalesce(pp.made, 0)::text AS made, pp."lastUpdate",
      coalesce(pp.stale, 0)::int AS stale
    FROM "Soe" s LEFT JOIN per_project pp ON pp."soeId" = s.id LEFT JOIN zones z ON z."soeId" = s.id
    ORDER BY coalesce(pp.made, 0) DESC, s.name
  `;
}

/** Per district: zones, paired zones, villages, demo zones, average income in `year`, projects. */
export async function getDistrictBreakdown(year: number, today: Date) {
  return sql().$queryRaw<
    { id: number; name: string; zones: number; pairedZones: number; villages: number; accredited: number; averageIncome: string | null; projects: number }[]
  >`
    WITH paired AS (
      SELECT DISTINCT "zoneId" FROM "Pairing" WHERE "since" <= ${today}::date AND ("until" IS NULL OR "until" >= ${today}::date)
    ), zone_stats AS (
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
    ORDER BY d.name
  `;
}
