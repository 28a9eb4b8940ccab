import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSessionUser } from '../../lib/auth/session-user';
import { postProjectUpdate } from '../../lib/projects/mutations';
import { changeOwnPassword, changeUserAccess, createUser, resetPassword, unlockUser } from '../../lib/users/mutations';
import { reportIncome } from '../../lib/villages/mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, FIXTURE_PASSWORD, type World } from '../helpers/fixtures';

// Issue 16: an administrator changes a user's role and scope and lifts a lock; an
// administrator-chosen password must be replaced first; income corrections say why.
let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

/** Everything a refused write could have touched. */
const snapshot = async () => {
  const p = database.prisma;
  const [users, audit, incomes, corrections, beneficiaries] = await Promise.all([
    p.user.findMany({ orderBy: { id: 'asc' } }),
    p.auditLog.count(),
    p.villageIncome.findMany({ orderBy: { id: 'asc' } }),
    p.incomeCorrection.count(),
    p.beneficiary.count(),
  ]);
  return { users, audit, incomes, corrections, beneficiaries };
};
const row = (id: number) => database.prisma.user.findUniqueOrThrow({ where: { id } });
const lastAudit = () => database.prisma.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });

describe('changing a user’s role and scope', () => {
  it('moves a liaison to a village committee, ends their sessions, and leaves one audit row with before and after', async () => {
    const { admin, liaisonB } = world.users;
    const before = await row(liaisonB.id);
    const state = await changeUserAccess(admin, { userId: String(liaisonB.id), version: String(before.version), role: 'VILLAGE_COMMITTEE', villageId: String(world.villageB1.id), soeId: String(world.soeB.id) });
    expect(state).toMatchObject({ status: 'ok' });
    const after = await row(liaisonB.id);
    // The SOE sent along with a village role is dropped: the scope follows the role.
    expect(after).toMatchObject({ role: 'VILLAGE_COMMITTEE', villageId: world.villageB1.id, soeId: null, version: before.version + 1, sessionEpoch: before.sessionEpoch + 1 });
    expect(await loadSessionUser(liaisonB.id, before.sessionEpoch)).toBeNull();
    expect(await loadSessionUser(liaisonB.id, after.sessionEpoch)).toMatchObject({ role: 'VILLAGE_COMMITTEE', zoneId: world.zoneB.id });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'user.changeAccess', entity: 'User', entityId: String(liaisonB.id), actorId: admin.id });
    expect(audit.before).toMatchObject({ role: 'SOE_LIAISON', soeId: world.soeB.id });
    expect(audit.after).toMatchObject({ role: 'VILLAGE_COMMITTEE', villageId: world.villageB1.id });
    expect(JSON.stringify([audit.before, audit.after])).not.toMatch(/argon2/);
  });

  it('refuses anyone but an administrator, an administrator’s own account, a missing scope, no change and a stale version — writing nothing', async () => {
    const { admin, viewer, liaisonA, villageA1 } = world.users;
    const target = await row(villageA1.id);
    const me = await row(admin.id);
    const before = await snapshot();
    const input = { userId: String(target.id), version: String(target.version), role: 'ORG_VIEWER' };
    for (const actor of [viewer, liaisonA, villageA1]) expect((await changeUserAccess(actor, input)).status).toBe('denied');
    expect((await changeUserAccess(null, input)).status).toBe('denied');
    expect(await changeUserAccess(admin, { userId: String(admin.id), version: String(me.version), role: 'ORG_VIEWER' })).toMatchObject({ status: 'denied' });
    expect(await changeUserAccess(admin, { ...input, role: 'SOE_LIAISON' })).toMatchObject({ status: 'invalid', fieldErrors: { soeId: ['联村工作队账号须选择所属国企。'] } });
    expect(await changeUserAccess(admin, { ...input, role: 'SOE_LIAISON', soeId: '999999' })).toMatchObject({ status: 'invalid', fieldErrors: { soeId: [expect.any(String)] } });
    expect(await changeUserAccess(admin, { ...input, role: 'VILLAGE_COMMITTEE', villageId: String(world.villageA1.id) })).toMatchObject({
      status: 'invalid',
      fieldErrors: { role: ['角色和范围与现在相同，没有需要保存的修改。'] },
    });
    expect(await changeUserAccess(admin, { ...input, version: String(target.version + 5) })).toMatchObject({ status: 'conflict' });
    expect(await changeUserAccess(admin, { ...input, userId: '987654' })).toMatchObject({ status: 'denied' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('unlocking an account', () => {
  it('lifts a lock, keeps the password and the sessions, and is audited', async () => {
    const { admin, villageA2 } = world.users;
    await database.prisma.user.update({ where: { id: villageA2.id }, data: { failedLogins: 5, lockedUntil: new Date(Date.now() + 15 * 60_000) } });
    const before = await row(villageA2.id);
    expect(await unlockUser(admin, { userId: String(villageA2.id), version: String(before.version) })).toMatchObject({ status: 'ok' });
    const after = await row(villageA2.id);
    expect(after).toMatchObject({ failedLogins: 0, lockedUntil: null, passwordHash: before.passwordHash, sessionEpoch: before.sessionEpoch, version: before.version + 1 });
    expect(await loadSessionUser(villageA2.id, before.sessionEpoch)).not.toBeNull();
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'user.unlock', entityId: String(villageA2.id), actorId: admin.id });
    expect(audit.before).toMatchObject({ failedLogins: 5 });
    expect(audit.after).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('refuses an account that is not locked and anyone but an administrator, writing nothing', async () => {
    const { admin, viewer, liaisonA, villageA2 } = world.users;
    await database.prisma.user.update({ where: { id: villageA2.id }, data: { failedLogins: 5, lockedUntil: new Date(Date.now() + 15 * 60_000) } });
    const locked = await row(villageA2.id);
    const before = await snapshot();
    for (const actor of [viewer, liaisonA, villageA2, null]) expect((await unlockUser(actor, { userId: String(villageA2.id), version: String(locked.version) })).status).toBe('denied');
    const free = await row(world.users.viewer.id);
    expect(await unlockUser(admin, { userId: String(free.id), version: String(free.version) })).toMatchObject({ status: 'invalid', fieldErrors: { userId: ['该账号目前没有被锁定。'] } });
    expect(await unlockUser(admin, { userId: String(villageA2.id), version: String(locked.version - 1) })).toMatchObject({ status: 'conflict' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('an administrator-chosen password', () => {
  it('must be changed first: a new account may do nothing else, and changing it clears the flag', async () => {
    const { admin } = world.users;
    const created = await createUser(admin, { username: 'first.login', displayName: '新用户', role: 'SOE_LIAISON', soeId: String(world.soeA.id), password: 'Initial-pass-2025' });
    expect(created.status).toBe('ok');
    const fresh = await database.prisma.user.findUniqueOrThrow({ where: { username: 'first.login' } });
    expect(fresh.mustChangePassword).toBe(true);
    const session = (await loadSessionUser(fresh.id, fresh.sessionEpoch))!;
    expect(session.mustChangePassword).toBe(true);

    const before = await snapshot();
    const refused = await reportIncome(session, { villageId: String(world.villageA1.id), year: '2024', amount: '1' });
    expect(refused).toMatchObject({ status: 'denied', message: '请先修改管理员为您设置的初始密码，然后才能进行其他操作。' });
    expect(await snapshot()).toEqual(before);

    const changed = await changeOwnPassword(session, { currentPassword: 'Initial-pass-2025', newPassword: 'My-own-pass-2026', confirmPassword: 'My-own-pass-2026' });
    expect(changed.status).toBe('ok');
    const after = await row(fresh.id);
    expect(after.mustChangePassword).toBe(false);
    expect((await loadSessionUser(fresh.id, after.sessionEpoch))!.mustChangePassword).toBe(false);
    expect((await lastAudit()).after).toMatchObject({ mustChangePassword: false });
  });

  it('is set again by a reset', async () => {
    const { admin, liaisonA } = world.users;
    const before = await row(liaisonA.id);
    expect(before.mustChangePassword).toBe(false);
    expect((await resetPassword(admin, { userId: liaisonA.id, version: before.version, password: 'Reset-pass-2026' })).status).toBe('ok');
    expect((await row(liaisonA.id)).mustChangePassword).toBe(true);
    await changeOwnPassword({ ...liaisonA, mustChangePassword: true }, { currentPassword: 'Reset-pass-2026', newPassword: FIXTURE_PASSWORD + 'x1', confirmPassword: FIXTURE_PASSWORD + 'x1' });
    expect((await row(liaisonA.id)).mustChangePassword).toBe(false);
  });
});

describe('income corrections', () => {
  it('report without a reason, correct only with one; the history keeps what it was, the new figure and why', async () => {
    const { villageA1, admin } = world.users;
    const village = String(world.villageA1.id);
    const first = await reportIncome(villageA1, { villageId: village, year: '2024', amount: '500000' });
    expect(first).toMatchObject({ status: 'ok' });
    const version = String(first.status === 'ok' && first.data.version);

    const before = await snapshot();
    expect(await reportIncome(villageA1, { villageId: village, year: '2024', amount: '520000', version })).toMatchObject({
      status: 'invalid',
      fieldErrors: { reason: ['更正已填报的收入须写明原因（至少 4 个字）。'] },
    });
    expect(await reportIncome(villageA1, { villageId: village, year: '2024', amount: '500000.00', version, reason: '核对后无变化' })).toMatchObject({
      status: 'invalid',
      fieldErrors: { amount: [expect.any(String)] },
    });
    expect(await reportIncome(world.users.villageB1, { villageId: village, year: '2024', amount: '520000', version, reason: '越权更正' })).toMatchObject({ status: 'denied' });
    expect(await snapshot()).toEqual(before);

    const corrected = await reportIncome(admin, { villageId: village, year: '2024', amount: '520000', version, reason: '补记年底分红' });
    expect(corrected).toMatchObject({ status: 'ok' });
    const history = await database.prisma.incomeCorrection.findMany({ include: { income: true } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ reason: '补记年底分红', actorId: admin.id });
    expect([history[0]!.before.toString(), history[0]!.after.toString()]).toEqual(['500000', '520000']);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'income.correct', entity: 'VillageIncome' });
    expect(audit.after).toMatchObject({ reason: '补记年底分红' });
  });
});

describe('beneficiary rows', () => {
  it('saves only rows with people or households', async () => {
    const { liaisonA } = world.users;
    const before = await database.prisma.beneficiary.count({ where: { projectId: world.projectA.id } });
    const state = await postProjectUpdate(liaisonA, {
      projectId: String(world.projectA.id),
      period: '2025-01',
      progressPct: '10',
      investmentToDate: '1000',
      jobsCreated: '0',
      incomeToVillages: '0',
      beneficiaries: [
        { villageId: String(world.villageA1.id), kind: 'FARMERS', people: '0', households: '' },
        { villageId: String(world.villageA1.id), kind: 'TRAINEES', people: '12', households: '' },
        { villageId: String(world.villageA1.id), kind: 'LOCAL_WORKERS', people: '0', households: '3' },
      ],
    });
    expect(state).toMatchObject({ status: 'ok' });
    const rows = await database.prisma.beneficiary.findMany({ where: { projectId: world.projectA.id }, orderBy: { kind: 'asc' } });
    expect(rows.length - before).toBe(2);
    expect(rows.map((r) => r.kind).sort()).toEqual(['LOCAL_WORKERS', 'TRAINEES']);
  });
});
