import 'server-only';
import { Prisma, readDb } from '@/lib/db/client';
import { latestCompleteYear } from '@/lib/metrics/trajectory';
import { cachedSnapshot } from './cache';
import { pairedInYear } from './rules';
import { getSampleMarks } from './sample-marks';

// Year on year (同比): what happened in a year against the same stretch of the
// year before, per SOE, per district and for the city. Project figures are
// cumulative in their updates (the counting rule: a project's figures are its
// latest update that is confirmed or awaiting confirmation), so a year's flow is
// the counted figure at the period's end minus the counted figure at the end of
// the year before. A running year is compared to date: 1 Jan – today against
// 1 Jan – the same day last year. Incomes are yearly: the latest complete year
// against the one before. Accreditations count the zones accredited in the period.

export type ComparePeriods = {
  /** The year compared, and the day its period ends (today in a running year, else 31 Dec). */
  year: number;
  to: Date;
  /** The same stretch of the year before. */
  lastTo: Date;
  /** True when the year is still running: both periods end on the same day of the year, not on 31 Dec. */
  toDate: boolean;
  /** The income year (yearly reports: the latest complete year at most) and the one before. */
  incomeYear: number;
};

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/** The periods compared for `year` (the running year by default) as of `today`. */
export function comparePeriods(today: Date, year = today.getUTCFullYear()): ComparePeriods {
  const running = year >= today.getUTCFullYear();
  const y = Math.min(year, today.getUTCFullYear());
  const to = running ? utc(y, today.getUTCMonth(), today.getUTCDate()) : utc(y, 11, 31);
  // 29 Feb compares with 28 Feb: Date.UTC would roll it over into March.
  const lastTo = utc(y - 1, to.getUTCMonth(), Math.min(to.getUTCDate(), new Date(Date.UTC(y - 1, to.getUTCMonth() + 1, 0)).getUTCDate()));
  return { year: y, to, lastTo, toDate: running, incomeYear: Math.min(y, latestCompleteYear(today)) };
}

/** One row's figures: this period and the last, side by side. */
export type CompareFigures = {
  investment: string;
  investmentLast: string;
  jobs: number;
  jobsLast: number;
  incomeToVillages: string;
  incomeToVillagesLast: string;
  accredited: number;
  accreditedLast: number;
  /** Average village collective income in the income year and the one before (null: no village reported). */
  averageIncome: string | null;
  averageIncomeLast: string | null;
};

export type CompareRow = CompareFigures & { id: number | null; name: string | null };

/**
 * Each project's flows in the two periods: the latest counted update on or before each of four
 * days (the period ends and the ends of the years before them), this minus that.
 */
function projectFlows(p: ComparePeriods) {
  const startThis = utc(p.year, 0, 1);
  const startLast = utc(p.year - 1, 0, 1);
  return Prisma.sql`
    cut(k, day) AS (VALUES (0, ${p.to}::date), (1, ${startThis}::date - 1), (2, ${p.lastTo}::date), (3, ${startLast}::date - 1)),
    latest AS (
      SELECT DISTINCT ON (c.k, u."projectId") c.k, u."projectId", u."investmentToDate" AS inv, u."jobsCreated" AS jobs, u."incomeToVillages" AS inc
      FROM cut c JOIN "ProjectUpdate" u ON u.period <= c.day AND u.confirmation NOT IN ('DISPUTED', 'EXCLUDED')
      ORDER BY c.k, u."projectId", u.period DESC
    ),
    flows AS (
      SELECT "projectId",
        sum(CASE k WHEN 0 THEN inv WHEN 1 THEN -inv ELSE 0 END) AS inv, sum(CASE k WHEN 2 THEN inv WHEN 3 THEN -inv ELSE 0 END) AS inv_last,
        sum(CASE k WHEN 0 THEN jobs WHEN 1 THEN -jobs ELSE 0 END) AS jobs, sum(CASE k WHEN 2 THEN jobs WHEN 3 THEN -jobs ELSE 0 END) AS jobs_last,
        sum(CASE k WHEN 0 THEN inc WHEN 1 THEN -inc ELSE 0 END) AS inc, sum(CASE k WHEN 2 THEN inc WHEN 3 THEN -inc ELSE 0 END) AS inc_last
      FROM latest GROUP BY "projectId"
    ),
    accredited AS (
      SELECT id, "zoneId", "accreditedOn", ("accreditedOn" BETWEEN ${startThis}::date AND ${p.to}::date) AS this,
        ("accreditedOn" BETWEEN ${startLast}::date AND ${p.lastTo}::date) AS last
      FROM "Accreditation" WHERE "accreditedOn" IS NOT NULL
    )`;
}

/** The flow columns summed over the project flows `f`. */
const flowColumns = (f: string) => Prisma.raw(`
  coalesce(sum(${f}.inv), 0)::text AS investment, coalesce(sum(${f}.inv_last), 0)::text AS "investmentLast",
  coalesce(sum(${f}.jobs), 0)::int AS jobs, coalesce(sum(${f}.jobs_last), 0)::int AS "jobsLast",
  coalesce(sum(${f}.inc), 0)::text AS "incomeToVillages", coalesce(sum(${f}.inc_last), 0)::text AS "incomeToVillagesLast"`);

/** Then the accreditations `a` (this, last) and the incomes `i` (average, average_last): one row each per group. */
const figures = (f: string, a: string, i: string) => Prisma.sql`${flowColumns(f)},
  ${Prisma.raw(`coalesce(max(${a}.this), 0)::int AS accredited, coalesce(max(${a}.last), 0)::int AS "accreditedLast",
  max(${i}.average)::text AS "averageIncome", max(${i}.average_last)::text AS "averageIncomeLast"`)}`;

/**
 * The average income of the rollup rows `r` of `year` and of the year before (`average`, `average_last`):
 * their incomes' sum over their reporting villages, as the dashboard's income by year.
 */
const incomeAverages = (r: string, year: number) => {
  const of = (y: number) =>
    Prisma.sql`round(sum(${Prisma.raw(`${r}.total`)}) FILTER (WHERE ${Prisma.raw(`${r}.year`)} = ${y}::int) / nullif(sum(${Prisma.raw(`${r}.villages`)}) FILTER (WHERE ${Prisma.raw(`${r}.year`)} = ${y}::int), 0), 2)`;
  return Prisma.sql`${of(year)} AS average, ${of(year - 1)} AS average_last`;
};

/** Per SOE: its projects' flows, the zones accredited while paired with it, the income of the villages of the zones it was paired with in the year. */
export async function getSoeComparison(p: ComparePeriods) {
  return readDb().$queryRaw<CompareRow[]>`
    WITH ${projectFlows(p)},
    soe_flows AS (SELECT pr."soeId", f.* FROM flows f JOIN "Project" pr ON pr.id = f."projectId"),
    soe_acc AS (
      SELECT s."soeId", count(DISTINCT a.id) FILTER (WHERE a.this) AS this, count(DISTINCT a.id) FILTER (WHERE a.last) AS last
      FROM accredited a JOIN "Pairing" s ON s."zoneId" = a."zoneId" AND s.since <= a."accreditedOn" AND (s.until IS NULL OR s.until >= a."accreditedOn")
      GROUP BY s."soeId"
    ),
    soe_zone_year AS (
      SELECT DISTINCT s."soeId", r.zone_id, r.year, r.total, r.villages FROM rollup.zone_year_income r
      JOIN "Pairing" s ON s."zoneId" = r.zone_id AND s.since <= make_date(r.year, 12, 31) AND (s.until IS NULL OR s.until >= make_date(r.year, 1, 1))
      WHERE r.year IN (${p.incomeYear}::int, ${p.incomeYear - 1}::int)
    ),
    soe_income AS (
      SELECT "soeId",
        ${incomeAverages('soe_zone_year', p.incomeYear)}
      FROM soe_zone_year GROUP BY "soeId"
    )
    SELECT s.id, s.name, ${figures('f', 'a', 'i')}
    FROM "Soe" s LEFT JOIN soe_flows f ON f."soeId" = s.id LEFT JOIN soe_acc a ON a."soeId" = s.id LEFT JOIN soe_income i ON i."soeId" = s.id
    GROUP BY s.id, s.name
    ORDER BY coalesce(sum(f.inv), 0) DESC, s.name
  `;
}

/**
 * Per district: the flows of projects in its zones, its zones accredited, its villages' average income
 * (over all the district's villages, as the dashboard's district table); then the 全市 row (id and
 * name null): city-wide projects tied to no zone, so that the districts and it add up to the city.
 */
export async function getDistrictComparison(p: ComparePeriods) {
  return readDb().$queryRaw<CompareRow[]>`
    WITH ${projectFlows(p)},
    district_flows AS (SELECT z."districtId", f.* FROM flows f JOIN "Project" pr ON pr.id = f."projectId" JOIN "Zone" z ON z.id = pr."zoneId"),
    district_acc AS (
      SELECT z."districtId", count(*) FILTER (WHERE a.this) AS this, count(*) FILTER (WHERE a.last) AS last
      FROM accredited a JOIN "Zone" z ON z.id = a."zoneId" GROUP BY z."districtId"
    ),
    district_income AS (
      SELECT z."districtId",
        ${incomeAverages('r', p.incomeYear)}
      FROM rollup.zone_year_income r JOIN "Zone" z ON z.id = r.zone_id GROUP BY z."districtId"
    ),
    citywide AS (SELECT f.* FROM flows f JOIN "Project" pr ON pr.id = f."projectId" WHERE pr."zoneId" IS NULL)
    SELECT * FROM (
      SELECT d.id, d.name, ${figures('f', 'a', 'i')}
      FROM "District" d LEFT JOIN district_flows f ON f."districtId" = d.id LEFT JOIN district_acc a ON a."districtId" = d.id
      LEFT JOIN district_income i ON i."districtId" = d.id
      GROUP BY d.id, d.name
      UNION ALL
      SELECT NULL, NULL, ${flowColumns('f')}, 0, 0, NULL, NULL FROM citywide f
    ) rows ORDER BY name NULLS LAST
  `;
}

/** The city: every project's flows, every accreditation, and the headline income (villages of zones paired in the year). */
export async function getCityComparison(p: ComparePeriods) {
  const [row] = await readDb().$queryRaw<CompareFigures[]>`
    WITH ${projectFlows(p)},
    acc AS (SELECT count(*) FILTER (WHERE this) AS this, count(*) FILTER (WHERE last) AS last FROM accredited),
    income AS (
      SELECT ${incomeAverages('r', p.incomeYear)}
      FROM rollup.zone_year_income r WHERE r.year IN (${p.incomeYear}::int, ${p.incomeYear - 1}::int) AND ${pairedInYear('r.zone_id', 'r.year')}
    )
    SELECT ${figures('f', 'a', 'i')} FROM acc a CROSS JOIN income i LEFT JOIN flows f ON true
  `;
  return row!;
}

/** The comparison page's data for `year` as of `now`, computed once per change of the data (cache.ts); `fresh` for exports. */
export async function getYearOnYear(now: Date, year?: number, { fresh = false } = {}) {
  const periods = comparePeriods(now, year);
  const day = now.toISOString().slice(0, 10);
  const { value, asOf, current } = await cachedSnapshot(
    day,
    async () => {
      const [city, soes, districts, marks] = await Promise.all([
        getCityComparison(periods),
        getSoeComparison(periods),
        getDistrictComparison(periods),
        getSampleMarks(periods.incomeYear, now),
      ]);
      return { periods, city, soes, districts, sample: { city: marks.projects || marks.zones || marks.income, soes: marks.soes, districts: marks.districts } };
    },
    `compare:${periods.year}`,
    { fresh },
  );
  return { ...value, figuresAsOf: { at: asOf, current } };
}
