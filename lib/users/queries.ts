import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db, type Prisma } from '@/lib/db/client';
import { MAX_CHOICES, pageWithin, TABLE_PAGE_SIZE } from '@/lib/lists/params';
import { byPinyin } from '@/lib/i18n/sort';

/** A page of the users (by role, then username), narrowed by `q` on the username or the name. */
export async function listUsers(user: SessionUser, { q, page }: { q?: string; page: number }) {
  if (!can(user, 'user.manage', {})) return { rows: [], total: 0, page: 1 };
  const where: Prisma.UserWhereInput = q
    ? { OR: [{ username: { contains: q, mode: 'insensitive' } }, { displayName: { contains: q, mode: 'insensitive' } }] }
    : {};
  const total = await db().user.count({ where });
  const shown = pageWithin(page, total, TABLE_PAGE_SIZE);
  const rows = await db().user.findMany({
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
    skip: (shown - 1) * TABLE_PAGE_SIZE,
    take: TABLE_PAGE_SIZE,
  });
  return { rows, total, page: shown };
}

/**
 * Choices for a user's scope (an SOE, a village), each narrowed by name (a village by its own or
 * its zone's) to at most MAX_CHOICES, with how many match: a province has 200,000 villages, and
 * every row's form would list them all.
 */
export async function listScopeOptions(user: SessionUser, { soe, village }: { soe?: string; village?: string } = {}) {
  if (!can(user, 'user.manage', {})) return { soes: [], soeCount: 0, villages: [], villageCount: 0 };
  const named = (q?: string) => (q ? { contains: q, mode: 'insensitive' as const } : undefined);
  const soeWhere: Prisma.SoeWhereInput = soe ? { name: named(soe) } : {};
  const villageWhere: Prisma.VillageWhereInput = village ? { OR: [{ name: named(village) }, { zone: { name: named(village) } }] } : {};
  const [soes, soeCount, villages, villageCount] = await Promise.all([
    db().soe.findMany({ where: soeWhere, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: MAX_CHOICES }),
    db().soe.count({ where: soeWhere }),
    db().village.findMany({
      where: villageWhere,
      select: { id: true, name: true, zone: { select: { name: true } } },
      orderBy: [{ zone: { name: 'asc' } }, { name: 'asc' }],
      take: MAX_CHOICES,
    }),
    db().village.count({ where: villageWhere }),
  ]);
  return { soes: byPinyin(soes), soeCount, villages: byPinyin(villages.map((v) => ({ id: v.id, name: villageChoice(v) }))), villageCount };
}

/** A village as a scope select names it: its zone, then itself. */
export const villageChoice = (v: { name: string; zone: { name: string } }) => `${v.zone.name} · ${v.name}`;
