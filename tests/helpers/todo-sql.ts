// Each role's to-do counts written independently in SQL (not through lib/todo), for the
// integration test and the browser journey to compare with what the portal shows.

/** Runs a query whose one row has a column `n`. */
export type CountQuery = (sql: string, params: unknown[]) => Promise<number>;

export type TodoSqlUser = { id: number; soeId: number | null; villageId: number | null; zoneId: number | null };

// The China-time day of $1, and the months chased for a missing update: the three before its month.
const TODAY = `(($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)`;
const MISSING = `
  SELECT p.id AS project, p."soeId" AS soe, m.period,
         (m.period + interval '1 month' + ($2::int - 1) * interval '1 day')::date AS due
    FROM "Project" p
    CROSS JOIN LATERAL (SELECT (date_trunc('month', ${TODAY}) - k * interval '1 month')::date AS period FROM generate_series(1, 3) k) m
   WHERE p.status = 'IN_PROGRESS'
     AND (p."startDate" IS NULL OR p."startDate" < m.period + interval '1 month')
     AND NOT EXISTS (SELECT 1 FROM "ProjectUpdate" u WHERE u."projectId" = p.id AND u.period = m.period)`;

/** Practical tasks past their day (China time) and not done, within `where`. */
const OVERDUE_TASKS = (where: string) => `SELECT count(*)::int AS n FROM "PracticalTask" t WHERE t.status <> 'DONE' AND t."dueOn" < ${TODAY} AND ${where}`;

export async function villageCounts(count: CountQuery, user: TodoSqlUser, now: Date) {
  const serves = `p."zoneId" = $2 AND EXISTS (SELECT 1 FROM "ProjectVillage" pv WHERE pv."projectId" = p.id AND pv."villageId" = $3)`;
  const params = [now, user.zoneId, user.villageId];
  return {
    toConfirm: await count(
      `SELECT count(*)::int AS n FROM "ProjectUpdate" u JOIN "Project" p ON p.id = u."projectId" WHERE u.confirmation = 'PENDING' AND ${serves} AND $1::timestamptz IS NOT NULL`,
      params,
    ),
    feedbackDue: await count(
      `SELECT count(*)::int AS n FROM "Project" p WHERE p.status = 'IN_PROGRESS' AND ${serves}
          AND NOT EXISTS (SELECT 1 FROM "Feedback" f WHERE f."projectId" = p.id AND f."villageId" = $3 AND f.period = date_trunc('quarter', ${TODAY})::date)`,
      params,
    ),
    incomeDue: await count(
      `SELECT (NOT EXISTS (SELECT 1 FROM "VillageIncome" WHERE "villageId" = $2 AND year = extract(year FROM ${TODAY})::int - 1))::int AS n`,
      [now, user.villageId],
    ),
    // Raised by this village (its committee's latest dispute event), or recorded before the history (no event).
    myDisputes: await count(
      `SELECT count(*)::int AS n FROM "ProjectUpdate" u JOIN "Project" p ON p.id = u."projectId"
        WHERE u.confirmation = 'DISPUTED' AND ${serves} AND $1::timestamptz IS NOT NULL
          AND (NOT EXISTS (SELECT 1 FROM "UpdateEvent" e WHERE e."updateId" = u.id AND e.kind = 'DISPUTED')
               OR (SELECT a."villageId" FROM "UpdateEvent" e LEFT JOIN "User" a ON a.id = e."actorId"
                    WHERE e."updateId" = u.id AND e.kind = 'DISPUTED' ORDER BY e.id DESC LIMIT 1) = $3)`,
      params,
    ),
    overdueTasks: await count(OVERDUE_TASKS(`t."zoneId" = $2`), [now, user.zoneId]),
  };
}

export async function liaisonCounts(count: CountQuery, user: TodoSqlUser, now: Date, updateDueDay = 10) {
  return {
    missing: await count(`SELECT count(*)::int AS n FROM (${MISSING}) m WHERE m.soe = $3`, [now, updateDueDay, user.soeId]),
    toAnswer: await count(
      `SELECT count(*)::int AS n FROM "ProjectUpdate" u JOIN "Project" p ON p.id = u."projectId" WHERE u.confirmation IN ('DISPUTED', 'RETURNED') AND p."soeId" = $1`,
      [user.soeId],
    ),
    newFeedback: await count(
      `SELECT count(*)::int AS n FROM "Feedback" f JOIN "Project" p ON p.id = f."projectId"
         LEFT JOIN "ProjectSeen" s ON s."projectId" = f."projectId" AND s."userId" = $2
        WHERE p."soeId" = $1 AND (s."seenAt" IS NULL OR f."updatedAt" > s."seenAt")`,
      [user.soeId, user.id],
    ),
    overdueTasks: await count(OVERDUE_TASKS(`t."soeId" = $2`), [now, user.soeId]),
  };
}

export async function orgCounts(count: CountQuery, now: Date, updateDueDay = 10, disputeOpenDays = 14) {
  return {
    longDisputes: await count(
      `SELECT count(*)::int AS n FROM "ProjectUpdate" u
        WHERE u.confirmation = 'DISPUTED'
          AND COALESCE((SELECT max(e."createdAt") FROM "UpdateEvent" e WHERE e."updateId" = u.id AND e.kind = 'DISPUTED'), u."updatedAt")
              < ($1::timestamptz AT TIME ZONE 'UTC') - $2 * interval '1 day'`,
      [now, disputeOpenDays],
    ),
    overdueSoes: await count(`SELECT count(DISTINCT m.soe)::int AS n FROM (${MISSING}) m WHERE ${TODAY} > m.due`, [now, updateDueDay]),
    overdueMonths: await count(`SELECT count(*)::int AS n FROM (${MISSING}) m WHERE ${TODAY} > m.due`, [now, updateDueDay]),
    rounds: await count(`SELECT count(*)::int AS n FROM "Accreditation" WHERE status = 'CANDIDATE'`, []),
    overdueTasks: await count(OVERDUE_TASKS('true'), [now]),
  };
}
