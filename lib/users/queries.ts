import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { byPinyin } from '@/lib/i18n/sort';

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
    db().soe.findMany({ select: { id: true, name: true } }),
    db().village.findMany({ select: { id: true, name: true, zone: { select: { name: true } } } }),
  ]);
  return { soes: byPinyin(soes), villages: byPinyin(villages.map((v) => ({ id: v.id, name: `${v.zone.name} · ${v.name}` }))) };
}
