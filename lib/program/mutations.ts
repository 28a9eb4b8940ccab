import { defineMutation, editedRecord, FieldError } from '@/lib/action';
import { phaseSchema } from './schemas';

// The program's phases and their targets, edited by administrators. A phase and its
// two targets are saved together (one audit row); periods never overlap, so "the
// phase containing today" is at most one.

const iso = (d: Date) => d.toISOString().slice(0, 10);

export const savePhase = defineMutation({
  schema: phaseSchema,
  action: 'program.manage',
  resource: async (tx, input) => (input.id && !(await tx.programPhase.count({ where: { id: input.id } })) ? null : {}),
  versioned: editedRecord('ProgramPhase'),
  async run({ tx, input: { id, version: _seen, zonesTarget, incomeTarget, ...phase }, audit }) {
    // One phase write at a time, so two overlapping phases cannot both pass the check below.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('ProgramPhase'))`;
    const clash = await tx.programPhase.findUnique({ where: { name: phase.name }, select: { id: true } });
    if (clash && clash.id !== id) throw new FieldError('name', 'validation.nameTaken');
    // Two periods overlap when each starts on or before the other's end.
    const overlap = await tx.programPhase.findFirst({
      where: { id: id ? { not: id } : undefined, startsOn: { lte: phase.endsOn }, endsOn: { gte: phase.startsOn } },
      select: { name: true, startsOn: true, endsOn: true },
    });
    if (overlap) throw new FieldError('startsOn', 'validation.phaseOverlap', { name: overlap.name, start: iso(overlap.startsOn), end: iso(overlap.endsOn) });
    const include = { targets: { orderBy: { metric: 'asc' as const } } };
    const before = id ? await tx.programPhase.findUniqueOrThrow({ where: { id }, include }) : null;
    const saved = id
      ? await tx.programPhase.update({ where: { id }, data: { ...phase, version: { increment: 1 } } })
      : await tx.programPhase.create({ data: phase });
    const targets = [
      { metric: 'MODEL_ZONES' as const, comparator: 'AT_LEAST' as const, value: String(zonesTarget), unit: 'zones' },
      { metric: 'AVG_VILLAGE_INCOME' as const, comparator: 'ABOVE' as const, value: incomeTarget, unit: 'yuan' },
    ];
    for (const t of targets) {
      // The comparator is kept as it was (the source says "60 or more", "above 500,000").
      await tx.programTarget.upsert({
        where: { phaseId_metric: { phaseId: saved.id, metric: t.metric } },
        create: { ...t, phaseId: saved.id },
        update: { value: t.value, version: { increment: 1 } },
      });
    }
    const after = await tx.programPhase.findUniqueOrThrow({ where: { id: saved.id }, include });
    await audit({ action: id ? 'programPhase.update' : 'programPhase.create', entity: 'ProgramPhase', entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  },
});
