import { defineMutation, FieldError } from '@/lib/action';
import { endPairingSchema, pairingSchema } from './schemas';

// An SOE pairs with a zone from a date; a pairing ends on a date and stays on record.

export const createPairing = defineMutation({
  schema: pairingSchema,
  action: 'masterData.manage',
  resource: async () => ({}),
  async run({ tx, input, audit }) {
    const [soe, zone] = await Promise.all([tx.soe.count({ where: { id: input.soeId } }), tx.zone.count({ where: { id: input.zoneId } })]);
    if (!soe) throw new FieldError('soeId', 'validation.required');
    if (!zone) throw new FieldError('zoneId', 'validation.required');
    if (await tx.pairing.count({ where: { soeId: input.soeId, zoneId: input.zoneId, until: null } })) throw new FieldError('zoneId', 'validation.alreadyPaired');
    const after = await tx.pairing.create({ data: input });
    await audit({ action: 'pairing.create', entity: 'Pairing', entityId: after.id, after });
    return { id: after.id, version: after.version };
  },
});

export const endPairing = defineMutation({
  schema: endPairingSchema,
  action: 'masterData.manage',
  resource: async (tx, input) => ((await tx.pairing.count({ where: { id: input.pairingId } })) ? {} : null),
  versioned: (input) => ({ table: 'Pairing', id: input.pairingId, version: input.version }),
  async run({ tx, input, audit }) {
    const before = await tx.pairing.findUniqueOrThrow({ where: { id: input.pairingId } });
    if (before.until) throw new FieldError('until', 'validation.alreadyEnded');
    if (input.until < before.since) throw new FieldError('until', 'validation.endBeforeStart');
    const after = await tx.pairing.update({ where: { id: input.pairingId }, data: { until: input.until, version: { increment: 1 } } });
    await audit({ action: 'pairing.end', entity: 'Pairing', entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  },
});
