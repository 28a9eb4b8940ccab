// The SQL floor: each dashboard figure set computed by one hand-written query,
// sent straight through `pg` — the least a server could do for the same numbers.
// Columns and order match lib/dashboard, so the benchmark also checks the figures agree.
import { STALE_AFTER_DAYS, INCOME_JUMP_FACTOR } from '../../lib/metrics/quality';

import { SOE_BOARD_ROWS } from '../../lib/dashboard/overview';
import { shapeProjectBreakdown } from '../../lib/dashboard/queries';

/** `shape` turns the rows into the app function's return shape, where that is not rows. */
export type Floor = { sql: string; params: unknown[]; shape?: (rows: never[]) => unknown };

const PAIRED = `SELECT "zoneId" FROM "Pairing" WHERE since <= $1::date AND (until IS NULL OR until >= $1::date)`;
/** Zones paired at any time in the year `y` (an SQL expression): the villages a year's income counts. */
const PAIRED_IN = (y: string) =>
  `SELECT "zoneId" FROM "Pairing" WHERE since < make_date(${y} + 1, 1, 1) AND (until IS NULL OR until >= make_date(${y}, 1, 1))`;
/** Stale: in progress, and both the end of the last reported month (else the start, else creation) and the creation are more than STALE_AFTER_DAYS ago. */
const STALE = (last: string) => `p.status = 'IN_PROGRESS'
  AND coalesce((date_trunc('month', ${last}) + interval '1 month')::date - 1, p."startDate", p."createdAt"::date) < $1::date - ${STALE_AFTER_DAYS}
  AND p."createdAt"::date < $1::date - ${STALE_AFTER_DAYS}`;
// The counting rule: a project's figures are its latest update that is confirmed or awaiting confirmation; disputed and excluded ones are not counted.
const LATEST = `SELECT DISTINCT ON ("projectId") * FROM "ProjectUpdate" WHERE confirmation NOT IN ('DISPUTED', 'EXCLUDED') ORDER BY "projectId", period DESC`;

export function floors(year: number, target: string, today: Date): Record<string, Floor> {
  const day = today.toISOString().slice(0, 10);
  return {
    kpis: {
      sql: `
        SELECT z.accredited, a.candidates, a."accreditationAsOf", i.villages, i."villagesReporting", i."villagesAbove",
          i."averageIncome", i."incomeAsOf", s.soes, s."soesAllLevels", pz."pairedZones", pz."pairingAsOf", b.beneficiaries, bo."beneficiaryOverlaps", d."disputedUpdates"
        FROM (SELECT count(*)::int AS accredited FROM "Zone" WHERE "accreditedAt" IS NOT NULL) z,
          (SELECT count(DISTINCT "zoneId") FILTER (WHERE status = 'CANDIDATE')::int AS candidates,
             max(greatest("nominatedOn", "accreditedOn", "closedOn")) AS "accreditationAsOf" FROM "Accreditation") a,
          (SELECT count(*)::int AS villages, count(vi.amount)::int AS "villagesReporting",
             count(*) FILTER (WHERE vi.amount > $3::numeric)::int AS "villagesAbove",
             round(avg(vi.amount), 2)::text AS "averageIncome", max(vi."updatedAt") AS "incomeAsOf"
           FROM "Village" v LEFT JOIN "VillageIncome" vi ON vi."villageId" = v.id AND vi.year = $2
           WHERE v."zoneId" IN (${PAIRED_IN('$2')})) i,
          (SELECT count(DISTINCT CASE WHEN s.level = 'MUNICIPAL' THEN pr."soeId" END)::int AS soes, count(DISTINCT pr."soeId")::int AS "soesAllLevels"
           FROM "Pairing" pr JOIN "Soe" s ON s.id = pr."soeId" WHERE pr.since <= $1::date AND (pr.until IS NULL OR pr.until >= $1::date)) s,
          (SELECT count(DISTINCT "zoneId") FILTER (WHERE since <= $1::date AND (until IS NULL OR until >= $1::date))::int AS "pairedZones",
             max(since) AS "pairingAsOf" FROM "Pairing") pz,
          (SELECT coalesce(sum(people), 0)::int AS beneficiaries FROM "Beneficiary") b,
          (SELECT count(DISTINCT ("projectId", "villageId"))::int AS "beneficiaryOverlaps" FROM "Beneficiary" x
           WHERE "villageId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Beneficiary" y
             WHERE y."projectId" = x."projectId" AND y."villageId" = x."villageId" AND y.kind <> x.kind)) bo,
          (SELECT count(*)::int AS "disputedUpdates" FROM "ProjectUpdate" WHERE confirmation = 'DISPUTED') d`,
      params: [day, year, target],
    },
    // The app shapes these rows into total / by status / by mode / by outcome; compared after the same shaping.
    projectBreakdown: {
      sql: `
        SELECT p.status::text AS status, p.mode::text AS mode, p."outcomeArea"::text AS "outcomeArea",
          GROUPING(p.status, p.mode, p."outcomeArea")::int AS grouping, count(*)::int AS projects,
          coalesce(sum(p."plannedInvestment"), 0)::text AS planned, coalesce(sum(l."investmentToDate"), 0)::text AS made,
          coalesce(sum(CASE WHEN p."plannedInvestment" IS NULL THEN l."investmentToDate" END), 0)::text AS "madeUnplanned",
          sum(CASE WHEN p."plannedInvestment" IS NULL AND l."investmentToDate" > 0 THEN 1 ELSE 0 END)::int AS "projectsUnplanned",
          coalesce(sum(l."jobsCreated"), 0)::int AS jobs, coalesce(sum(l."incomeToVillages"), 0)::text AS "incomeToVillages",
          max(greatest(l.period, p."updatedAt"::date)) AS "asOf"
        FROM "Project" p LEFT JOIN (${LATEST}) l ON l."projectId" = p.id
        GROUP BY GROUPING SETS ((p.status), (p.mode), (p."outcomeArea"), ()) ORDER BY grouping, status, mode, "outcomeArea"`,
      params: [],
      shape: shapeProjectBreakdown,
    },
    accreditationHistory: {
      sql: `
        SELECT month, change::int, (sum(change) OVER (ORDER BY month))::int AS total FROM (
          SELECT date_trunc('month', d)::date AS month, sum(delta) AS change
          FROM "Accreditation", LATERAL (VALUES ("accreditedOn", 1),
            (CASE WHEN status = 'REVOKED' THEN "closedOn" END, -1)) e(d, delta)
          WHERE "accreditedOn" IS NOT NULL AND d IS NOT NULL GROUP BY 1) m ORDER BY month`,
      params: [],
    },
    incomeByYear: {
      sql: `
        SELECT y.year, r.average, r.villages, e.eligible, r.above
        FROM (SELECT DISTINCT year FROM "VillageIncome") y
        CROSS JOIN LATERAL (SELECT count(*)::int AS eligible FROM "Village" v WHERE v."zoneId" IN (${PAIRED_IN('y.year')})) e
        CROSS JOIN LATERAL (SELECT round(avg(vi.amount), 2)::text AS average, count(*)::int AS villages,
            count(*) FILTER (WHERE vi.amount > $1::numeric)::int AS above
          FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId"
          WHERE vi.year = y.year AND v."zoneId" IN (${PAIRED_IN('y.year')})) r
        WHERE r.villages > 0 ORDER BY y.year`,
      params: [target],
    },
    incomeDistribution: {
      sql: `
        SELECT least(floor(vi.amount / 100000), 10)::int AS band, count(*)::int AS villages
        FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId"
        WHERE vi.year = $1 AND v."zoneId" IN (${PAIRED_IN('$1::int')}) GROUP BY 1 ORDER BY 1`,
      params: [year],
    },
    soeLeaderboard: {
      sql: `
        SELECT s.id, s.name, s.level::text AS level, s."nameVerified",
          (SELECT count(DISTINCT "zoneId") FROM "Pairing" pr WHERE pr."soeId" = s.id AND pr.since <= $1::date AND (pr.until IS NULL OR pr.until >= $1::date))::int AS zones,
          count(p.id)::int AS projects, coalesce(sum(p."plannedInvestment"), 0)::text AS planned,
          coalesce(sum(l."investmentToDate"), 0)::text AS made,
          coalesce(sum(l."investmentToDate") FILTER (WHERE p."plannedInvestment" IS NULL), 0)::text AS "madeUnplanned", max(l.period) AS "lastUpdate",
          count(*) FILTER (WHERE ${STALE('l.period')})::int AS stale,
          (count(*) OVER ())::int AS total
        FROM "Soe" s LEFT JOIN "Project" p ON p."soeId" = s.id LEFT JOIN (${LATEST}) l ON l."projectId" = p.id
        GROUP BY s.id ORDER BY coalesce(sum(l."investmentToDate"), 0) DESC, s.name LIMIT $2`,
      params: [day, SOE_BOARD_ROWS],
    },
    districts: {
      sql: `
        SELECT d.id, d.name,
          (SELECT count(*) FROM "Zone" z WHERE z."districtId" = d.id)::int AS zones,
          (SELECT count(*) FROM "Zone" z WHERE z."districtId" = d.id AND z.id IN (${PAIRED}))::int AS "pairedZones",
          (SELECT count(*) FROM "Village" v JOIN "Zone" z ON z.id = v."zoneId" WHERE z."districtId" = d.id)::int AS villages,
          (SELECT count(*) FROM "Zone" z WHERE z."districtId" = d.id AND z."accreditedAt" IS NOT NULL)::int AS accredited,
          (SELECT round(avg(vi.amount), 2) FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId" JOIN "Zone" z ON z.id = v."zoneId"
            WHERE z."districtId" = d.id AND vi.year = $2)::text AS "averageIncome",
          (SELECT count(*) FROM "Project" p JOIN "Zone" z ON z.id = p."zoneId" WHERE z."districtId" = d.id)::int AS projects
        FROM "District" d
        UNION ALL
        SELECT NULL, NULL, 0, 0, 0, 0, NULL, (SELECT count(*)::int FROM "Project" WHERE "zoneId" IS NULL)
        ORDER BY name NULLS LAST`,
      params: [day, year],
    },
    staleProjects: {
      sql: `
        SELECT p.id, p.name, s.name AS soe, l.period AS "lastUpdate", (count(*) OVER ())::int AS total
        FROM "Project" p JOIN "Soe" s ON s.id = p."soeId"
        LEFT JOIN (SELECT "projectId", max(period) AS period FROM "ProjectUpdate" GROUP BY 1) l ON l."projectId" = p.id
        WHERE ${STALE('l.period')}
        ORDER BY l.period NULLS FIRST, p.id LIMIT 20`,
      params: [day],
    },
    missingIncome: {
      sql: `
        SELECT v.id, v.name, z.name AS zone, (count(*) OVER ())::int AS total
        FROM "Village" v JOIN "Zone" z ON z.id = v."zoneId"
        WHERE NOT EXISTS (SELECT 1 FROM "VillageIncome" vi WHERE vi."villageId" = v.id AND vi.year = $1)
          AND z.id IN (${PAIRED_IN('$1::int')})
        ORDER BY z.name, v.name LIMIT 20`,
      params: [year],
    },
    overPopulation: {
      sql: `
        SELECT p.id AS "projectId", p.name AS project, v.name AS village, b.people, v.population, (count(*) OVER ())::int AS total
        FROM "Beneficiary" b JOIN "Village" v ON v.id = b."villageId" JOIN "Project" p ON p.id = b."projectId"
        WHERE b.people > v.population ORDER BY b.people - v.population DESC LIMIT 20`,
      params: [],
    },
    incomeJumps: {
      sql: `
        SELECT v.id AS "villageId", v.name AS village, cur.year, prev.amount::text AS previous, cur.amount::text AS current,
          (count(*) OVER ())::int AS total
        FROM "VillageIncome" cur JOIN "VillageIncome" prev ON prev."villageId" = cur."villageId" AND prev.year = cur.year - 1
        JOIN "Village" v ON v.id = cur."villageId"
        WHERE prev.amount > 0 AND (cur.amount > prev.amount * ${INCOME_JUMP_FACTOR} OR cur.amount * ${INCOME_JUMP_FACTOR} < prev.amount)
        ORDER BY cur.year DESC, v.name LIMIT 20`,
      params: [],
    },
  };
}
