import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { Prisma, readDb } from '@/lib/db/client';
import { cachedUntilDataChanges } from './cache';
import { fromSample, pairedInYear } from './rules';

// Where the villages' collective income of a year came from: the cooperatives' dividends, the income
// pairing projects brought the villages, and the rest. A module of its own beside the dashboard's
// figures (queries.ts). The incomes come from the rollup (per zone and year); dividends have none, and
// the projects' part is a flow over the year (like lib/dashboard/compare.ts), not the latest cumulative figure.

export type IncomeSources = {
  year: number;
  /** The reported incomes of the villages counted (of zones paired in the year). */
  total: string;
  /** Their dividends for the year, each up to the village's income (a dividend is part of it). */
  dividends: string;
  /** Of the projects of those zones: the year's increase of the counted cumulative income to villages. */
  projects: string;
  /** The total less both, never below 0. */
  rest: string;
  villages: number;
  /** Any income, dividend or project update under the figure is sample data (示例). */
  isSample: boolean;
};

/**
 * The figure for `year`, the same for every reader: computed once per change of the data (×10: ~110 ms
 * warm uncached). The dashboard has it in its own copy (`computeDashboard`), at the moment of its other
 * figures; this is for the export (`fresh`) and the tests.
 */
export async function getIncomeSources(user: SessionUser, year: number, now = new Date(), { fresh = false } = {}): Promise<IncomeSources | null> {
  if (!can(user, 'dashboard.read', {})) return null;
  return cachedUntilDataChanges(now.toISOString().slice(0, 10), () => computeIncomeSources(year), `income-sources:${year}`, { fresh });
}

export async function computeIncomeSources(year: number): Promise<IncomeSources> {
  const yearStart = `${year}-01-01`;
  const nextYearStart = `${year + 1}-01-01`;
  const [row] = await readDb().$queryRaw<Omit<IncomeSources, 'year'>[]>(Prisma.sql`
    WITH counted AS (
      -- The incomes of the villages of zones paired in the year, per zone from the rollup (a province has a million incomes).
      SELECT r.zone_id, r.villages, r.total, r.sample FROM rollup.zone_year_income r
      WHERE r.year = ${year} AND r.villages > 0 AND ${pairedInYear('r.zone_id', year)}
    ), dividends AS (
      SELECT least(d.amount, vi.amount) AS amount, ${fromSample('d."sourceId"')} AS sample
      FROM "CooperativeDividend" d JOIN "VillageIncome" vi ON vi."villageId" = d."villageId" AND vi.year = d.year
      JOIN "Village" v ON v.id = d."villageId"
      WHERE d.year = ${year} AND ${pairedInYear('v."zoneId"', year)}
    ), updates AS (
      -- Per project of the counted zones: the latest counted update by the year's end, and by the year before's.
      SELECT p.id,
        (SELECT u."incomeToVillages" FROM "ProjectUpdate" u WHERE u."projectId" = p.id AND u.confirmation NOT IN ('DISPUTED', 'EXCLUDED')
           AND u.period < ${nextYearStart}::date ORDER BY u.period DESC LIMIT 1) AS at_end,
        (SELECT u."incomeToVillages" FROM "ProjectUpdate" u WHERE u."projectId" = p.id AND u.confirmation NOT IN ('DISPUTED', 'EXCLUDED')
           AND u.period < ${yearStart}::date ORDER BY u.period DESC LIMIT 1) AS at_start,
        EXISTS (SELECT 1 FROM "ProjectUpdate" u WHERE u."projectId" = p.id AND u.period < ${nextYearStart}::date AND ${fromSample('u."sourceId"')}) AS sample
      FROM "Project" p WHERE p."zoneId" IN (SELECT zone_id FROM counted)
    ), sums AS (
      SELECT coalesce((SELECT sum(total) FROM counted), 0) AS total,
        coalesce((SELECT sum(amount) FROM dividends), 0) AS dividends,
        coalesce((SELECT sum(greatest(coalesce(at_end, 0) - coalesce(at_start, 0), 0)) FROM updates), 0) AS projects
    )
    SELECT total::text, dividends::text, projects::text, greatest(total - dividends - projects, 0)::text AS rest,
      coalesce((SELECT sum(villages) FROM counted), 0)::int AS villages,
      coalesce((SELECT sum(sample) FROM counted), 0) > 0 OR coalesce((SELECT bool_or(sample) FROM dividends), false)
        OR coalesce((SELECT bool_or(sample) FROM updates WHERE at_end IS NOT NULL), false) AS "isSample"
    FROM sums`);
  return { year, ...row! };
}
