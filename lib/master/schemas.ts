import { z } from 'zod';
import { Mechanism, SoeCategory, SoeLevel } from '@/lib/db/enums';
import { idSchema } from '@/lib/ids';
import { blankAsNull, calendarDate, enumOf, optionalText } from '@/lib/validation';

const name = z.string().trim().min(2, 'validation.required').max(60, 'validation.tooLong');
const optionalId = blankAsNull(idSchema);
const optionalCount = blankAsNull(z.coerce.number('validation.wholeNumber').int('validation.wholeNumber').min(0, 'validation.notNegative').max(1_000_000, 'validation.tooLarge'));
/** Present when editing (with the version the form saw), absent when creating. */
const edit = { id: z.preprocess((v) => (v === '' ? undefined : v), idSchema.optional()), version: z.preprocess((v) => (v === '' ? undefined : v), idSchema.optional()) };

export const soeSchema = z.object({
  ...edit,
  name,
  shortName: optionalText(20),
  nameEn: optionalText(120),
  category: enumOf(SoeCategory),
  level: enumOf(SoeLevel),
  liaisonLead: optionalText(40),
});

export const zoneSchema = z.object({
  ...edit,
  name,
  districtId: idSchema,
  townshipId: optionalId,
  secretary: optionalText(40),
  firstSecretary: optionalText(40),
  mechanisms: z.array(enumOf(Mechanism)).max(4).default([]),
});

export const villageSchema = z.object({ ...edit, name: z.string().trim().min(2, 'validation.required').max(40, 'validation.tooLong'), zoneId: idSchema, population: optionalCount, households: optionalCount });

export const pairingSchema = z.object({ soeId: idSchema, zoneId: idSchema, since: calendarDate });
export const endPairingSchema = z.object({ pairingId: idSchema, version: idSchema, until: calendarDate });
