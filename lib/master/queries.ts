import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';

/** Choices and current pairings for the master-data page; nothing for anyone but administrators. */
export async function getMasterData(user: SessionUser) {
  if (!can(user, 'masterData.manage', {})) return null;
  const [districts, soes, zones, pairings] = await Promise.all([
    db().district.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db().soe.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db().zone.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db().pairing.findMany({
      where: { until: null },
      select: { id: true, since: true, version: true, soe: { select: { name: true } }, zone: { select: { name: true } } },
      orderBy: [{ zone: { name: 'asc' } }],
    }),
  ]);
  return { districts, soes, zones, pairings };
}
