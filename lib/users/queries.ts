import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db, type Prisma } from '@/lib/db/client';
import { TABLE_PAGE_SIZE } from '@/lib/lists/params';
import { MASTER_CHOICES } from '@/lib/pairings/queries';
import { byPinyin } from '@/lib/i18n/sort';

/** A page of the users (by role, then username), narrowed by `q` on the username or the name. */
export async function listUsers(user: SessionUser, { q, page }: { q?: string; page: number }) {
  if (!can(user, 'user.manage', {})) return { rows: [], total: 0 };
  const where: Prisma.UserWhereInput = q
    ? { OR: [{ username: { contains: q, mode: 'insensitive' } }, { displayName: { contains: q, mode: 'insensitive' } }] }
    : {};
  const [rows, total] = await Promise.all([
    db().user.findMany({
      where,
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
      skip: (page - 1) * TABLE_PAGE_SIZE,
      take: TABLE_PAGE_SIZE,
    }),
    db().user.count({ where }),
  ]);
  return { rows, total };
}

/** How many SOEs and villages a scope select lists: a city's SOEs all, a province's villages by name. */
export const SCOPE_CHOICES = MASTER_CHOICES;

/**
 * Choices for a user's scope (an SOE, a village), each narrowed by name (a village by its own or
 * its zone's) to at most SCOPE_CHOICES, with how many match: a province has 200,000 villages, and
 * every row's form would list them all.
 */
export async function listScopeOptions(user: SessionUser, { soe, village }: { soe?: string; village?: string } = {}) {
  if (!can(user, 'user.manage', {})) return { soes: [], soeCount: 0, villages: [], villageCount: 0 };
  const named = (q?: string) => (q ? { contains: q, mode: 'insensitive' as const } : undefined);
  const soeWhere: Prisma.SoeWhereInput = soe ? { name: named(soe) } : {};
  const villageWhere: Prisma.VillageWhereInput = village ? { OR: [{ name: named(village) }, { zone: { name: named(village) } }] } : {};
  const [soes, soeCount, villages, villageCount] = await Promise.all([
    db().soe.findMany({ where: soeWhere, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: SCOPE_CHOICES }),
    db().soe.count({ where: soeWhere }),
    db().village.findMany({
      where: villageWhere,
      select: { id: true, name: true, zone: { select: { name: true } } },
      orderBy: [{ zone: { name: 'asc' } }, { name: 'asc' }],
      take: SCOPE_CHOICES,
    }),
    db().village.count({ where: villageWhere }),
  ]);
  return { soes: byPinyin(soes), soeCount, villages: byPinyin(villages.map((v) => ({ id: v.id, name: villageChoice(v) }))), villageCount };
}

/** A village as a scope select names it: its zone, then itself. */
export const villageChoice = (v: { name: string; zone: { name: string } }) => `${v.zone.name} · ${v.name}`;
