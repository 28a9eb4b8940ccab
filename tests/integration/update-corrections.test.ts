import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postProjectUpdate } from '../../lib/projects/mutations';
import { reviewUpdate } from '../../lib/projects/review-mutations';
import { answerDispute, closeDispute, reopenUpdate, returnUpdate, reviseUpdate } from '../../lib/projects/correction-mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

// Corrections and disputes (issue 15): revise, answer, return, close a dispute, reopen.
let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

/** Everything a refused step could have touched. */
async function snapshot() {
  const p = database.prisma;
  const updates = await p.projectUpdate.findMany({ orderBy: { id: 'asc' } });
  return [updates, await p.updateEvent.count(), await p.auditLog.count()] as const;
}
const month = (offset = 0) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
};
const figures = { progressPct: '20', investmentToDate: '200000', jobsCreated: '10', incomeToVillages: '30000', narrative: '开工' };
const load = (id: number) => database.prisma.projectUpdate.findUniqueOrThrow({ where: { id } });
const events = async (updateId: number) => (await database.prisma.updateEvent.findMany({ where: { updateId }, orderBy: { id: 'asc' } })).map((e) => e.kind);

async function post(period: string, changes: Record<string, string> = {}) {
  const state = await postProjectUpdate(world.users.liaisonA, { projectId: world.projectA.id, period, ...figures, ...changes });
  if (state.status !== 'ok') throw new Error(JSON.stringify(state));
  return load(state.data.id);
}

describe('a liaison revises a posted update', () => {
  it('while unconfirmed, with a reason, keeping the earlier figures in its history; the same checks as posting', async () => {
    const { liaisonA, liaisonB, admin, villageA1 } = world.users;
    const earlier = await post(month(-3), { progressPct: '10', investmentToDate: '100000' });
    const update = await post(month(-2));
    const later = await post(month(-1), { progressPct: '40', investmentToDate: '400000' });
    expect(earlier.period < update.period).toBe(true);
    const input = { updateId: update.id, version: update.version, ...figures, progressPct: '25', reason: '补录漏报的投资' };

    const before = await snapshot();
    for (const u of [liaisonB, admin, villageA1]) expect(await reviseUpdate(u, input), u.username).toMatchObject({ status: 'denied' });
    expect(await reviseUpdate(liaisonA, { ...input, reason: '' })).toMatchObject({ status: 'invalid', fieldErrors: { reason: ['请写明原因（至少 4 个字）。'] } });
    expect(await reviseUpdate(liaisonA, { ...input, progressPct: '5' })).toMatchObject({ status: 'invalid', fieldErrors: { progressPct: ['进度不能低于上次填报的 10%。'] } });
    expect(await reviseUpdate(liaisonA, { ...input, progressPct: '50' })).toMatchObject({ status: 'invalid', fieldErrors: { progressPct: [expect.any(String)] } });
    expect(await reviseUpdate(liaisonA, { ...input, investmentToDate: '500000' })).toMatchObject({ status: 'invalid', fieldErrors: { investmentToDate: [expect.stringContaining('不能高于之后')] } });
    expect(await reviseUpdate(liaisonA, { ...input, updateId: later.id, progressPct: '40', investmentToDate: '9000000' })).toMatchObject({ status: 'invalid', fieldErrors: { investmentToDate: ['累计投资超过了计划投资。'] } });
    expect(await reviseUpdate(liaisonA, { ...input, progressPct: '20' })).toMatchObject({ status: 'invalid', fieldErrors: { reason: [expect.stringContaining('相同')] } });
    expect(await reviseUpdate(liaisonA, { ...input, progressPct: '20', investmentToDate: '200000.00' })).toMatchObject({ status: 'invalid', fieldErrors: { reason: [expect.stringContaining('相同')] } });
    expect(await reviseUpdate(liaisonA, { ...input, version: update.version + 1 })).toMatchObject({ status: 'conflict' });
    expect(await snapshot()).toEqual(before);

    expect(await reviseUpdate(liaisonA, input)).toMatchObject({ status: 'ok', data: { version: update.version + 1 } });
    expect(await load(update.id)).toMatchObject({ progressPct: 25, confirmation: 'PENDING', version: update.version + 1 });
    const revised = await database.prisma.updateEvent.findFirstOrThrow({ where: { updateId: update.id, kind: 'REVISED' } });
    expect(revised).toMatchObject({ reason: '补录漏报的投资', actorId: liaisonA.id, figures: { before: { progressPct: 20 }, after: { progressPct: 25 } } });
    expect(await events(update.id)).toEqual(['POSTED', 'REVISED']);
  });
});

describe('a disputed update gets an answer; the village confirms or disputes again', () => {
  it('a revision or a reply that keeps the figures brings it back to the village', async () => {
    const { liaisonA, liaisonB, admin, villageA1 } = world.users;
    const update = await post(month(-4), { progressPct: '5', investmentToDate: '50000' });
    expect(await reviewUpdate(villageA1, { updateId: update.id, version: 1, decision: 'DISPUTED', reason: '投资金额偏高' })).toMatchObject({ status: 'ok' });

    const before = await snapshot();
    for (const u of [liaisonB, admin, villageA1]) expect(await answerDispute(u, { updateId: update.id, version: 2, answer: '已核对凭证，数据无误' })).toMatchObject({ status: 'denied' });
    expect(await answerDispute(liaisonA, { updateId: update.id, version: 2, answer: '' })).toMatchObject({ status: 'invalid' });
    expect(await answerDispute(liaisonA, { updateId: update.id, version: 1, answer: '已核对凭证，数据无误' })).toMatchObject({ status: 'conflict' });
    expect(await snapshot()).toEqual(before);

    expect(await answerDispute(liaisonA, { updateId: update.id, version: 2, answer: '已核对凭证，数据无误' })).toMatchObject({ status: 'ok' });
    expect(await load(update.id)).toMatchObject({ confirmation: 'PENDING', answer: '已核对凭证，数据无误', progressPct: 5, version: 3 });
    // No dispute to answer any more.
    expect(await answerDispute(liaisonA, { updateId: update.id, version: 3, answer: '再次答复一下' })).toMatchObject({ status: 'invalid', fieldErrors: { answer: ['这条进展目前没有异议。'] } });

    expect(await reviewUpdate(villageA1, { updateId: update.id, version: 3, decision: 'DISPUTED', reason: '仍然偏高' })).toMatchObject({ status: 'ok' });
    expect(await reviseUpdate(liaisonA, { updateId: update.id, version: 4, ...figures, progressPct: '5', investmentToDate: '40000', reason: '按村委会意见更正' })).toMatchObject({ status: 'ok' });
    expect(await load(update.id)).toMatchObject({ confirmation: 'PENDING', disputeReason: null, version: 5 });
    expect(await reviewUpdate(villageA1, { updateId: update.id, version: 5, decision: 'CONFIRMED' })).toMatchObject({ status: 'ok' });
    expect(await events(update.id)).toEqual(['POSTED', 'DISPUTED', 'ANSWERED', 'DISPUTED', 'REVISED', 'CONFIRMED']);

    // Confirmed is final for the liaison.
    expect(await reviseUpdate(liaisonA, { updateId: update.id, version: 6, ...figures, progressPct: '6', investmentToDate: '40000', reason: '想再改一下' })).toMatchObject({
      status: 'invalid',
      fieldErrors: { reason: [expect.stringContaining('只有待确认')] },
    });
  });
});

describe('the org department', () => {
  it('returns an unconfirmed update for revision with a reason; the village waits for the revision', async () => {
    const { liaisonA, viewer, villageA1, admin } = world.users;
    const update = await post(month(-5), { progressPct: '3', investmentToDate: '30000' });
    const before = await snapshot();
    for (const u of [viewer, liaisonA, villageA1]) expect(await returnUpdate(u, { updateId: update.id, version: 1, reason: '请补充说明' })).toMatchObject({ status: 'denied' });
    expect(await returnUpdate(admin, { updateId: update.id, version: 1, reason: '' })).toMatchObject({ status: 'invalid' });
    expect(await returnUpdate(admin, { updateId: update.id, version: 7, reason: '请补充说明' })).toMatchObject({ status: 'conflict' });
    expect(await snapshot()).toEqual(before);

    expect(await returnUpdate(admin, { updateId: update.id, version: 1, reason: '请补充说明' })).toMatchObject({ status: 'ok' });
    expect(await load(update.id)).toMatchObject({ confirmation: 'RETURNED', returnReason: '请补充说明' });
    expect(await reviewUpdate(villageA1, { updateId: update.id, version: 2, decision: 'CONFIRMED' })).toMatchObject({ status: 'invalid', fieldErrors: { decision: [expect.stringContaining('退回')] } });
    expect(await returnUpdate(admin, { updateId: update.id, version: 2, reason: '再退一次' })).toMatchObject({ status: 'invalid', fieldErrors: { reason: [expect.any(String)] } });
    expect(await reviseUpdate(liaisonA, { updateId: update.id, version: 2, ...figures, progressPct: '3', investmentToDate: '30000', narrative: '补充了说明', reason: '按退回意见补充' })).toMatchObject({ status: 'ok' });
    expect(await load(update.id)).toMatchObject({ confirmation: 'PENDING', returnReason: null, narrative: '补充了说明' });
  });

  it("closes a dispute: upholding the village's objection excludes the figures, rejecting it confirms them; reopening takes a reason", async () => {
    const { liaisonA, viewer, villageA1, admin } = world.users;
    const upheld = await post(month(-7), { progressPct: '1', investmentToDate: '10000' });
    const rejected = await post(month(-6), { progressPct: '2', investmentToDate: '20000' });
    for (const u of [upheld, rejected]) expect(await reviewUpdate(villageA1, { updateId: u.id, version: 1, decision: 'DISPUTED', reason: '与实际不符' })).toMatchObject({ status: 'ok' });

    const before = await snapshot();
    for (const u of [viewer, liaisonA, villageA1]) expect(await closeDispute(u, { updateId: upheld.id, version: 2, decision: 'UPHOLD', reason: '经核实村委会意见成立' })).toMatchObject({ status: 'denied' });
    expect(await closeDispute(admin, { updateId: upheld.id, version: 2, decision: 'MAYBE', reason: '经核实村委会意见成立' })).toMatchObject({ status: 'invalid' });
    expect(await closeDispute(admin, { updateId: upheld.id, version: 2, decision: 'UPHOLD', reason: '' })).toMatchObject({ status: 'invalid' });
    expect(await closeDispute(admin, { updateId: upheld.id, version: 1, decision: 'UPHOLD', reason: '经核实村委会意见成立' })).toMatchObject({ status: 'conflict' });
    expect(await snapshot()).toEqual(before);

    expect(await closeDispute(admin, { updateId: upheld.id, version: 2, decision: 'UPHOLD', reason: '经核实村委会意见成立' })).toMatchObject({ status: 'ok' });
    expect(await closeDispute(admin, { updateId: rejected.id, version: 2, decision: 'REJECT', reason: '凭证齐全，维持原数据' })).toMatchObject({ status: 'ok' });
    expect(await load(upheld.id)).toMatchObject({ confirmation: 'EXCLUDED', confirmedById: admin.id });
    expect(await load(rejected.id)).toMatchObject({ confirmation: 'CONFIRMED', confirmedById: admin.id });
    expect(await closeDispute(admin, { updateId: rejected.id, version: 3, decision: 'UPHOLD', reason: '再裁一次看看' })).toMatchObject({ status: 'invalid', fieldErrors: { decision: ['这条进展目前没有异议。'] } });
    expect(await reviewUpdate(villageA1, { updateId: upheld.id, version: 3, decision: 'CONFIRMED' })).toMatchObject({ status: 'invalid' });
    expect(await reviseUpdate(liaisonA, { updateId: upheld.id, version: 3, ...figures, progressPct: '1', investmentToDate: '12000', reason: '想改一下数据' })).toMatchObject({ status: 'invalid' });

    const reopenBefore = await snapshot();
    for (const u of [viewer, liaisonA, villageA1]) expect(await reopenUpdate(u, { updateId: rejected.id, version: 3, reason: '发现凭证有误' })).toMatchObject({ status: 'denied' });
    expect(await reopenUpdate(admin, { updateId: rejected.id, version: 3, reason: '' })).toMatchObject({ status: 'invalid' });
    expect(await reopenUpdate(admin, { updateId: rejected.id, version: 2, reason: '发现凭证有误' })).toMatchObject({ status: 'conflict' });
    expect(await snapshot()).toEqual(reopenBefore);
    expect(await reopenUpdate(admin, { updateId: rejected.id, version: 3, reason: '发现凭证有误' })).toMatchObject({ status: 'ok' });
    expect(await load(rejected.id)).toMatchObject({ confirmation: 'PENDING', confirmedById: null, version: 4 });
    expect(await reopenUpdate(admin, { updateId: rejected.id, version: 4, reason: '再开一次' })).toMatchObject({ status: 'invalid', fieldErrors: { reason: [expect.stringContaining('重新打开')] } });
    expect(await events(rejected.id)).toEqual(['POSTED', 'DISPUTED', 'DISPUTE_REJECTED', 'REOPENED']);
    expect(await events(upheld.id)).toEqual(['POSTED', 'DISPUTED', 'DISPUTE_UPHELD']);

    const audited = await database.prisma.auditLog.findMany({ where: { entity: 'ProjectUpdate', entityId: String(rejected.id) }, orderBy: { id: 'asc' }, select: { action: true } });
    expect(audited.map((a) => a.action)).toEqual(['projectUpdate.create', 'projectUpdate.dispute', 'projectUpdate.rejectDispute', 'projectUpdate.reopen']);
  });
});

describe('two corrections of one update at once', () => {
  it('one wins, the other is told of the conflict, and exactly one revision is recorded', async () => {
    const { liaisonA, admin } = world.users;
    const update = await post(month(-9), { progressPct: '0', investmentToDate: '0' });
    const revise = reviseUpdate(liaisonA, { updateId: update.id, version: 1, ...figures, progressPct: '0', investmentToDate: '5000', reason: '补录投资金额' });
    const send = returnUpdate(admin, { updateId: update.id, version: 1, reason: '请补充凭证' });
    const states = (await Promise.all([revise, send])).map((s) => s.status).sort();
    expect(states).toEqual(['conflict', 'ok']);
    expect(await events(update.id)).toHaveLength(2);
    expect((await load(update.id)).version).toBe(2);
  });
});
