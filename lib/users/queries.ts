import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';

export async function listUsers(user: SessionUser) {
  if (!can(user, 'user.manage', {})) return [];
  return db().user.findMany({
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      active: true,
      version: true,
      soeId: true,
      villageId: true,
      mustChangePassword: true,
      lockedUntil: true,
      failedLogins: true,
      soe: { select: { name: true } },
      village: { select: { name: true, zone: { select: { name: true } } } },
    },
    orderBy: [{ role: 'asc' }, { username: 'asc' }],
  });
}

/** Choices for a user's scope in the create form. */
export async function listScopeOptions(user: SessionUser) {
  if (!can(user, 'user.manage', {})) return { soes: [], villages: [] };
  const [soes, villages] = await Promise.all([
    db().soe.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db().village.findMany({
      select: { id: true, name: true, zone: { select: { name: true } } },
      orderBy: [{ zone: { name: 'asc' } }, { name: 'asc' }],
    }),
  ]);
  return { soes, villages: villages.map((v) => ({ id: v.id, name: `${v.zone.name} · ${v.name}` })) };
}
