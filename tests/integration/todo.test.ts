import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/policy';
import { loadSessionUser } from '../../lib/auth/session-user';
import { answerDispute, closeDispute } from '../../lib/projects/correction-mutations';
import { postProjectUpdate } from '../../lib/projects/mutations';
import { giveFeedback, reviewUpdate } from '../../lib/projects/review-mutations';
import { reminderConfig } from '../../lib/reminders/config';
import { markFeedbackSeen } from '../../lib/todo/mutations';
import { getTodo, todoBadge, unseenFeedbackUpTo } from '../../lib/todo/queries';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { liaisonCounts as liaisonSql, orgCounts as orgSql, villageCounts as villageSql, type CountQuery } from '../helpers/todo-sql';

// Each role's to-do on the seed data, against counts written here independently in SQL; then
// items done by the mutation cores disappear, and a dispute moved 20 days back appears.
let database: TestDatabase;
const config = reminderConfig({ updateDueDay: 10, disputeOpenDays: 14 });
const users: Record<'village' | 'liaison' | 'liaison2' | 'admin' | 'viewer', SessionUser> = {} as never;

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.url, {});
  const byName = async (username: string) => {
    const row = await database.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
    return (await loadSessionUser(row.id, 0))!;
  };
  users.village = await byName('maojiachong');
  users.liaison = await byName('nongye');
  users.liaison2 = await byName('nongshang');
  users.admin = await byName('admin');
  users.viewer = await byName('viewer');
}, 120_000);
afterAll(() => database.drop());

const sql: CountQuery = async (text, params) => (await database.prisma.$queryRawUnsafe<{ n: number }[]>(text, ...params))[0]!.n;
const villageCounts = (user: SessionUser, now: Date) => villageSql(sql, user, now);
const liaisonCounts = (user: SessionUser, now: Date) => liaisonSql(sql, user, now, config.updateDueDay);
const orgCounts = (now: Date) => orgSql(sql, now, config.updateDueDay, config.disputeOpenDays);

function villageOf(todo: Awaited<ReturnType<typeof getTodo>>) {
  if (todo.kind !== 'village') throw new Error(`expected a village's to-do, got ${todo.kind}`);
  const s = todo.sections;
  return { toConfirm: s.toConfirm.length, feedbackDue: s.feedbackDue.length, incomeDue: s.incomeDue ? 1 : 0, myDisputes: s.myDisputes.length, overdueTasks: s.overdueTasks.length };
}
function liaisonOf(todo: Awaited<ReturnType<typeof getTodo>>) {
  if (todo.kind !== 'liaison') throw new Error(`expected a liaison's to-do, got ${todo.kind}`);
  const s = todo.sections;
  return { missing: s.missing.length, toAnswer: s.toAnswer.length, newFeedback: s.newFeedback.reduce((n, f) => n + f.count, 0), overdueTasks: s.overdueTasks.length };
}
function orgOf(todo: Awaited<ReturnType<typeof getTodo>>) {
  if (todo.kind !== 'org') throw new Error(`expected the org department's to-do, got ${todo.kind}`);
  const s = todo.sections;
  return { longDisputes: s.longDisputes.length, overdueSoes: s.overdueSoes.length, overdueMonths: s.overdueSoes.reduce((n, o) => n + o.months, 0), rounds: s.rounds.length, overdueTasks: s.overdueTasks.length };
}

describe('to-do lists on the seed data, against independent SQL', () => {
  it("a village committee's: to confirm, feedback due this quarter, income due, its disputes", async () => {
    const now = new Date();
    const todo = await getTodo(users.village, now, config);
    const expected = await villageCounts(users.village, now);
    expect(villageOf(todo)).toEqual(expected);
    console.log('village to-do (maojiachong):', expected);
    expect(expected.toConfirm + expected.feedbackDue).toBeGreaterThan(0);
    expect(await todoBadge(users.village)).toEqual({ kind: 'toConfirm', count: expected.toConfirm });
    // Every link goes to the place the item is done.
    if (todo.kind === 'village') {
      for (const u of todo.sections.toConfirm) expect(u.href).toBe(`/projects/${u.projectId}#update-${u.updateId}`);
      for (const p of todo.sections.feedbackDue) expect(p.href).toBe(`/projects/${p.projectId}#feedback-form`);
    }
  });

  it("a liaison team's: months without an update, disputed or returned updates, feedback since its last visit", async () => {
    for (const user of [users.liaison, users.liaison2]) {
      const now = new Date();
      const todo = await getTodo(user, now, config);
      const expected = await liaisonCounts(user, now);
      expect(liaisonOf(todo)).toEqual(expected);
      console.log(`liaison to-do (${user.username}):`, expected);
    }
    const totals = liaisonOf(await getTodo(users.liaison, new Date(), config));
    expect(totals.missing + totals.toAnswer + totals.newFeedback).toBeGreaterThan(0);
  });

  it("the org department's: disputes open over 14 days, SOEs with overdue updates, open accreditation rounds; none for a viewer", async () => {
    const now = new Date();
    const todo = await getTodo(users.admin, now, config);
    const expected = await orgCounts(now);
    expect(orgOf(todo)).toEqual(expected);
    console.log('org to-do (admin):', expected);
    expect(expected.overdueSoes).toBeGreaterThan(0);
    expect(expected.rounds).toBeGreaterThan(0);
    expect((await getTodo(users.viewer, now, config)).kind).toBeNull();
    expect(await todoBadge(users.viewer)).toBeNull();
  });

  it('a month is missing only once its month has ended; overdue only after the due day', async () => {
    // On the 5th of a month the previous month is due, not late; on the 11th it is late.
    const early = new Date(Date.UTC(2026, 11, 5, 4));
    const late = new Date(Date.UTC(2026, 11, 11, 4));
    const dueEarly = liaisonOf(await getTodo(users.liaison, early, config));
    expect(dueEarly).toEqual({ ...(await liaisonCounts(users.liaison, early)) });
    const org = orgOf(await getTodo(users.admin, early, config));
    const orgLate = orgOf(await getTodo(users.admin, late, config));
    expect(org.overdueMonths).toBe((await orgCounts(early)).overdueMonths);
    expect(orgLate.overdueMonths).toBe((await orgCounts(late)).overdueMonths);
    // November 2026 is not reported by the seed (its last month is October): late on the 11th, not on the 5th.
    expect(orgLate.overdueMonths).toBeGreaterThan(org.overdueMonths);
  });

  it('the monthly loop moves items between to-do lists: posted, disputed, answered, confirmed', async () => {
    const p = database.prisma;
    const village = async () => villageOf(await getTodo(users.village, new Date(), config));
    const liaison = async () => liaisonOf(await getTodo(users.liaison, new Date(), config));
    const start = { village: await village(), liaison: await liaison() };
    // The liaison posts this month's update on a project serving the village, figures as last reported.
    const project = await p.project.findFirstOrThrow({
      where: { soeId: users.liaison.soeId!, zoneId: users.village.zoneId!, status: 'IN_PROGRESS', villages: { some: { villageId: users.village.villageId! } } },
      select: { id: true, updates: { orderBy: { period: 'desc' }, take: 1 } },
    });
    const latest = project.updates[0]!;
    const period = new Date().toISOString().slice(0, 7);
    const posted = await postProjectUpdate(users.liaison, {
      projectId: project.id, period, progressPct: latest.progressPct, investmentToDate: latest.investmentToDate.toString(),
      jobsCreated: latest.jobsCreated, incomeToVillages: latest.incomeToVillages.toString(), narrative: '本月进展',
    });
    expect(posted.status).toBe('ok');
    const updateId = posted.status === 'ok' ? posted.data.id : 0;
    const version = async () => (await p.projectUpdate.findUniqueOrThrow({ where: { id: updateId }, select: { version: true } })).version;
    expect(await village()).toEqual({ ...start.village, toConfirm: start.village.toConfirm + 1 });
    expect(await todoBadge(users.village)).toEqual({ kind: 'toConfirm', count: start.village.toConfirm + 1 });

    // The village disputes it: off its 待确认, onto its disputes and the liaison's list to answer.
    expect((await reviewUpdate(users.village, { updateId, version: await version(), decision: 'DISPUTED', reason: '务工人数与实际不符' })).status).toBe('ok');
    expect(await village()).toEqual({ ...start.village, myDisputes: start.village.myDisputes + 1 });
    expect(await liaison()).toEqual({ ...start.liaison, toAnswer: start.liaison.toAnswer + 1 });
    expect(await village()).toEqual(await villageCounts(users.village, new Date()));
    expect(await liaison()).toEqual(await liaisonCounts(users.liaison, new Date()));

    // The liaison answers: back under 待确认 with the answer, off both dispute lists.
    expect((await answerDispute(users.liaison, { updateId, version: await version(), answer: '已核实，人数无误' })).status).toBe('ok');
    expect(await village()).toEqual({ ...start.village, toConfirm: start.village.toConfirm + 1 });
    expect(await liaison()).toEqual(start.liaison);
    const todo = await getTodo(users.village, new Date(), config);
    if (todo.kind === 'village') expect(todo.sections.toConfirm.find((u) => u.updateId === updateId)?.answer).toBe('已核实，人数无误');

    // The village confirms: gone.
    expect((await reviewUpdate(users.village, { updateId, version: await version(), decision: 'CONFIRMED' })).status).toBe('ok');
    expect(await village()).toEqual(start.village);
  });

  it('items disappear when done: feedback given, feedback seen, a long dispute closed', async () => {
    const p = database.prisma;
    const todo = await getTodo(users.village, new Date(), config);
    if (todo.kind !== 'village') throw new Error('village');
    const before = todo.sections;
    // Feedback given for this quarter: the project leaves "feedback due".
    if (before.feedbackDue.length > 0) {
      const project = before.feedbackDue[0]!;
      const quarter = before.quarter;
      const label = `${quarter.getUTCFullYear()}-Q${quarter.getUTCMonth() / 3 + 1}`;
      expect((await giveFeedback(users.village, { projectId: project.projectId, quarter: label, rating: 4 })).status).toBe('ok');
      const after = await getTodo(users.village, new Date(), config);
      expect(villageOf(after).feedbackDue).toBe(before.feedbackDue.length - 1);
    }

    // The liaison opens a project with new feedback: it counts as seen up to what the page showed.
    const liaison = await getTodo(users.liaison, new Date(), config);
    if (liaison.kind !== 'liaison') throw new Error('liaison');
    const fresh = liaison.sections.newFeedback[0]!;
    const upTo = await unseenFeedbackUpTo(users.liaison, fresh.projectId);
    expect(upTo).not.toBeNull();
    expect((await markFeedbackSeen(users.liaison, { projectId: fresh.projectId, upTo: upTo!.toISOString() })).status).toBe('ok');
    const seen = liaisonOf(await getTodo(users.liaison, new Date(), config));
    expect(seen.newFeedback).toBe(liaisonOf(liaison).newFeedback - fresh.count);
    expect(seen).toEqual(await liaisonCounts(users.liaison, new Date()));
    expect(await unseenFeedbackUpTo(users.liaison, fresh.projectId)).toBeNull();
    // Another team's liaison may not mark this project seen (out of its scope).
    expect((await markFeedbackSeen(users.liaison2, { projectId: fresh.projectId, upTo: upTo!.toISOString() })).status).toBe('denied');

    // A dispute moved 20 days back joins the org department's list; closing it takes it off.
    const orgBefore = orgOf(await getTodo(users.admin, new Date(), config));
    const disputed = await p.projectUpdate.findFirstOrThrow({ where: { confirmation: 'DISPUTED' }, select: { id: true, version: true } });
    await p.$executeRawUnsafe(`UPDATE "ProjectUpdate" SET "updatedAt" = (now() AT TIME ZONE 'UTC') - interval '20 days' WHERE id = $1`, disputed.id);
    await p.$executeRawUnsafe(`UPDATE "UpdateEvent" SET "createdAt" = (now() AT TIME ZONE 'UTC') - interval '20 days' WHERE "updateId" = $1 AND kind = 'DISPUTED'`, disputed.id);
    const org = await getTodo(users.admin, new Date(), config);
    expect(orgOf(org).longDisputes).toBe(orgBefore.longDisputes + 1);
    expect(orgOf(org)).toEqual(await orgCounts(new Date()));
    if (org.kind === 'org') expect(org.sections.longDisputes.find((d) => d.updateId === disputed.id)?.days).toBe(20);
    const closed = await closeDispute(users.admin, { updateId: disputed.id, version: disputed.version, decision: 'REJECT', reason: '经核实，数据无误。' });
    expect(closed.status).toBe('ok');
    expect(orgOf(await getTodo(users.admin, new Date(), config)).longDisputes).toBe(orgBefore.longDisputes);
  });
});
