import { z } from 'zod';
import { idSchema } from '@/lib/ids';
import { parseDate } from '@/lib/dates';
import { blankAsNull, blankAsUndefined, calendarDate, editFields, nameSchema, optionalText, optionalYuanSchema, yuanSchema } from '@/lib/validation';

/** A day that has happened (a founding, a registration, a payment): the cooperatives may predate the program. */
const pastDay = calendarDate.refine((d) => d.getTime() <= Date.now() + 86_400_000, 'validation.dateInFuture');
/** A date as typed (2025/3/1, 2025年3月1日 …), read with the imports' own parser. */
const typedDay = z.preprocess((v) => (typeof v === 'string' ? (parseDate(v) ?? v) : v), pastDay);
export const optionalDay = blankAsNull(typedDay);

/** A positive decimal with at most `scale` places (land in 亩, a share in percent): "12.5", "12.5亩", "35%". */
const decimal = (max: number, unit: RegExp) =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/[，,]/g, '').replace(unit, '').trim())
    .refine((s) => /^\d{1,12}(\.\d{1,2})?$/.test(s), 'validation.decimalFormat')
    .refine((s) => Number(s) <= max, 'validation.tooLarge')
    .refine((s) => Number(s) > 0, 'validation.positive');
export const optionalPercent = blankAsNull(decimal(100, /[%％]$/));
const optionalLandMu = blankAsNull(decimal(10_000_000, /亩$/));

/** The year of a dividend (or income): from 2000 to the current year. */
export const yearSchema = z.coerce
  .number('validation.year')
  .int('validation.year')
  .min(2000, 'validation.year')
  .refine((y) => y <= new Date().getUTCFullYear(), 'validation.yearInFuture');

/** A zone's cooperative: its name, when it was founded, the zone's industry plan as reported. */
export const cooperativeSchema = z.object({
  ...editFields,
  zoneId: idSchema,
  name: nameSchema,
  foundedOn: optionalDay,
  plan: optionalText(300),
});

/** What one village put into the cooperative, as of a day: land and/or money, and its part in percent. */
export const shareSchema = z
  .object({
    cooperativeId: idSchema,
    villageId: idSchema,
    landMu: optionalLandMu,
    amount: optionalYuanSchema,
    percent: optionalPercent,
    asOf: typedDay,
    version: blankAsUndefined(idSchema),
  })
  .refine((s) => s.landMu !== null || s.amount !== null, { path: ['landMu'], message: 'validation.shareLandOrMoney' });

/** A year's dividend paid to one village (its cooperative is the village's zone's). */
export const dividendSchema = z.object({
  villageId: idSchema,
  year: yearSchema,
  amount: yuanSchema,
  paidOn: optionalDay,
  version: blankAsUndefined(idSchema),
});

/** The projects the cooperative brought in for the zone (ticked among the zone's projects). */
export const cooperativeProjectsSchema = z.object({
  cooperativeId: idSchema,
  version: idSchema,
  projectIds: z.array(idSchema).max(500).default([]),
});
