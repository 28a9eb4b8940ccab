import { defineMutation, editedRecord, FieldError } from '@/lib/action';
import { soeSchema } from './schemas';

/** An administrator adds an SOE or edits one (with the version the form saw). */
export const saveSoe = defineMutation({
  schema: soeSchema,
  action: 'masterData.manage',
  resource: async () => ({}),
  versioned: editedRecord('Soe'),
  async run({ tx, input: { id, version: _seen, ...data }, audit }) {
    const clash = await tx.soe.findUnique({ where: { name: data.name }, select: { id: true } });
    if (clash && clash.id !== id) throw new FieldError('name', 'validation.nameTaken');
    const before = id ? await tx.soe.findUniqueOrThrow({ where: { id } }) : null;
    const after = id ? await tx.soe.update({ where: { id }, data: { ...data, version: { increment: 1 } } }) : await tx.soe.create({ data });
    await audit({ action: id ? 'soe.update' : 'soe.create', entity: 'Soe', entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  },
});

