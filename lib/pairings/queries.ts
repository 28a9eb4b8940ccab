import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db, type Prisma } from '@/lib/db/client';
import { MAX_CHOICES } from '@/lib/lists/params';

/** Pairings a page of master data lists (its choices are at most MAX_CHOICES, narrowed by a search). */
export const PAIRINGS_PER_PAGE = 50;

export type MasterSearch = { zone?: string; soe?: string; page: number };

/**
 * Choices and pairings in force for the master-data page, narrowed by a zone
 * name and an SOE name when given; nothing for anyone but administrators.
 */
export async function getMasterData(user: SessionUser, { zone, soe, page }: MasterSearch) {
  if (!can(user, 'masterData.manage', {})) return null;
  const named = (q?: string) => (q ? { name: { contains: q, mode: 'insensitive' as const } } : {});
  const zoneNamed = named(zone);
  const soeNamed = named(soe);
  const pairingWhere: Prisma.PairingWhereInput = { until: null, zone: zoneNamed, soe: soeNamed };
  const [districts, soes, soeCount, zones, zoneCount, pairings, pairingCount] = await Promise.all([
    db().district.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db().soe.findMany({ where: soeNamed, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: MAX_CHOICES }),
    db().soe.count({ where: soeNamed }),
    db().zone.findMany({ where: zoneNamed, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: MAX_CHOICES }),
    db().zone.count({ where: zoneNamed }),
    db().pairing.findMany({
      where: pairingWhere,
      select: { id: true, since: true, version: true, soe: { select: { name: true } }, zone: { select: { name: true } } },
      orderBy: [{ zone: { name: 'asc' } }, { id: 'asc' }],
      skip: (page - 1) * PAIRINGS_PER_PAGE,
      take: PAIRINGS_PER_PAGE,
    }),
    db().pairing.count({ where: pairingWhere }),
  ]);
  return { districts, soes, soeCount, zones, zoneCount, pairings, pairingCount };
}
