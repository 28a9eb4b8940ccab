import { defineMutation, FieldError } from '@/lib/action';
import { commitmentSchema, weightsSchema } from './schemas';

// The SOE scorecard's two inputs: a pairing's commitments for a year (and what was delivered
// where no record shows it), and the weights of a year's assessment. Both are the org
// department's; each year of a pairing has one commitment row, each year one set of weights.

export const saveCommitment = defineMutation({
  schema: commitmentSchema,
  action: 'commitment.manage',
  resource: async (tx, input) => {
    const pairing = await tx.pairing.findUnique({ where: { id: input.pairingId }, select: { soeId: true } });
    return pairing ? { soeId: pairing.soeId } : null;
  },
  versioned: (input) => (input.id ? { table: 'PairingCommitment', id: input.id, version: input.version ?? 0 } : null),
  async run({ tx, input: { id, version: _seen, ...values }, audit }) {
    const pairing = await tx.pairing.findUniqueOrThrow({ where: { id: values.pairingId }, select: { since: true, until: true } });
    // A commitment is for a year the pairing was in force.
    if (pairing.since.getUTCFullYear() > values.year || (pairing.until && pairing.until.getUTCFullYear() < values.year)) {
      throw new FieldError('year', 'validation.commitmentYearOutside', { since: pairing.since.getUTCFullYear(), until: pairing.until?.getUTCFullYear() ?? '—' });
    }
    const before = id ? await tx.pairingCommitment.findUniqueOrThrow({ where: { id } }) : null;
    if (before && (before.pairingId !== values.pairingId || before.year !== values.year)) throw new FieldError('year', 'validation.commitmentMoved');
    // A portal edit replaces sample figures with the administrator's: the row is no longer sample.
    const after = before
      ? await tx.pairingCommitment.update({ where: { id: before.id }, data: { ...values, sourceId: null, version: { increment: 1 } } })
      : await tx.pairingCommitment.create({ data: values });
    await audit({ action: before ? 'commitment.update' : 'commitment.create', entity: 'PairingCommitment', entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  },
});

export const saveWeights = defineMutation({
  schema: weightsSchema,
  action: 'assessment.manage',
  resource: async (tx, input) => (input.id && !(await tx.assessmentWeights.count({ where: { id: input.id } })) ? null : {}),
  versioned: (input) => (input.id ? { table: 'AssessmentWeights', id: input.id, version: input.version ?? 0 } : null),
  async run({ tx, input: { id, version: _seen, ...weights }, audit }) {
    const before = id ? await tx.assessmentWeights.findUniqueOrThrow({ where: { id } }) : null;
    if (before && before.year !== weights.year) throw new FieldError('year', 'validation.commitmentMoved');
    const after = before
      ? await tx.assessmentWeights.update({ where: { id: before.id }, data: { ...weights, sourceId: null, version: { increment: 1 } } })
      : await tx.assessmentWeights.create({ data: weights });
    await audit({ action: before ? 'assessmentWeights.update' : 'assessmentWeights.create', entity: 'AssessmentWeights', entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  },
});
