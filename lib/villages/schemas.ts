import { z } from 'zod';
import { idSchema } from '@/lib/ids';
import { blankAsNull, blankAsUndefined, editFields, optionalText, plainText, yuanSchema } from '@/lib/validation';

const id = idSchema;

/** A village's collective income for one ended (or the current) year; a correction carries the row's version. */
export const reportIncomeSchema = z.object({
  villageId: id,
  year: z.coerce
    .number('validation.year')
    .int('validation.year')
    .min(2000, 'validation.year')
    .refine((y) => y <= new Date().getUTCFullYear(), 'validation.yearInFuture'),
  amount: yuanSchema,
  version: blankAsUndefined(id),
  /** Required when the year was reported already (a correction): kept in its history. */
  reason: optionalText(500),
});

const optionalCount = blankAsNull(z.coerce.number('validation.wholeNumber').int('validation.wholeNumber').min(0, 'validation.notNegative').max(1_000_000, 'validation.tooLarge'));

/** A village in master data (its name, zone and size). */
export const villageSchema = z.object({ ...editFields, name: plainText().min(2, 'validation.required').max(40, 'validation.tooLong'), zoneId: idSchema, population: optionalCount, households: optionalCount });

