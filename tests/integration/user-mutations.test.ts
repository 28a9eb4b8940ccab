import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProject } from '../../lib/projects/mutations';
import { changeOwnPassword, createUser, resetPassword, setUserActive } from '../../lib/users/mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, FIXTURE_PASSWORD, projectEdit, type World } from '../helpers/fixtures';

let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

/** Row counts of the tables a failed write could touch. */
const snapshot = async () => {
  const p = database.prisma;
  const [users, audit, projects] = await Promise.all([p.user.findMany({ orderBy: { id: 'asc' } }), p.auditLog.count(), p.project.findMany({ orderBy: { id: 'asc' } })]);
  return { users, audit, projects };
};

describe('user management', () => {
  it('creates a user with role and scope, in the user language on errors', async () => {
    const { admin } = world.users;
    const ok = await createUser(admin, { username: 'New.Liaison', displayName: '新联络员', role: 'SOE_LIAISON', soeId: String(world.soeB.id), password: 'Strong-pass-2025' });
    expect(ok).toMatchObject({ status: 'ok' });
    const row = await database.prisma.user.findUniqueOrThrow({ where: { username: 'new.liaison' } });
    expect(row).toMatchObject({ role: 'SOE_LIAISON', soeId: world.soeB.id, villageId: null });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);

    const before = await snapshot();
    const missingScope = await createUser(admin, { username: 'x-liaison', displayName: 'x', role: 'SOE_LIAISON', password: 'Strong-pass-2025' });
    expect(missingScope).toMatchObject({ status: 'invalid', fieldErrors: { soeId: ['联村工作队账号须选择所属国企。'] } });
    const duplicate = await createUser(admin, { username: 'admin', displayName: 'x', role: 'ORG_VIEWER', password: 'Strong-pass-2025' }, 'en');
    expect(duplicate).toMatchObject({ status: 'invalid', fieldErrors: { username: ['This username is taken.'] } });
    const weak = await createUser(admin, { username: 'weakling', displayName: 'x', role: 'ORG_VIEWER', password: 'short' });
    expect(weak.status).toBe('invalid');
    expect(weak.status === 'invalid' && weak.fieldErrors.password).toEqual(['密码至少 10 位。', '密码须同时包含字母和数字。']);
    const unknownVillage = await createUser(admin, { username: 'ghost-village', displayName: 'x', role: 'VILLAGE_COMMITTEE', villageId: '999999', password: 'Strong-pass-2025' });
    expect(unknownVillage).toMatchObject({ status: 'invalid', fieldErrors: { villageId: ['村委会账号须选择所属村。'] } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses every user-management write to anyone but an administrator, changing nothing', async () => {
    const before = await snapshot();
    for (const key of ['viewer', 'liaisonA', 'villageB1'] as const) {
      const actor = world.users[key];
      expect((await createUser(actor, { username: `by-${key}`, displayName: 'x', role: 'ORG_ADMIN', password: 'Strong-pass-2025' })).status).toBe('denied');
      expect((await resetPassword(actor, { userId: world.users.admin.id, version: 1, password: 'Strong-pass-2025' })).status).toBe('denied');
      expect((await setUserActive(actor, { userId: world.users.admin.id, version: 1, active: 'false' })).status).toBe('denied');
    }
    expect((await createUser(null, { username: 'anon', displayName: 'x', role: 'ORG_ADMIN', password: 'Strong-pass-2025' })).status).toBe('denied');
    expect(await snapshot()).toEqual(before);
  });

  it('gives the second of two concurrent edits a conflict, not a silent overwrite', async () => {
    const { admin } = world.users;
    const target = await database.prisma.user.findUniqueOrThrow({ where: { id: world.users.viewer.id } });
    const [a, b] = await Promise.all([
      resetPassword(admin, { userId: target.id, version: target.version, password: 'First-pass-2025' }),
      resetPassword(admin, { userId: target.id, version: target.version, password: 'Second-pass-2025' }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['conflict', 'ok']);
    const conflict = [a, b].find((s) => s.status === 'conflict')!;
    expect(conflict).toMatchObject({ message: expect.stringContaining('刚被他人修改') });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).version).toBe(target.version + 1);
  });

  it('does not let an administrator deactivate themselves', async () => {
    const { admin } = world.users;
    const row = await database.prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(await setUserActive(admin, { userId: admin.id, version: row.version, active: 'false' })).toMatchObject({ status: 'invalid' });
  });

  it('checks the current password before changing it', async () => {
    const before = await snapshot();
    const mismatch = await changeOwnPassword(world.users.liaisonB, { currentPassword: FIXTURE_PASSWORD, newPassword: 'Another-pass-9', confirmPassword: 'Another-pass-8' });
    expect(mismatch).toMatchObject({ status: 'invalid', fieldErrors: { confirmPassword: ['两次输入的新密码不一致。'] } });
    expect(await snapshot()).toEqual(before);
    // A wrong current password changes nothing but the failure count and its audit row, as at sign-in (issue 14).
    const { passwordHash, sessionEpoch } = await database.prisma.user.findUniqueOrThrow({ where: { id: world.users.liaisonB.id } });
    const wrong = await changeOwnPassword(world.users.liaisonB, { currentPassword: 'not-it', newPassword: 'Another-pass-9', confirmPassword: 'Another-pass-9' });
    expect(wrong).toMatchObject({ status: 'invalid', fieldErrors: { currentPassword: ['当前密码不正确。'] } });
    expect(await database.prisma.user.findUniqueOrThrow({ where: { id: world.users.liaisonB.id } })).toMatchObject({ passwordHash, sessionEpoch, failedLogins: 1 });
    expect(await database.prisma.auditLog.count({ where: { action: 'auth.passwordCheckFailed', entityId: String(world.users.liaisonB.id) } })).toBe(1);
  });
});

describe('project scope on writes', () => {
  it('lets a liaison edit its own SOE project and refuses another SOE project', async () => {
    const { liaisonA, villageA1, admin } = world.users;
    const a = await database.prisma.project.findUniqueOrThrow({ where: { id: world.projectA.id } });
    const ok = await updateProject(liaisonA, await projectEdit(database.prisma, a.id, { name: '甲项目（改）', plannedInvestment: '1234567.89' }));
    expect(ok).toMatchObject({ status: "ok", data: { version: a.version + 1 } });
    const after = await database.prisma.project.findUniqueOrThrow({ where: { id: a.id } });
    expect(after.plannedInvestment?.toString()).toBe('1234567.89');

    const before = await snapshot();
    const b = await database.prisma.project.findUniqueOrThrow({ where: { id: world.projectB.id } });
    for (const actor of [liaisonA, villageA1, admin]) {
      expect(await updateProject(actor, await projectEdit(database.prisma, b.id, { name: 'hijacked' }))).toMatchObject({ status: 'denied' });
    }
    expect(await updateProject(liaisonA, { ...(await projectEdit(database.prisma, a.id)), projectId: '987654' })).toMatchObject({ status: 'denied' });
    expect(await updateProject(liaisonA, await projectEdit(database.prisma, a.id, { plannedInvestment: '1.234' }))).toMatchObject({
      status: 'invalid',
      fieldErrors: { plannedInvestment: ['金额最多到分：按元计最多两位小数。'] },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('audit trail', () => {
  it('has exactly one row with before and after for every accepted write', async () => {
    const p = database.prisma;
    const start = await p.auditLog.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    const { admin, liaisonA } = world.users;
    const accepted: { entity: string; entityId: number }[] = [];
    const created = await createUser(admin, { username: 'audited', displayName: '审计', role: 'ORG_VIEWER', password: 'Audit-pass-2025' });
    if (created.status === 'ok') accepted.push({ entity: 'User', entityId: created.data.id });
    const u = await p.user.findUniqueOrThrow({ where: { username: 'audited' } });
    if ((await resetPassword(admin, { userId: u.id, version: u.version, password: 'Audit-pass-2026' })).status === 'ok') accepted.push({ entity: 'User', entityId: u.id });
    await resetPassword(admin, { userId: u.id, version: u.version, password: 'stale-version-1' }); // conflict: no row
    const project = await p.project.findUniqueOrThrow({ where: { id: world.projectCity.id } });
    if ((await updateProject(liaisonA, await projectEdit(p, project.id, { name: '全市培训' }))).status === 'ok')
      accepted.push({ entity: 'Project', entityId: project.id });
    await updateProject(liaisonA, await projectEdit(p, world.projectB.id, { name: 'denied' })); // denied: no row

    const rows = await p.auditLog.findMany({ where: { id: { gt: start?.id ?? 0n } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => ({ entity: r.entity, entityId: Number(r.entityId) }))).toEqual(accepted);
    expect(rows.every((r) => r.actorId !== null && r.after !== null)).toBe(true);
    expect(rows.slice(1).every((r) => r.before !== null)).toBe(true);
    expect(JSON.stringify(rows.map((r) => [r.before, r.after]))).not.toMatch(/argon2/);
  });
});
