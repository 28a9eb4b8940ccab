import { defineMutation, FieldError, type VersionedTable } from '@/lib/action';
import { endPairingSchema, pairingSchema, soeSchema, villageSchema, zoneSchema } from './schemas';

// Master data, for organization-department administrators: SOEs, zones,
// villages and pairings. Editing carries the version the form saw.

const master = async () => ({});
/** An edit (an id) names the version the form saw; a create has neither. */
const edited = (table: VersionedTable) => (input: { id?: number; version?: number }) => (input.id ? { table, id: input.id, version: input.version ?? 0 } : null);

export const saveSoe = defineMutation({
  schema: soeSchema,
  action: 'masterData.manage',
  resource: master,
  versioned: edited('Soe'),
  async run({ tx, input: { id, version: _seen, ...data }, audit }) {
    const clash = await tx.soe.findUnique({ where: { name: data.name }, select: { id: true } });
    if (clash && clash.id !== id) throw new FieldError('name', 'validation.nameTaken');
    const before = id ? await tx.soe.findUniqueOrThrow({ where: { id } }) : null;
    const after = id ? await tx.soe.update({ where: { id }, data: { ...data, version: { increment: 1 } } }) : await tx.soe.create({ data });
    await audit({ action: id ? 'soe.update' : 'soe.create', entity: 'Soe', entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  },
});

export const saveZone = defineMutation({
  schema: zoneSchema,
  action: 'masterData.manage',
  resource: master,
  versioned: edited('Zone'),
  async run({ tx, input: { id, version: _seen, ...data }, audit }) {
    if (data.townshipId && !(await tx.township.count({ where: { id: data.townshipId, districtId: data.districtId } })))
      throw new FieldError('townshipId', 'validation.townshipNotInDistrict');
    const clash = await tx.zone.findFirst({ where: { districtId: data.districtId, name: data.name }, select: { id: true } });
    if (clash && clash.id !== id) throw new FieldError('name', 'validation.nameTaken');
    const before = id ? await tx.zone.findUniqueOrThrow({ where: { id } }) : null;
    const fields = { ...data, mechanisms: [...new Set(data.mechanisms)] };
    const after = id ? await tx.zone.update({ where: { id }, data: { ...fields, version: { increment: 1 } } }) : await tx.zone.create({ data: fields });
    await audit({ action: id ? 'zone.update' : 'zone.create', entity: 'Zone', entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  },
});

export const saveVillage = defineMutation({
  schema: villageSchema,
  action: 'masterData.manage',
  resource: master,
  versioned: edited('Village'),
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

export const createPairing = defineMutation({
  schema: pairingSchema,
  action: 'masterData.manage',
  resource: master,
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
