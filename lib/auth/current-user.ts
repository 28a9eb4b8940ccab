import 'server-only';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { authOptions } from './options';
import { can, PASSWORD_PATH, type Action, type SessionUser } from './policy';
import { loadSessionUser } from './session-user';

export { loadSessionUser };

/**
 * The signed-in user, fresh from the database on every request: a deactivated
 * user, or a session from before a password change (older epoch), is nobody.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid) return null;
  return loadSessionUser(session.uid, session.epoch);
});

/**
 * For the portal's frame and the change-password page: the user, or off to the sign-in page,
 * even one who must still change an administrator-chosen password.
 */
export async function requireSignedIn(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}

/**
 * For pages: the user, or off to the sign-in page; a user who must change their password
 * first is sent to do that (the policy refuses them everything else as well).
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await requireSignedIn();
  if (user.mustChangePassword) redirect(PASSWORD_PATH);
  return user;
}

/** For pages: the user, who must be allowed this action; otherwise 404 (existence is not revealed). */
export async function requirePermission<A extends Action>(action: A, resource: Parameters<typeof can<A>>[2]) {
  const user = await requireUser();
  if (!can(user, action, resource)) notFound();
  return user;
}
