import { defineMutation, editedRecord, FieldError } from '@/lib/action';
import { percentTotalExceeds } from '@/lib/cooperatives/rules';
import type { Prisma } from '@/lib/db/client';
import { jointVentureSchema, type PartnerKind } from './schemas';

// A village–enterprise joint venture (村企合资公司) as a record: the company, where it was set up,
// its partners (an SOE, the zone's joint committee, its cooperative, a village) with their shares,
// and the projects it runs. Administrators keep them; whoever reads the zone reads them.

type Tx = Prisma.TransactionClient;
const FK: Record<PartnerKind, 'soeId' | 'zoneId' | 'cooperativeId' | 'villageId'> = { SOE: 'soeId', ZONE_COMMITTEE: 'zoneId', COOPERATIVE: 'cooperativeId', VILLAGE: 'villageId' };

/** Whether a partner exists and belongs with the venture's zone (its committee, cooperative or villages; any SOE). */
async function partnerFits(tx: Tx, kind: PartnerKind, id: number, zoneId: number) {
  switch (kind) {
    case 'SOE':
      return (await tx.soe.count({ where: { id } })) === 1;
    case 'ZONE_COMMITTEE':
      return id === zoneId;
    case 'COOPERATIVE':
      return (await tx.cooperative.count({ where: { id, zoneId } })) === 1;
    case 'VILLAGE':
      return (await tx.village.count({ where: { id, zoneId } })) === 1;
  }
}

export const saveJointVenture = defineMutation({
  schema: jointVentureSchema,
  action: 'jointVenture.manage',
  async resource(tx, input) {
    const zone = await tx.zone.findUnique({ where: { id: input.zoneId }, select: { pairings: { select: { soeId: true } } } });
    return zone ? { zoneId: input.zoneId, soeIds: [...zone.pairings.map((p) => p.soeId), ...input.partners.filter((p) => p.partner.kind === 'SOE').map((p) => p.partner.id)] } : null;
  },
  versioned: editedRecord('JointVenture'),
  async run({ tx, input: { id, version: _seen, partners, projectIds, ...data }, audit }) {
    const clash = await tx.jointVenture.findUnique({ where: { name: data.name }, select: { id: true } });
    if (clash && clash.id !== id) throw new FieldError('name', 'validation.nameTaken');
    if (data.villageId !== null && !(await tx.village.count({ where: { id: data.villageId, zoneId: data.zoneId } }))) throw new FieldError('villageId', 'validation.villageNotInZone');
    const seen = new Set<string>();
    for (const [i, { partner }] of partners.entries()) {
      const key = `${partner.kind}:${partner.id}`;
      if (seen.has(key)) throw new FieldError(`partners.${i}.partner`, 'validation.partnerTwice');
      seen.add(key);
      if (!(await partnerFits(tx, partner.kind, partner.id, data.zoneId))) throw new FieldError(`partners.${i}.partner`, 'validation.partnerUnknown');
    }
    if (!partners.some((p) => p.partner.kind === 'SOE')) throw new FieldError('partners.0.partner', 'validation.partnerSoe');
    if (percentTotalExceeds(partners.map((p) => p.percent))) throw new FieldError('partners.0.percent', 'validation.sharesOver100');
    const ids = [...new Set(projectIds)];
    if ((await tx.project.count({ where: { id: { in: ids }, zoneId: data.zoneId } })) !== ids.length) throw new FieldError('projectIds', 'validation.projectNotInZone');

    const before = id
      ? await tx.jointVenture.findUniqueOrThrow({ where: { id }, include: { partners: { orderBy: { id: 'asc' } }, projects: { select: { id: true }, orderBy: { id: 'asc' } } } })
      : null;
    const venture = id
      ? await tx.jointVenture.update({ where: { id }, data: { ...data, sourceId: null, version: { increment: 1 } } })
      : await tx.jointVenture.create({ data });
    await tx.jointVenturePartner.deleteMany({ where: { jointVentureId: venture.id } });
    await tx.jointVenturePartner.createMany({
      data: partners.map(({ partner, percent }) => ({ jointVentureId: venture.id, kind: partner.kind, [FK[partner.kind]]: partner.id, percent })),
    });
    await tx.project.updateMany({ where: { jointVentureId: venture.id, id: { notIn: ids } }, data: { jointVentureId: null } });
    await tx.project.updateMany({ where: { id: { in: ids } }, data: { jointVentureId: venture.id } });
    const after = {
      ...venture,
      partners: partners.map(({ partner, percent }) => ({ kind: partner.kind, id: partner.id, percent })),
      projectIds: ids.sort((a, b) => a - b),
    };
    await audit({
      action: id ? 'jointVenture.update' : 'jointVenture.create',
      entity: 'JointVenture',
      entityId: venture.id,
      before: before && { ...before, partners: before.partners.map((p) => ({ kind: p.kind, id: p.soeId ?? p.zoneId ?? p.cooperativeId ?? p.villageId, percent: p.percent })), projects: undefined, projectIds: before.projects.map((p) => p.id) },
      after,
    });
    return { id: venture.id, version: venture.version };
  },
});
