import { z } from 'zod';
import { parseCalendarDate } from '@/lib/dates';
import { Mechanism, SoeCategory, SoeLevel } from '@/lib/db/enums';
import { idSchema } from '@/lib/ids';

const name = z.string().trim().min(2, 'validation.required').max(60, 'validation.tooLong');
const optionalText = (max: number) => z.preprocess((v) => (v === '' || v == null ? null : v), z.string().trim().max(max, 'validation.tooLong').nullable());
const optionalId = z.preprocess((v) => (v === '' || v == null ? null : v), idSchema.nullable());
const optionalCount = z.preprocess((v) => (v === '' || v == null ? null : v), z.coerce.number('validation.wholeNumber').int('validation.wholeNumber').min(0, 'validation.notNegative').max(1_000_000, 'validation.tooLarge').nullable());
const enumOf = <T extends Record<string, string>>(e: T) => z.enum(Object.values(e) as [T[keyof T], ...T[keyof T][]], 'validation.required');
const day = z.string().transform((s, ctx) => parseCalendarDate(s) ?? (ctx.addIssue({ code: 'custom', message: 'validation.dateFormat' }), z.NEVER));
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

export const pairingSchema = z.object({ soeId: idSchema, zoneId: idSchema, since: day });
export const endPairingSchema = z.object({ pairingId: idSchema, version: idSchema, until: day });
