import 'server-only';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/lib/db/client';
import { authOptions } from './options';
import { can, type Action, type SessionUser } from './policy';

/**
 * The signed-in user, fresh from the database on every request: a deactivated
 * user, or a session from before a password change (older epoch), is nobody.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid) return null;
  return loadSessionUser(session.uid, session.epoch);
});

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
      village: { select: { zoneId: true } },
    },
  });
  if (!user || !user.active || user.sessionEpoch !== epoch) return null;
  const { active: _active, sessionEpoch: _epoch, village, ...rest } = user;
  return { ...rest, zoneId: village?.zoneId ?? null };
}

/** For pages: the user, or off to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}

/** For pages: the user, who must be allowed this action; otherwise 404 (existence is not revealed). */
export async function requirePermission<A extends Action>(action: A, resource: Parameters<typeof can<A>>[2]) {
  const user = await requireUser();
  if (!can(user, action, resource)) notFound();
  return user;
}
