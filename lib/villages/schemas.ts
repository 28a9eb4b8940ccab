import { z } from 'zod';
import { idSchema } from '@/lib/ids';
import { blankAsUndefined } from '@/lib/validation';
import { yuanSchema } from '@/lib/projects/schemas';

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
});
