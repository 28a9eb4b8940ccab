import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';

/**
 * A zone's joint ventures with their partners, shares and projects, and what the forms offer
 * (the partners a venture of this zone may have); null when the user may not read the zone.
 */
export async function getZoneJointVentures(user: SessionUser, zoneId: number) {
  const zone = await db().zone.findUnique({
    where: { id: zoneId },
    select: {
      name: true,
      pairings: { select: { soe: { select: { id: true, name: true } } } },
      villages: { select: { id: true, name: true }, orderBy: { id: 'asc' } },
      cooperative: { select: { id: true, name: true } },
      projects: { select: { id: true, name: true, jointVentureId: true }, orderBy: { id: 'asc' } },
      jointVentures: {
        select: {
          id: true, version: true, name: true, registeredOn: true, description: true, sourceNote: true, villageId: true,
          village: { select: { name: true } },
          source: { select: { title: true, isSample: true } },
          partners: {
            select: { kind: true, percent: true, soe: { select: { id: true, name: true } }, zoneId: true, cooperative: { select: { id: true, name: true } }, village: { select: { id: true, name: true } } },
            orderBy: { id: 'asc' },
          },
          projects: { select: { id: true, name: true }, orderBy: { id: 'asc' } },
        },
        orderBy: { id: 'asc' },
      },
    },
  });
  if (!zone) return null;
  const pairedSoeIds = zone.pairings.map((p) => p.soe.id);
  if (!can(user, 'zone.read', { zoneId, soeIds: pairedSoeIds })) return null;
  const ventures = zone.jointVentures.map((j) => {
    const partners = j.partners.map((p) => {
      const [ref, name] =
        p.kind === 'SOE' ? [`SOE:${p.soe!.id}`, p.soe!.name]
        : p.kind === 'COOPERATIVE' ? [`COOPERATIVE:${p.cooperative!.id}`, p.cooperative!.name]
        : p.kind === 'VILLAGE' ? [`VILLAGE:${p.village!.id}`, p.village!.name]
        : [`ZONE_COMMITTEE:${p.zoneId}`, zone.name];
      return { kind: p.kind, ref, name, percent: p.percent?.toString() ?? null };
    });
    const resource = { zoneId, soeIds: [...pairedSoeIds, ...j.partners.flatMap((p) => (p.soe ? [p.soe.id] : []))] };
    return {
      id: j.id, version: j.version, name: j.name, registeredOn: j.registeredOn, description: j.description,
      villageId: j.villageId, village: j.village?.name ?? null,
      isSample: j.source?.isSample ?? false, sourceNote: j.source?.isSample ? null : j.sourceNote, sourceTitle: j.source?.title ?? null,
      partners, projects: j.projects,
      canRead: can(user, 'jointVenture.read', resource),
      canManage: can(user, 'jointVenture.manage', resource),
    };
  }).filter((j) => j.canRead);
  // Any SOE may be a partner; the zone's paired SOEs are offered first.
  const otherSoes = await db().soe.findMany({ where: { id: { notIn: pairedSoeIds } }, select: { id: true, name: true }, orderBy: { id: 'asc' } });
  return {
    canCreate: can(user, 'jointVenture.manage', { zoneId, soeIds: pairedSoeIds }),
    ventures,
    villages: zone.villages,
    projects: zone.projects,
    partnerOptions: [
      ...zone.pairings.map((p) => ({ ref: `SOE:${p.soe.id}`, kind: 'SOE' as const, name: p.soe.name })),
      { ref: `ZONE_COMMITTEE:${zoneId}`, kind: 'ZONE_COMMITTEE' as const, name: zone.name },
      ...(zone.cooperative ? [{ ref: `COOPERATIVE:${zone.cooperative.id}`, kind: 'COOPERATIVE' as const, name: zone.cooperative.name }] : []),
      ...zone.villages.map((v) => ({ ref: `VILLAGE:${v.id}`, kind: 'VILLAGE' as const, name: v.name })),
      ...otherSoes.map((s) => ({ ref: `SOE:${s.id}`, kind: 'SOE' as const, name: s.name })),
    ],
  };
}
