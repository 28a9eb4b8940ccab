import 'server-only';
import { cache } from 'react';
import { can, projectScope, sqlScope, zoneScope, type SessionUser } from '@/lib/auth/policy';
import { projectInScope } from '@/lib/auth/sql-scope';
import { cachedSnapshot, scopePart } from '@/lib/dashboard/cache';
import { db, readDb, type Prisma } from '@/lib/db/client';
import { currentQuarter } from '@/lib/dates';
import { latestCompleteYear } from '@/lib/metrics/trajectory';
import { chinaDay, longDisputeCutoff, reminderConfig, type ReminderConfig } from '@/lib/reminders/config';
import { chasedPeriods, missingUpdates } from '@/lib/reminders/due';
import { overdueTaskWhere } from '@/lib/tasks/queries';

// Each role's to-do (待办): what is waiting for this user now, each item linking to where it is
// done and gone once done. The rules are the reminders' (lib/reminders: the due day of a monthly
// update, the quarter of feedback, the year of income, how long a dispute may stay open); the
// scope is the policy's (projectScope, zoneScope), as every other list.

const DAY_MS = 86_400_000;

/** Where an update is handled: under its project, at its own anchor. */
const updateHref = (projectId: number, updateId: number) => `/projects/${projectId}#update-${updateId}`;

/** A practical task (实事清单) past its day and not done. */
export type OverdueTask = { taskId: number; title: string; zoneName: string; dueOn: Date; href: string };

type UpdateRef = { updateId: number; projectId: number; projectName: string; period: Date; href: string };

export type VillageTodo = {
  /** Updates awaiting this village's confirmation (待确认), with the liaison's answer or revision if the village had disputed them. */
  toConfirm: (UpdateRef & { answer: string | null; revisedReason: string | null })[];
  /** In-progress projects serving the village with no feedback from it for this quarter. */
  feedbackDue: { projectId: number; projectName: string; href: string }[];
  quarter: Date;
  /** The village's income for the year just ended, while not reported. */
  incomeDue: { villageId: number; year: number; href: string } | null;
  /** Disputes the village raised that are still open, awaiting the liaison team or the org department. */
  myDisputes: (UpdateRef & { reason: string | null })[];
  /** The zone's practical tasks past their day. */
  overdueTasks: OverdueTask[];
};

export type LiaisonTodo = {
  /** Months an in-progress project has no update for (the reminders' rule); overdueDays > 0 once late. */
  missing: { projectId: number; projectName: string; period: Date; dueDate: Date; overdueDays: number; href: string }[];
  /** Disputed or returned updates waiting for the team's revision or answer. */
  toAnswer: (UpdateRef & { confirmation: 'DISPUTED' | 'RETURNED'; reason: string | null })[];
  /** Feedback given (or changed) since this user last opened the project's page, by project. */
  newFeedback: { projectId: number; projectName: string; count: number; href: string }[];
  /** Practical tasks the SOE owns that are past their day. */
  overdueTasks: OverdueTask[];
};

export type OrgTodo = {
  /** Disputes open longer than DISPUTE_OPEN_DAYS, oldest first. */
  longDisputes: (UpdateRef & { soeName: string; disputedAt: Date; days: number; reason: string | null })[];
  disputeOpenDays: number;
  /** SOEs with overdue monthly updates: how many months, over how many projects. */
  overdueSoes: { soeId: number; soeName: string; months: number; projects: number; href: string }[];
  /** Accreditation rounds still open (CANDIDATE): criteria assessed so far of four. */
  rounds: { accreditationId: number; zoneId: number; zoneName: string; assessed: number; nominatedOn: Date; href: string }[];
  /** Every zone's practical tasks past their day. */
  overdueTasks: OverdueTask[];
  asOf: { at: Date; current: boolean };
};

export type Todo =
  | { kind: 'village'; total: number; badge: number; sections: VillageTodo }
  | { kind: 'liaison'; total: number; badge: number; sections: LiaisonTodo }
  | { kind: 'org'; total: number; badge: number; sections: OrgTodo }
  | { kind: null; total: 0; badge: 0; sections: null };

/** The user's to-do on `now`; `total` counts every item, `badge` what the navigation shows (待确认 for a village). */
export async function getTodo(user: SessionUser, now = new Date(), config: ReminderConfig = reminderConfig()): Promise<Todo> {
  if (can(user, 'todo.village', {}) && user.villageId !== null) {
    const sections = await villageTodo(user, user.villageId, now);
    const total = sections.toConfirm.length + sections.feedbackDue.length + (sections.incomeDue ? 1 : 0) + sections.myDisputes.length + sections.overdueTasks.length;
    return { kind: 'village', total, badge: sections.toConfirm.length, sections };
  }
  if (can(user, 'todo.liaison', {})) {
    const sections = await liaisonTodo(user, now, config);
    const total = sections.missing.length + sections.toAnswer.length + sections.newFeedback.reduce((n, f) => n + f.count, 0) + sections.overdueTasks.length;
    return { kind: 'liaison', total, badge: total, sections };
  }
  if (can(user, 'todo.org', {})) {
    const sections = await orgTodo(user, now, config);
    const total = sections.longDisputes.length + sections.overdueSoes.length + sections.rounds.length + sections.overdueTasks.length;
    return { kind: 'org', total, badge: total, sections };
  }
  return { kind: null, total: 0, badge: 0, sections: null };
}

/** The to-do of a request's user, computed once per request (the navigation's badge and the panel share it). */
export const requestTodo = cache((user: SessionUser) => getTodo(user));

/** The navigation's number: cheaper than the whole to-do for a village (one count), the whole for others. */
export async function todoBadge(user: SessionUser): Promise<{ kind: 'toConfirm' | 'todo'; count: number } | null> {
  if (can(user, 'todo.village', {}) && user.villageId !== null) {
    return { kind: 'toConfirm', count: await db().projectUpdate.count({ where: toConfirmWhere(user, user.villageId) }) };
  }
  const todo = await requestTodo(user);
  return todo.kind === null ? null : { kind: 'todo', count: todo.badge };
}

/** Updates a village committee may confirm now: PENDING, on a project in its scope that serves its village. */
function toConfirmWhere(user: SessionUser, villageId: number) {
  return { confirmation: 'PENDING' as const, project: { AND: [projectScope(user), { villages: { some: { villageId } } }] } };
}

/** Practical tasks past their day within `where` (the user's scope), oldest first. */
async function overdueTasks(where: Prisma.PracticalTaskWhereInput, now: Date, client = db()): Promise<OverdueTask[]> {
  const tasks = await client.practicalTask.findMany({
    where: { AND: [where, overdueTaskWhere(now)] },
    select: { id: true, title: true, dueOn: true, zone: { select: { id: true, name: true } } },
    orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
  });
  return tasks.map((t) => ({ taskId: t.id, title: t.title, zoneName: t.zone.name, dueOn: t.dueOn, href: `/zones/${t.zone.id}#task-${t.id}` }));
}

const eventSelect = { orderBy: { id: 'desc' as const }, take: 1, select: { kind: true, reason: true, actor: { select: { villageId: true } } } };

async function villageTodo(user: SessionUser, villageId: number, now: Date): Promise<VillageTodo> {
  const today = chinaDay(now);
  const quarter = currentQuarter(today);
  const year = latestCompleteYear(today);
  const served = { AND: [projectScope(user), { villages: { some: { villageId } } }] };
  const [pending, feedbackDue, income, disputed, tasks] = await Promise.all([
    db().projectUpdate.findMany({
      where: toConfirmWhere(user, villageId),
      select: { id: true, period: true, answer: true, project: { select: { id: true, name: true } }, events: eventSelect },
      orderBy: [{ period: 'asc' }, { id: 'asc' }],
    }),
    db().project.findMany({
      where: { AND: [served, { status: 'IN_PROGRESS' }, { feedback: { none: { villageId, period: quarter } } }] },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db().villageIncome.findUnique({ where: { villageId_year: { villageId, year } }, select: { id: true } }),
    db().projectUpdate.findMany({
      where: { confirmation: 'DISPUTED', project: served },
      select: {
        id: true,
        period: true,
        disputeReason: true,
        project: { select: { id: true, name: true } },
        events: { where: { kind: 'DISPUTED' }, ...eventSelect },
      },
      orderBy: [{ period: 'asc' }, { id: 'asc' }],
    }),
    overdueTasks({ zone: zoneScope(user) }, now),
  ]);
  const ref = (u: { id: number; period: Date; project: { id: number; name: string } }): UpdateRef => ({
    updateId: u.id,
    projectId: u.project.id,
    projectName: u.project.name,
    period: u.period,
    href: updateHref(u.project.id, u.id),
  });
  return {
    toConfirm: pending.map((u) => {
      const last = u.events[0];
      return { ...ref(u), answer: last?.kind === 'ANSWERED' ? u.answer : null, revisedReason: last?.kind === 'REVISED' ? last.reason : null };
    }),
    feedbackDue: feedbackDue.map((p) => ({ projectId: p.id, projectName: p.name, href: `/projects/${p.id}#feedback-form` })),
    quarter,
    incomeDue: income ? null : { villageId, year, href: `/villages/${villageId}#income-form` },
    // Raised by this village: its committee's dispute event, or — for disputes recorded before the
    // history existed (no event) — any dispute on a project serving it.
    myDisputes: disputed
      .filter((u) => !u.events[0] || u.events[0].actor?.villageId === villageId)
      .map((u) => ({ ...ref(u), reason: u.disputeReason })),
    overdueTasks: tasks,
  };
}

async function liaisonTodo(user: SessionUser, now: Date, config: ReminderConfig): Promise<LiaisonTodo> {
  const today = chinaDay(now);
  const scope = projectScope(user);
  const [projects, toAnswer, feedback, seen, tasks] = await Promise.all([
    db().project.findMany({
      where: { AND: [scope, { status: 'IN_PROGRESS' }] },
      select: { id: true, name: true, startDate: true, updates: { where: { period: { in: chasedPeriods(today) } }, select: { period: true } } },
      orderBy: { name: 'asc' },
    }),
    db().projectUpdate.findMany({
      where: { confirmation: { in: ['DISPUTED', 'RETURNED'] }, project: scope },
      select: { id: true, period: true, confirmation: true, disputeReason: true, returnReason: true, project: { select: { id: true, name: true } } },
      orderBy: [{ period: 'asc' }, { id: 'asc' }],
    }),
    db().feedback.findMany({ where: { project: scope }, select: { projectId: true, updatedAt: true, project: { select: { name: true } } } }),
    db().projectSeen.findMany({ where: { userId: user.id }, select: { projectId: true, seenAt: true } }),
    // The tasks its SOE owns, in the zones it reads.
    overdueTasks({ soeId: user.soeId ?? -1, zone: zoneScope(user) }, now),
  ]);
  const seenAt = new Map(seen.map((s) => [s.projectId, s.seenAt.getTime()]));
  const fresh = new Map<number, { projectId: number; projectName: string; count: number; href: string }>();
  for (const f of feedback) {
    const last = seenAt.get(f.projectId);
    if (last !== undefined && f.updatedAt.getTime() <= last) continue;
    const item = fresh.get(f.projectId) ?? { projectId: f.projectId, projectName: f.project.name, count: 0, href: `/projects/${f.projectId}#feedback` };
    item.count += 1;
    fresh.set(f.projectId, item);
  }
  return {
    missing: projects.flatMap((p) =>
      missingUpdates({ startDate: p.startDate, reported: p.updates.map((u) => u.period) }, today, config).map((m) => ({
        projectId: p.id,
        projectName: p.name,
        ...m,
        href: `/projects/${p.id}#update-form`,
      })),
    ),
    toAnswer: toAnswer.map((u) => ({
      updateId: u.id,
      projectId: u.project.id,
      projectName: u.project.name,
      period: u.period,
      href: updateHref(u.project.id, u.id),
      confirmation: u.confirmation as 'DISPUTED' | 'RETURNED',
      reason: u.confirmation === 'DISPUTED' ? u.disputeReason : u.returnReason,
    })),
    newFeedback: [...fresh.values()].sort((a, b) => a.projectName.localeCompare(b.projectName, 'zh-CN')),
    overdueTasks: tasks,
  };
}

/**
 * The org department's to-do: its rows are read once per state of the data and scope (the
 * dashboard's snapshot cache: a province has thousands of disputes and projects to go through);
 * which disputes are long, and for how many days, is worked out from them at each request.
 */
async function orgTodo(user: SessionUser, now: Date, config: ReminderConfig): Promise<OrgTodo> {
  const today = chinaDay(now);
  const { value: rows, asOf, current } = await cachedSnapshot(today.toISOString().slice(0, 10), () => orgTodoRows(user, now, config), `${scopePart('todo', sqlScope(user))}:${JSON.stringify(config)}`);
  const cutoff = longDisputeCutoff(now, config).getTime();
  const longDisputes = rows.disputes
    .filter(({ disputedAt }) => disputedAt.getTime() < cutoff)
    .map((d) => ({ ...d, days: Math.floor((now.getTime() - d.disputedAt.getTime()) / DAY_MS) }));
  return {
    longDisputes,
    disputeOpenDays: config.disputeOpenDays,
    overdueSoes: rows.overdueSoes,
    rounds: rows.rounds,
    overdueTasks: rows.overdueTasks,
    /** The moment the rows are exact for, and whether anything was committed since (a province's rows are served late: cache.ts). */
    asOf: { at: asOf, current },
  };
}

async function orgTodoRows(user: SessionUser, now: Date, config: ReminderConfig) {
  const today = chinaDay(now);
  // Flat SQL with the policy's scope as SQL (projectInScope: projectScope's equivalent): a province's org
  // department has thousands of disputes and projects, and Prisma's nested relations cost three times the CPU.
  const scope = sqlScope(user);
  const inScope = projectInScope(scope, 'p');
  const [disputes, projects, rounds, tasks] = await Promise.all([
    // When the dispute was raised: its latest DISPUTED event, or the update's last change for disputes older than the history.
    readDb().$queryRaw<{ updateId: number; projectId: number; projectName: string; period: Date; soeName: string; disputedAt: Date; reason: string | null }[]>`
      SELECT u.id AS "updateId", p.id AS "projectId", p.name AS "projectName", u.period, s.name AS "soeName", u."disputeReason" AS reason,
        coalesce((SELECT e."createdAt" FROM "UpdateEvent" e WHERE e."updateId" = u.id AND e.kind = 'DISPUTED' ORDER BY e.id DESC LIMIT 1), u."updatedAt") AS "disputedAt"
      FROM "ProjectUpdate" u JOIN "Project" p ON p.id = u."projectId" JOIN "Soe" s ON s.id = p."soeId"
      WHERE u.confirmation = 'DISPUTED' AND ${inScope}
      ORDER BY "disputedAt", u.id`,
    readDb().$queryRaw<{ id: number; startDate: Date | null; soeId: number; soeName: string; reported: Date[] | null }[]>`
      SELECT p.id, p."startDate", s.id AS "soeId", s.name AS "soeName", array_agg(u.period) FILTER (WHERE u.period IS NOT NULL) AS reported
      FROM "Project" p JOIN "Soe" s ON s.id = p."soeId"
        LEFT JOIN "ProjectUpdate" u ON u."projectId" = p.id AND u.period = ANY(${chasedPeriods(today)}::date[])
      WHERE p.status = 'IN_PROGRESS' AND ${inScope}
      GROUP BY p.id, s.id`,
    readDb().accreditation.findMany({
      where: { status: 'CANDIDATE', zone: zoneScope(user) },
      select: { id: true, nominatedOn: true, zone: { select: { id: true, name: true } }, _count: { select: { assessments: true } } },
      orderBy: [{ nominatedOn: 'asc' }, { id: 'asc' }],
    }),
    overdueTasks({ zone: zoneScope(user) }, now, readDb()),
  ]);
  const bySoe = new Map<number, { soeId: number; soeName: string; months: number; projects: number; href: string }>();
  for (const p of projects) {
    const late = missingUpdates({ startDate: p.startDate, reported: p.reported ?? [] }, today, config).filter((m) => m.overdueDays > 0).length;
    if (late === 0) continue;
    const soe = bySoe.get(p.soeId) ?? { soeId: p.soeId, soeName: p.soeName, months: 0, projects: 0, href: `/soes/${p.soeId}#soe-projects` };
    soe.months += late;
    soe.projects += 1;
    bySoe.set(p.soeId, soe);
  }
  return {
    disputes: disputes.map((d) => ({ ...d, href: updateHref(d.projectId, d.updateId) })),
    overdueSoes: [...bySoe.values()].sort((a, b) => b.months - a.months || a.soeName.localeCompare(b.soeName, 'zh-CN')),
    rounds: rounds.map((r) => ({
      accreditationId: r.id,
      zoneId: r.zone.id,
      zoneName: r.zone.name,
      assessed: r._count.assessments,
      nominatedOn: r.nominatedOn,
      href: `/zones/${r.zone.id}#accreditation-manage`,
    })),
    overdueTasks: tasks,
  };
}

/**
 * For a liaison on a project's page: the newest change among the feedback it has not seen yet
 * (then the page marks it seen), or null.
 */
export async function unseenFeedbackUpTo(user: SessionUser, projectId: number): Promise<Date | null> {
  if (!can(user, 'todo.liaison', {})) return null;
  const seen = await db().projectSeen.findUnique({ where: { userId_projectId: { userId: user.id, projectId } }, select: { seenAt: true } });
  const newest = await db().feedback.aggregate({
    where: { AND: [{ projectId }, { project: projectScope(user) }, seen ? { updatedAt: { gt: seen.seenAt } } : {}] },
    _max: { updatedAt: true },
  });
  return newest._max.updatedAt;
}
