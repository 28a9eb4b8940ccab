import type { SessionUser } from './policy';

/** Organization staff open the citywide dashboard; liaisons and villages their projects. */
export function homePath(user: SessionUser) {
  return user.role === 'ORG_ADMIN' || user.role === 'ORG_VIEWER' ? '/dashboard' : '/projects';
}
