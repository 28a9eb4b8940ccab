import { z } from 'zod';
import { AssessmentResult, Criterion } from '@/lib/db/enums';
import { idSchema } from '@/lib/ids';
import { calendarDate, enumOf } from '@/lib/validation';

const id = idSchema;

/** A calendar date (yyyy-mm-dd), not in the future. */
export const pastDate = calendarDate.refine((d) => d.getTime() <= Date.now() + 86_400_000, 'validation.dateInFuture');

const reason = z.string().trim().min(4, 'validation.reasonRequired').max(500, 'validation.tooLong');

export const nominateSchema = z.object({ zoneId: id, nominatedOn: pastDate });

export const assessSchema = z.object({
  accreditationId: id,
  version: id,
  criterion: enumOf(Criterion),
  result: enumOf(AssessmentResult),
  assessedOn: pastDate,
  assessorName: z.string().trim().min(1, 'validation.required').max(64, 'validation.tooLong'),
  note: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(1000, 'validation.tooLong').optional()),
});

export const closeSchema = z.object({
  accreditationId: id,
  version: id,
  closedOn: pastDate,
  reason,
});
