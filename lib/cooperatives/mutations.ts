import { ConflictError, defineMutation, editedRecord, FieldError } from '@/lib/action';
import type { Prisma } from '@/lib/db/client';
import { groupDigits } from '@/lib/amounts';
import { dividendExceedsIncome, percentTotalExceeds } from './rules';
import { cooperativeProjectsSchema, cooperativeSchema, dividendSchema, shareSchema } from './schemas';

// A zone's joint-stock economic cooperative (股份制经济联合社): its record, the villages' shares, the
// projects it brought in (administrators), and the dividends it pays the villages (administrators, or
// the village's own committee, as with the village's income of which a dividend is part).

type Tx = Prisma.TransactionClient;

async function zoneResource(tx: Tx, zoneId: number) {
  const zone = await tx.zone.findUnique({ where: { id: zoneId }, select: { pairings: { select: { soeId: true } } } });
  return zone ? { zoneId, soeIds: zone.pairings.map((p) => p.soeId) } : null;
}
async function cooperativeZone(tx: Tx, cooperativeId: number) {
  const c = await tx.cooperative.findUnique({ where: { id: cooperativeId }, select: { zoneId: true } });
  return c ? zoneResource(tx, c.zoneId) : null;
}

/** A zone's cooperative, created or edited by an administrator; one per zone. */
export const saveCooperative = defineMutation({
  schema: cooperativeSchema,
  action: 'cooperative.manage',
  resource: (tx, input) => zoneResource(tx, input.zoneId),
  versioned: editedRecord('Cooperative'),
  async run({ tx, input: { id, version: _seen, ...data }, audit }) {
    const existing = await tx.cooperative.findUnique({ where: { zoneId: data.zoneId }, select: { id: true } });
    if (existing && existing.id !== id) throw new FieldError('name', 'validation.cooperativeExists');
    const before = id ? await tx.cooperative.findUniqueOrThrow({ where: { id } }) : null;
    if (before && before.zoneId !== data.zoneId) throw new ConflictError();
    const after = id
      ? await tx.cooperative.update({ where: { id }, data: { ...data, sourceId: null, version: { increment: 1 } } })
      : await tx.cooperative.create({ data });
    await audit({ action: id ? 'cooperative.update' : 'cooperative.create', entity: 'Cooperative', entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  },
});

/** A village's share in its zone's cooperative: one row per village, replaced as of a later day. */
export const saveShare = defineMutation({
  schema: shareSchema,
  action: 'cooperative.manage',
  resource: (tx, input) => cooperativeZone(tx, input.cooperativeId),
  async versioned(input, tx) {
    const found = await tx.cooperativeShare.findUnique({ where: { villageId: input.villageId }, select: { id: true } });
    if (!found && input.version !== undefined) throw new ConflictError();
    return found && { table: 'CooperativeShare', id: found.id, version: input.version ?? 0 };
  },
  async run({ tx, input: { version: _seen, ...data }, audit }) {
    // Shares are summed across villages: two villages' shares saved at once must not pass 100 % together.
    await tx.$queryRaw`SELECT id FROM "Cooperative" WHERE id = ${data.cooperativeId} FOR UPDATE`;
    const cooperative = await tx.cooperative.findUniqueOrThrow({ where: { id: data.cooperativeId }, select: { zoneId: true } });
    const village = await tx.village.findUnique({ where: { id: data.villageId }, select: { zoneId: true } });
    if (!village || village.zoneId !== cooperative.zoneId) throw new FieldError('villageId', 'validation.villageNotInZone');
    const others = await tx.cooperativeShare.findMany({ where: { cooperativeId: data.cooperativeId, villageId: { not: data.villageId } }, select: { percent: true } });
    if (percentTotalExceeds([...others.map((o) => o.percent?.toString()), data.percent])) throw new FieldError('percent', 'validation.sharesOver100');
    const before = await tx.cooperativeShare.findUnique({ where: { villageId: data.villageId } });
    const after = before
      ? await tx.cooperativeShare.update({ where: { id: before.id }, data: { ...data, sourceId: null, version: { increment: 1 } } })
      : await tx.cooperativeShare.create({ data });
    await audit({ action: before ? 'cooperative.share.update' : 'cooperative.share.create', entity: 'CooperativeShare', entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  },
});

/**
 * A year's dividend the cooperative paid a village. It is part of the village's income for that
 * year: refused when more than the income already reported for the year (the village page flags a
 * dividend that an income corrected later no longer covers).
 */
export const recordDividend = defineMutation({
  schema: dividendSchema,
  action: 'cooperative.recordDividend',
  async resource(tx, input) {
    const village = await tx.village.findUnique({ where: { id: input.villageId }, select: { zoneId: true, zone: { select: { pairings: { select: { soeId: true } } } } } });
    return village ? { villageId: input.villageId, zoneId: village.zoneId, soeIds: village.zone.pairings.map((p) => p.soeId) } : null;
  },
  async versioned(input, tx) {
    const found = await tx.cooperativeDividend.findUnique({ where: { villageId_year: { villageId: input.villageId, year: input.year } }, select: { id: true } });
    if (!found && input.version !== undefined) throw new ConflictError();
    return found && { table: 'CooperativeDividend', id: found.id, version: input.version ?? 0 };
  },
  async run({ tx, input: { version: _seen, ...data }, audit }) {
    const village = await tx.village.findUniqueOrThrow({ where: { id: data.villageId }, select: { zone: { select: { cooperative: { select: { id: true } } } } } });
    const cooperativeId = village.zone.cooperative?.id;
    if (!cooperativeId) throw new FieldError('villageId', 'validation.noCooperative');
    const income = await tx.villageIncome.findUnique({ where: { villageId_year: { villageId: data.villageId, year: data.year } }, select: { amount: true } });
    if (dividendExceedsIncome(data.amount, income?.amount.toString())) {
      throw new FieldError('amount', 'validation.dividendAboveIncome', { income: groupDigits(income!.amount.toString()), year: data.year });
    }
    const before = await tx.cooperativeDividend.findUnique({ where: { villageId_year: { villageId: data.villageId, year: data.year } } });
    if (before && before.amount.equals(data.amount) && (before.paidOn?.getTime() ?? null) === (data.paidOn?.getTime() ?? null)) throw new FieldError('amount', 'validation.incomeUnchanged');
    const after = before
      ? await tx.cooperativeDividend.update({ where: { id: before.id }, data: { amount: data.amount, paidOn: data.paidOn, cooperativeId, sourceId: null, version: { increment: 1 } } })
      : await tx.cooperativeDividend.create({ data: { ...data, cooperativeId } });
    await audit({ action: before ? 'cooperative.dividend.update' : 'cooperative.dividend.create', entity: 'CooperativeDividend', entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  },
});

/** Which of the zone's projects the cooperative brought in: the ticked ones are linked, the others unlinked. */
export const setCooperativeProjects = defineMutation({
  schema: cooperativeProjectsSchema,
  action: 'cooperative.manage',
  resource: (tx, input) => cooperativeZone(tx, input.cooperativeId),
  versioned: (input) => ({ table: 'Cooperative', id: input.cooperativeId, version: input.version }),
  async run({ tx, input, audit }) {
    const { zoneId } = await tx.cooperative.findUniqueOrThrow({ where: { id: input.cooperativeId }, select: { zoneId: true } });
    const ids = [...new Set(input.projectIds)];
    if ((await tx.project.count({ where: { id: { in: ids }, zoneId } })) !== ids.length) throw new FieldError('projectIds', 'validation.projectNotInZone');
    const before = (await tx.project.findMany({ where: { cooperativeId: input.cooperativeId }, select: { id: true }, orderBy: { id: 'asc' } })).map((p) => p.id);
    await tx.project.updateMany({ where: { cooperativeId: input.cooperativeId, id: { notIn: ids } }, data: { cooperativeId: null } });
    await tx.project.updateMany({ where: { id: { in: ids } }, data: { cooperativeId: input.cooperativeId } });
    const after = await tx.cooperative.update({ where: { id: input.cooperativeId }, data: { version: { increment: 1 } } });
    await audit({ action: 'cooperative.projects', entity: 'Cooperative', entityId: input.cooperativeId, before: { projectIds: before }, after: { projectIds: ids.sort((a, b) => a - b) } });
    return { id: after.id, version: after.version };
  },
});
