import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSessionUser } from '../../lib/auth/current-user';
import { failureDelayMs, LOCK_AFTER, LOCK_MINUTES, verifySignIn } from '../../lib/auth/sign-in';
import { changeOwnPassword, resetPassword, setUserActive } from '../../lib/users/mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, FIXTURE_PASSWORD, type World } from '../helpers/fixtures';

let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

const audits = (action: string) => database.prisma.auditLog.count({ where: { action } });

describe('sign-in', () => {
  it('accepts the right password, records it, and resets the failure count', async () => {
    await database.prisma.user.update({ where: { id: world.users.viewer.id }, data: { failedLogins: 3 } });
    const before = await audits('auth.signIn');
    const result = await verifySignIn('viewer', FIXTURE_PASSWORD);
    expect(result.ok).toBe(true);
    expect(await audits('auth.signIn')).toBe(before + 1);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: world.users.viewer.id } })).failedLogins).toBe(0);
  });

  it('says the same for an unknown user as for a wrong password, and records both', async () => {
    const before = await audits('auth.signInFailed');
    expect(await verifySignIn('nobody-here', 'whatever')).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifySignIn('admin', 'wrong-password')).toEqual({ ok: false, reason: 'invalid' });
    expect(await audits('auth.signInFailed')).toBe(before + 2);
  });

  it('slows down after failures, then locks the account in the database', async () => {
    expect([1, 2, 3, 4, 5, 10].map(failureDelayMs)).toEqual([0, 250, 500, 1000, 2000, 2000]);
    const username = 'liaison-b';
    const started = Date.now();
    const results = [];
    for (let i = 0; i < LOCK_AFTER; i++) results.push(await verifySignIn(username, 'wrong-password'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250 + 500 + 1000 + 2000 - 50);
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'locked' });
    const row = await database.prisma.user.findUniqueOrThrow({ where: { username } });
    expect(row.failedLogins).toBe(LOCK_AFTER);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (LOCK_MINUTES - 1) * 60_000);
    // Locked: even the right password is refused until the lock ends.
    expect(await verifySignIn(username, FIXTURE_PASSWORD)).toMatchObject({ ok: false, reason: 'locked' });
    // After the lock (simulated clock), the right password works again.
    const later = new Date(Date.now() + (LOCK_MINUTES + 1) * 60_000);
    expect((await verifySignIn(username, FIXTURE_PASSWORD, later)).ok).toBe(true);
  });

  it('counts concurrent failures one by one', async () => {
    await Promise.all(Array.from({ length: 4 }, () => verifySignIn('village-a2', 'wrong-password')));
    expect((await database.prisma.user.findUniqueOrThrow({ where: { username: 'village-a2' } })).failedLogins).toBe(4);
  });

  it('holds under a burst: 30 wrong passwords at once lock the account, every attempt audited', async () => {
    const user = await database.prisma.user.create({
      data: { username: 'burst', displayName: 'burst', role: 'ORG_VIEWER', passwordHash: (await database.prisma.user.findUniqueOrThrow({ where: { id: world.users.admin.id } })).passwordHash },
    });
    const before = await database.prisma.auditLog.count({ where: { action: 'auth.signInFailed', actorId: user.id } });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => verifySignIn('burst', `guess-${i}`)));
    expect(results.every((r) => !r.ok)).toBe(true);
    const row = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(row.failedLogins).toBeGreaterThanOrEqual(LOCK_AFTER);
    expect(await database.prisma.auditLog.count({ where: { action: 'auth.signInFailed', actorId: user.id } })).toBe(before + 30);
    expect(await verifySignIn('burst', FIXTURE_PASSWORD)).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('refuses a deactivated user even with the right password', async () => {
    const u = await database.prisma.user.create({
      data: { username: 'gone', displayName: 'gone', role: 'ORG_VIEWER', passwordHash: (await database.prisma.user.findUniqueOrThrow({ where: { id: world.users.admin.id } })).passwordHash, active: false },
    });
    expect(await verifySignIn('gone', FIXTURE_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    await database.prisma.user.delete({ where: { id: u.id } });
  });
});

describe('session revocation', () => {
  it('ends existing sessions on a password change, a reset and a deactivation', async () => {
    const { villageA1, admin } = world.users;
    const session = async () => {
      const u = await database.prisma.user.findUniqueOrThrow({ where: { id: villageA1.id } });
      return { epoch: u.sessionEpoch, version: u.version };
    };
    let s = await session();
    expect(await loadSessionUser(villageA1.id, s.epoch)).toMatchObject({ id: villageA1.id, zoneId: world.zoneA.id });

    const changed = await changeOwnPassword(villageA1, { currentPassword: FIXTURE_PASSWORD, newPassword: 'New-password-2026', confirmPassword: 'New-password-2026' });
    expect(changed.status).toBe('ok');
    expect(await loadSessionUser(villageA1.id, s.epoch)).toBeNull();
    expect((await verifySignIn('village-a1', FIXTURE_PASSWORD)).ok).toBe(false);
    expect((await verifySignIn('village-a1', 'New-password-2026')).ok).toBe(true);

    s = await session();
    expect((await resetPassword(admin, { userId: villageA1.id, version: s.version, password: 'Reset-password-2026' })).status).toBe('ok');
    expect(await loadSessionUser(villageA1.id, s.epoch)).toBeNull();

    s = await session();
    expect((await setUserActive(admin, { userId: villageA1.id, version: s.version, active: 'false' })).status).toBe('ok');
    expect(await loadSessionUser(villageA1.id, s.epoch)).toBeNull();
    expect(await loadSessionUser(villageA1.id, s.epoch + 1)).toBeNull(); // inactive: no session at all
  });
});

// Issue 14, defect 4: the change-password form is no password oracle.
describe('the change-password form', () => {
  it('counts and slows wrong current passwords, locks as sign-in does, and resets the count on success', async () => {
    const { villageB1 } = world.users;
    const change = (currentPassword: string) => changeOwnPassword(villageB1, { currentPassword, newPassword: 'Changed-pass-2027', confirmPassword: 'Changed-pass-2027' });
    const failedLogins = async () => (await database.prisma.user.findUniqueOrThrow({ where: { id: villageB1.id } })).failedLogins;
    expect(await change('wrong-1')).toMatchObject({ status: 'invalid', fieldErrors: { currentPassword: [expect.any(String)] } });
    expect(await failedLogins()).toBe(1);
    const started = Date.now();
    expect((await change('wrong-2')).status).toBe('invalid');
    expect(Date.now() - started).toBeGreaterThanOrEqual(240); // the second failure waits 250 ms
    expect(await failedLogins()).toBe(2);
    expect((await change(FIXTURE_PASSWORD)).status).toBe('ok');
    expect(await failedLogins()).toBe(0);
  });
});
