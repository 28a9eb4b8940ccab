import 'server-only';
import { Prisma, readDb } from '@/lib/db/client';
import { fromSample, pairedInYear } from './rules';

// Which of the dashboard's figures are computed from any sample record (the
// synthetic layer, `Source.isSample`): each is marked 示例 where it appears —
// card, chart, table row, export. Kept apart from the figures (queries.ts) so
// that the figures' SQL stays the definition alone. On a database holding the
// facts layer only, every answer here is false or empty.

/** A project's figures are its counted updates' (the counting rule): any of them from the sample layer marks it. */
const projectFromSample = (p: string) => fromSample(`${p}."sourceId"`);
const countedUpdateFromSample = (p: string) =>
  // Any counted update, not only the latest: marking a figure that a later real update superseded errs on the safe side.
  Prisma.sql`EXISTS (SELECT 1 FROM "ProjectUpdate" u WHERE u."projectId" = ${Prisma.raw(p)}.id AND u.confirmation NOT IN ('DISPUTED', 'EXCLUDED') AND ${fromSample('u."sourceId"')})`;

/** Nothing marked: a database with no sample source (the facts layer, a live deployment) needs no scan. */
const NONE = { zones: false, income: false, projects: false, participation: false, beneficiaries: false };

/** `incomeBands`: the income bands of `year` that have villages (getIncomeDistribution), the only ones searched for sample incomes. */
export async function getSampleMarks(year: number, today: Date, incomeBands: number[] = []) {
  const db = readDb();
  const [{ any }] = await db.$queryRaw<[{ any: boolean }]>`SELECT EXISTS (SELECT 1 FROM "Source" WHERE "isSample") AS any`;
  if (!any) return { ...NONE, incomeYears: [], bands: [], statuses: [], modes: [], outcomes: [], soes: [], districts: [] };
  const [figures, incomeYears, bands, projectGroups, soes, districts] = await Promise.all([
    db.$queryRaw<{ zones: boolean; income: boolean; projects: boolean; participation: boolean; beneficiaries: boolean }[]>`
      SELECT
        EXISTS (SELECT 1 FROM "Accreditation" a JOIN "Zone" z ON z.id = a."zoneId"
                WHERE ${fromSample('a."sourceId"')} OR ${fromSample('z."sourceId"')})
          OR EXISTS (SELECT 1 FROM "Zone" z WHERE z."accreditedAt" IS NOT NULL AND ${fromSample('z."sourceId"')}) AS zones,
        -- The rollup counts the incomes from a sample source: most often it answers alone.
        EXISTS (SELECT 1 FROM rollup.zone_year_income r WHERE r.year = ${year} AND r.sample > 0 AND ${pairedInYear('r.zone_id', year)})
        OR EXISTS (SELECT 1 FROM "Village" v WHERE ${pairedInYear('v."zoneId"', year)} AND (${fromSample('v."sourceId"')}
                OR EXISTS (SELECT 1 FROM "VillageIncome" vi WHERE vi."villageId" = v.id AND vi.year = ${year} AND ${fromSample('vi."sourceId"')})
                OR EXISTS (SELECT 1 FROM "Pairing" pr WHERE pr."zoneId" = v."zoneId" AND ${fromSample('pr."sourceId"')}
                           AND pr."since" <= make_date(${year}::int, 12, 31) AND (pr."until" IS NULL OR pr."until" >= make_date(${year}::int, 1, 1))))) AS income,
        EXISTS (SELECT 1 FROM "Project" p WHERE ${projectFromSample('p')} OR ${countedUpdateFromSample('p')}) AS projects,
        EXISTS (SELECT 1 FROM "Pairing" pr JOIN "Soe" s ON s.id = pr."soeId" JOIN "Zone" z ON z.id = pr."zoneId"
                WHERE pr."since" <= ${today}::date AND (pr."until" IS NULL OR pr."until" >= ${today}::date)
                  AND (${fromSample('pr."sourceId"')} OR ${fromSample('s."sourceId"')} OR ${fromSample('z."sourceId"')})) AS participation,
        EXISTS (SELECT 1 FROM "Beneficiary" b WHERE ${fromSample('b."sourceId"')}) AS beneficiaries`,
    // The years with an income from a sample source come from the rollup; only the other years are searched for sample villages.
    db.$queryRaw<{ year: number }[]>`
      WITH by_rollup AS (
        SELECT DISTINCT r.year FROM rollup.zone_year_income r WHERE r.sample > 0 AND ${pairedInYear('r.zone_id', 'r.year')}
      )
      SELECT year FROM by_rollup
      UNION
      SELECT y.year FROM (SELECT DISTINCT year FROM rollup.zone_year_income WHERE year NOT IN (SELECT year FROM by_rollup)) y
      WHERE EXISTS (SELECT 1 FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId"
                    WHERE vi.year = y.year AND ${pairedInYear('v."zoneId"', 'y.year')} AND ${fromSample('v."sourceId"')})`,
    // One search per band that has incomes (`incomeBands`, the distribution's), each ending at its first sample income.
    incomeBands.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<{ band: number }[]>`
      SELECT b.band FROM unnest(${incomeBands}::int[]) b(band)
      WHERE EXISTS (SELECT 1 FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId"
                    WHERE vi.year = ${year} AND least(floor(vi.amount / 100000), 10) = b.band AND ${pairedInYear('v."zoneId"', year)}
                      AND (${fromSample('vi."sourceId"')} OR ${fromSample('v."sourceId"')}))
      ORDER BY b.band`,
    db.$queryRaw<{ status: string; mode: string; outcomeArea: string }[]>`
      SELECT DISTINCT p.status::text AS status, p.mode::text AS mode, p."outcomeArea"::text AS "outcomeArea" FROM "Project" p
      WHERE ${projectFromSample('p')} OR ${countedUpdateFromSample('p')}`,
    db.$queryRaw<{ id: number }[]>`
      SELECT s.id FROM "Soe" s
      WHERE ${fromSample('s."sourceId"')}
        OR EXISTS (SELECT 1 FROM "Project" p WHERE p."soeId" = s.id AND (${projectFromSample('p')} OR ${countedUpdateFromSample('p')}))
        OR EXISTS (SELECT 1 FROM "Pairing" pr WHERE pr."soeId" = s.id AND ${fromSample('pr."sourceId"')}
                   AND pr."since" <= ${today}::date AND (pr."until" IS NULL OR pr."until" >= ${today}::date))`,
    db.$queryRaw<{ id: number | null }[]>`
      SELECT d.id FROM "District" d
      WHERE EXISTS (SELECT 1 FROM "Zone" z WHERE z."districtId" = d.id AND (${fromSample('z."sourceId"')}
          OR EXISTS (SELECT 1 FROM "Accreditation" a WHERE a."zoneId" = z.id AND ${fromSample('a."sourceId"')})
          OR EXISTS (SELECT 1 FROM "Pairing" pr WHERE pr."zoneId" = z.id AND ${fromSample('pr."sourceId"')})
          OR EXISTS (SELECT 1 FROM "Village" v WHERE v."zoneId" = z.id AND (${fromSample('v."sourceId"')}
               OR EXISTS (SELECT 1 FROM "VillageIncome" vi WHERE vi."villageId" = v.id AND vi.year = ${year} AND ${fromSample('vi."sourceId"')})))
          OR EXISTS (SELECT 1 FROM "Project" p WHERE p."zoneId" = z.id AND (${projectFromSample('p')} OR ${countedUpdateFromSample('p')}))))
      UNION ALL
      -- The 全市 row: city-wide projects tied to no zone.
      SELECT NULL WHERE EXISTS (SELECT 1 FROM "Project" p WHERE p."zoneId" IS NULL AND (${projectFromSample('p')} OR ${countedUpdateFromSample('p')}))`,
  ]);
  const groups = (key: 'status' | 'mode' | 'outcomeArea') => [...new Set(projectGroups.map((g) => g[key]))];
  return {
    ...figures[0]!,
    incomeYears: incomeYears.map((r) => r.year),
    bands: bands.map((r) => r.band),
    statuses: groups('status'),
    modes: groups('mode'),
    outcomes: groups('outcomeArea'),
    soes: soes.map((r) => r.id),
    districts: districts.map((r) => r.id),
  };
}

export type SampleMarks = Awaited<ReturnType<typeof getSampleMarks>>;
