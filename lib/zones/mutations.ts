import { defineMutation, editedRecord, FieldError } from '@/lib/action';
import { inDistrict } from '@/lib/map/geo';
import { zoneSchema } from './schemas';

/** An administrator adds a zone or edits one (with the version the form saw). */
export const saveZone = defineMutation({
  schema: zoneSchema,
  action: 'masterData.manage',
  resource: async () => ({}),
  versioned: editedRecord('Zone'),
  async run({ tx, input: { id, version: _seen, ...data }, audit }) {
    if (data.townshipId && !(await tx.township.count({ where: { id: data.townshipId, districtId: data.districtId } })))
      throw new FieldError('townshipId', 'validation.townshipNotInDistrict');
    const clash = await tx.zone.findFirst({ where: { districtId: data.districtId, name: data.name }, select: { id: true } });
    if (clash && clash.id !== id) throw new FieldError('name', 'validation.nameTaken');
    if ((data.lat === null) !== (data.lng === null)) throw new FieldError(data.lat === null ? 'lat' : 'lng', 'validation.coordinatesPair');
    if (data.lat !== null && data.lng !== null) {
      const district = await tx.district.findUniqueOrThrow({ where: { id: data.districtId }, select: { name: true } });
      if (!inDistrict(district.name, data.lng, data.lat)) throw new FieldError('lat', 'validation.notInDistrict', { district: district.name });
    }
    const before = id ? await tx.zone.findUniqueOrThrow({ where: { id } }) : null;
    // Coordinates an administrator enters are nobody's sample: a changed location drops the sample source.
    const moved = !before || before.lat !== data.lat || before.lng !== data.lng;
    const fields = { ...data, mechanisms: [...new Set(data.mechanisms)], locationSourceId: moved ? null : before.locationSourceId };
    const after = id ? await tx.zone.update({ where: { id }, data: { ...fields, version: { increment: 1 } } }) : await tx.zone.create({ data: fields });
    await audit({ action: id ? 'zone.update' : 'zone.create', entity: 'Zone', entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  },
});

