import { ConflictError, defineMutation, editedRecord, FieldError } from '@/lib/action';
import { reportIncomeSchema, villageSchema } from './schemas';

const incomeKey = (input: { villageId: number; year: number }) => ({ villageId_year: { villageId: input.villageId, year: input.year } });

/**
 * A village committee reports its village's income, one row per year. A
 * correction must name the version it corrects and say why: the figure it
 * replaced, the new one and the reason go to the income's history
 * (IncomeCorrection, shown on the village page) and to the audit row.
 */
export const reportIncome = defineMutation({
  schema: reportIncomeSchema,
  action: 'village.reportIncome',
  async resource(tx, input) {
    const village = await tx.village.findUnique({ where: { id: input.villageId }, select: { zoneId: true, zone: { select: { pairings: { select: { soeId: true } } } } } });
    return village ? { villageId: input.villageId, zoneId: village.zoneId, soeIds: village.zone.pairings.map((p) => p.soeId) } : null;
  },
  // The year's figure, when it was reported already: a correction names the version it corrects.
  async versioned(input, tx) {
    const found = await tx.villageIncome.findUnique({ where: incomeKey(input), select: { id: true } });
    if (!found && input.version !== undefined) throw new ConflictError();
    return found && { table: 'VillageIncome', id: found.id, version: input.version ?? 0 };
  },
  async run({ tx, input, user, audit }) {
    const before = await tx.villageIncome.findUnique({ where: incomeKey(input) });
    if (before && before.amount.equals(input.amount)) throw new FieldError('amount', 'validation.incomeUnchanged');
    if (before && (input.reason?.length ?? 0) < 4) throw new FieldError('reason', 'validation.correctionReason');
    const after = before
      ? await tx.villageIncome.update({ where: { id: before.id }, data: { amount: input.amount, reportedById: user.id, sourceId: null, version: { increment: 1 } } })
      : await tx.villageIncome.create({ data: { villageId: input.villageId, year: input.year, amount: input.amount, reportedById: user.id } });
    const correction = before
      ? await tx.incomeCorrection.create({ data: { incomeId: before.id, before: before.amount, after: after.amount, reason: input.reason!, actorId: user.id } })
      : null;
    await audit({ action: before ? 'income.correct' : 'income.report', entity: 'VillageIncome', entityId: after.id, before, after: correction ? { ...after, reason: correction.reason } : after });
    return { id: after.id, version: after.version };
  },
});

/** An administrator adds a village to a zone or edits one (with the version the form saw). */
export const saveVillage = defineMutation({
  schema: villageSchema,
  action: 'masterData.manage',
  resource: async () => ({}),
  versioned: editedRecord('Village'),
  async run({ tx, input: { id, version: _seen, ...data }, audit }) {
    if (!(await tx.zone.count({ where: { id: data.zoneId } }))) throw new FieldError('zoneId', 'validation.required');
    const clash = await tx.village.findFirst({ where: { zoneId: data.zoneId, name: data.name }, select: { id: true } });
    if (clash && clash.id !== id) throw new FieldError('name', 'validation.nameTaken');
    const before = id ? await tx.village.findUniqueOrThrow({ where: { id } }) : null;
    const after = id ? await tx.village.update({ where: { id }, data: { ...data, version: { increment: 1 } } }) : await tx.village.create({ data });
    await audit({ action: id ? 'village.update' : 'village.create', entity: 'Village', entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  },
});

