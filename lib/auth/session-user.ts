import { db } from '@/lib/db/client';
import type { SessionUser } from './policy';

/**
 * The user a session names, fresh from the database: a deactivated user, or a
 * session from before a password change or a sign-out (older epoch), is nobody.
 */
export async function loadSessionUser(id: number, epoch: number): Promise<SessionUser | null> {
  const user = await db().user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      soeId: true,
      villageId: true,
      active: true,
      sessionEpoch: true,
      mustChangePassword: true,
      village: { select: { zoneId: true } },
    },
  });
  if (!user || !user.active || user.sessionEpoch !== epoch) return null;
  const { active: _active, sessionEpoch: _epoch, village, ...rest } = user;
  return { ...rest, zoneId: village?.zoneId ?? null };
}
