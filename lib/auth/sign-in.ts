import { db } from '@/lib/db/client';
import { writeAudit } from '@/lib/audit/log';
import { decoyHash, verifyPassword } from './password';

// Failures are counted in the database, so a restart or a second app instance
// does not reset them. Each failure slows the next answer; LOCK_AFTER in a row
// lock the account for LOCK_MINUTES. Sign-in and the change-password form
// (lib/users/mutations.ts) share this counter: a wrong password is a wrong
// password wherever it is typed.
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
const MAX_DELAY_MS = 2000;

export type SignInResult =
  | { ok: true; user: { id: number; sessionEpoch: number } }
  | { ok: false; reason: 'invalid' | 'locked'; lockedUntil?: Date };

/** Where a password was checked: the audit row's action. */
export type PasswordCheck = 'auth.signInFailed' | 'auth.passwordCheckFailed';
type Account = { id: number; username: string };

export function failureDelayMs(failures: number) {
  return failures <= 1 ? 0 : Math.min(MAX_DELAY_MS, 250 * 2 ** (failures - 2));
}

export const isLocked = (lockedUntil: Date | null, now = new Date()) => lockedUntil !== null && lockedUntil > now;

/** An attempt on a locked account: audited, the password not even checked. */
export async function recordLockedAttempt(account: Account, action: PasswordCheck, lockedUntil: Date | null) {
  await db().$transaction((tx) =>
    writeAudit(tx, { actorId: account.id, actorName: account.username, entity: 'User', entityId: account.id, action, after: { reason: 'locked', lockedUntil } }),
  );
}

/**
 * A wrong password for this account: counted atomically (concurrent failures
 * each count), the account locked at LOCK_AFTER, audited, in its own
 * transaction (so a caller's rolled-back transaction cannot undo it); then the
 * answer waits as long as the count says. Returns the count.
 */
export async function countPasswordFailure(account: Account, action: PasswordCheck, reason: string, now = new Date()): Promise<number> {
  const failures = await db().$transaction(async (tx) => {
    // An expired lock starts the count again.
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    const [row] = await tx.$queryRaw<{ failedLogins: number }[]>`
      UPDATE "User" SET
        "failedLogins" = CASE WHEN "lockedUntil" <= ${now}::timestamp(3) THEN 1 ELSE "failedLogins" + 1 END,
        "lockedUntil" = CASE WHEN (CASE WHEN "lockedUntil" <= ${now}::timestamp(3) THEN 1 ELSE "failedLogins" + 1 END) >= ${LOCK_AFTER}
                             THEN ${until}::timestamp(3) ELSE NULL END
      WHERE id = ${account.id} RETURNING "failedLogins"`;
    const count = row?.failedLogins ?? 0;
    await writeAudit(tx, {
      actorId: account.id,
      actorName: account.username,
      entity: 'User',
      entityId: account.id,
      action,
      after: { reason, failedLogins: count, locked: count >= LOCK_AFTER },
    });
    return count;
  });
  await new Promise((resolve) => setTimeout(resolve, failureDelayMs(failures)));
  return failures;
}

export async function verifySignIn(username: string, password: string, now = new Date()): Promise<SignInResult> {
  const prisma = db();
  const user = await prisma.user.findUnique({
    where: { username },
    select: { id: true, username: true, displayName: true, passwordHash: true, active: true, lockedUntil: true, sessionEpoch: true },
  });
  if (!user) {
    await verifyPassword(await decoyHash(), password);
    await prisma.$transaction((tx) =>
      writeAudit(tx, { actorId: null, actorName: username.slice(0, 100), action: 'auth.signInFailed', entity: 'User', after: { reason: 'unknownUser' } }),
    );
    return { ok: false, reason: 'invalid' };
  }
  if (isLocked(user.lockedUntil, now)) {
    await recordLockedAttempt(user, 'auth.signInFailed', user.lockedUntil);
    return { ok: false, reason: 'locked', lockedUntil: user.lockedUntil! };
  }
  const matches = await verifyPassword(user.passwordHash, password);
  if (matches && user.active) {
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
      await writeAudit(tx, { actorId: user.id, actorName: user.username, entity: 'User', entityId: user.id, action: 'auth.signIn' });
    });
    return { ok: true, user: { id: user.id, sessionEpoch: user.sessionEpoch } };
  }
  const failures = await countPasswordFailure(user, 'auth.signInFailed', user.active ? 'badPassword' : 'inactive', now);
  return failures >= LOCK_AFTER ? { ok: false, reason: 'locked' } : { ok: false, reason: 'invalid' };
}
