import 'server-only';
import type { SqlScope } from '@/lib/auth/policy';
import { projectInScope, zoneInScope } from '@/lib/auth/sql-scope';
import { readDb } from '@/lib/db/client';
import { isStale, pairedInYear } from './rules';

// Figures that break the rules of lib/metrics/quality.ts, as SQL, for the
// dashboard's "needs attention" lists (the first LIMIT of each, and the count).
// Income jumps and each project's newest update come from the rollups (schema
// `rollup`, kept by triggers; the jump rule is rollup.income_jump_factor() there).
// These lists name records, so each is limited to what the user may read: the
// policy's scope (`sqlScope` in lib/auth/policy.ts) as SQL conditions (lib/auth/sql-scope.ts).
const LIMIT = 20;

export function getStaleProjects(today: Date, scope: SqlScope) {
  return readDb().$queryRaw<{ id: number; name: string; soe: string; lastUpdate: Date | null; total: number }[]>`
    SELECT p.id, p.name, s.name AS soe, l.period AS "lastUpdate", (count(*) OVER ())::int AS total
    FROM "Project" p JOIN "Soe" s ON s.id = p."soeId"
    -- The newest update of any state (last_period), as the rule's "last reported month".
    LEFT JOIN (SELECT project_id, last_period AS period FROM rollup.project_latest) l ON l.project_id = p.id
    WHERE ${isStale('p', 'l.period', today)}
      AND ${projectInScope(scope, 'p')}
    ORDER BY l.period NULLS FIRST, p.id LIMIT ${LIMIT}`;
}

/** Villages of zones paired in `year` (the ones the year's average counts) with no income for it. */
export function getVillagesMissingIncome(year: number, scope: SqlScope) {
  return readDb().$queryRaw<{ id: number; name: string; zone: string; total: number }[]>`
    SELECT v.id, v.name, z.name AS zone, (count(*) OVER ())::int AS total
    FROM "Village" v JOIN "Zone" z ON z.id = v."zoneId"
    WHERE ${pairedInYear('z.id', year)}
      AND NOT EXISTS (SELECT 1 FROM "VillageIncome" vi WHERE vi."villageId" = v.id AND vi.year = ${year})
      AND ${zoneInScope(scope, 'v."zoneId"')}
    ORDER BY z.name, v.name LIMIT ${LIMIT}`;
}

export function getBeneficiariesOverPopulation(scope: SqlScope) {
  return readDb().$queryRaw<{ projectId: number; project: string; village: string; people: number; population: number; total: number }[]>`
    SELECT p.id AS "projectId", p.name AS project, v.name AS village, b.people, v.population, (count(*) OVER ())::int AS total
    FROM "Beneficiary" b JOIN "Village" v ON v.id = b."villageId" JOIN "Project" p ON p.id = b."projectId"
    WHERE v.population IS NOT NULL AND b.people > v.population
      AND ${projectInScope(scope, 'p')}
      AND ${zoneInScope(scope, 'v."zoneId"')}
    ORDER BY b.people - v.population DESC LIMIT ${LIMIT}`;
}

export function getIncomeJumps(scope: SqlScope) {
  return readDb().$queryRaw<{ villageId: number; village: string; year: number; previous: string; current: string; total: number }[]>`
    SELECT v.id AS "villageId", v.name AS village, cur.year, prev.amount::text AS previous, cur.amount::text AS current,
        (count(*) OVER ())::int AS total
    FROM rollup.income_jump j
    JOIN "VillageIncome" cur ON cur."villageId" = j.village_id AND cur.year = j.year
    JOIN "VillageIncome" prev ON prev."villageId" = cur."villageId" AND prev.year = cur.year - 1
    JOIN "Village" v ON v.id = cur."villageId"
    WHERE ${zoneInScope(scope, 'v."zoneId"')}
    ORDER BY cur.year DESC, v.name LIMIT ${LIMIT}`;
}

export async function getQualityFlags(year: number, today: Date, scope: SqlScope) {
  const [stale, missingIncome, overPopulation, incomeJumps] = await Promise.all([
    getStaleProjects(today, scope),
    getVillagesMissingIncome(year, scope),
    getBeneficiariesOverPopulation(scope),
    getIncomeJumps(scope),
  ]);
  return { stale, missingIncome, overPopulation, incomeJumps };
}

export type QualityFlags = Awaited<ReturnType<typeof getQualityFlags>>;
