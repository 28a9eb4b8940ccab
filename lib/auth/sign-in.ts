import { db } from '@/lib/db/client';
import { writeAudit } from '@/lib/audit/log';
import { decoyHash, verifyPassword } from './password';

// Failures are counted in the database, so a restart or a second app instance
// does not reset them. Each failure slows the next answer; LOCK_AFTER in a row
// lock the account for LOCK_MINUTES.
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
const MAX_DELAY_MS = 2000;

export type SignInResult =
  | { ok: true; user: { id: number; sessionEpoch: number } }
  | { ok: false; reason: 'invalid' | 'locked'; lockedUntil?: Date };

export function failureDelayMs(failures: number) {
  return failures <= 1 ? 0 : Math.min(MAX_DELAY_MS, 250 * 2 ** (failures - 2));
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
  const actor = { actorId: user.id, actorName: user.username, entity: 'User', entityId: user.id };
  if (user.lockedUntil && user.lockedUntil > now) {
    await prisma.$transaction((tx) =>
      writeAudit(tx, { ...actor, action: 'auth.signInFailed', after: { reason: 'locked', lockedUntil: user.lockedUntil } }),
    );
    return { ok: false, reason: 'locked', lockedUntil: user.lockedUntil };
  }
  const matches = await verifyPassword(user.passwordHash, password);
  if (matches && user.active) {
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
      await writeAudit(tx, { ...actor, action: 'auth.signIn' });
    });
    return { ok: true, user: { id: user.id, sessionEpoch: user.sessionEpoch } };
  }
  // Count atomically: concurrent failures must each count.
  const failures = await prisma.$transaction(async (tx) => {
    // An expired lock starts the count again.
    const nowTs = now;
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    const [row] = await tx.$queryRaw<{ failedLogins: number }[]>`
      UPDATE "User" SET
        "failedLogins" = CASE WHEN "lockedUntil" <= ${nowTs}::timestamp(3) THEN 1 ELSE "failedLogins" + 1 END,
        "lockedUntil" = CASE WHEN (CASE WHEN "lockedUntil" <= ${nowTs}::timestamp(3) THEN 1 ELSE "failedLogins" + 1 END) >= ${LOCK_AFTER}
                             THEN ${until}::timestamp(3) ELSE NULL END
      WHERE id = ${user.id} RETURNING "failedLogins"`;
    const count = row?.failedLogins ?? 0;
    await writeAudit(tx, {
      ...actor,
      action: 'auth.signInFailed',
      after: { reason: user.active ? 'badPassword' : 'inactive', failedLogins: count, locked: count >= LOCK_AFTER },
    });
    return count;
  });
  await new Promise((resolve) => setTimeout(resolve, failureDelayMs(failures)));
  return failures >= LOCK_AFTER ? { ok: false, reason: 'locked' } : { ok: false, reason: 'invalid' };
}
