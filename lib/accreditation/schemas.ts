import { z } from 'zod';
import { AssessmentResult, Criterion } from '@/lib/db/enums';
import { idSchema } from '@/lib/ids';
import { enumOf, optionalText, plainText, programPastDate } from '@/lib/validation';

const id = idSchema;

/** A calendar date (yyyy-mm-dd) in the program, not before it began and not in the future. */
export const pastDate = programPastDate;

const reason = plainText().min(4, 'validation.reasonRequired').max(500, 'validation.tooLong');

export const nominateSchema = z.object({ zoneId: id, nominatedOn: pastDate });

export const assessSchema = z.object({
  accreditationId: id,
  version: id,
  criterion: enumOf(Criterion),
  result: enumOf(AssessmentResult),
  assessedOn: pastDate,
  assessorName: plainText().min(1, 'validation.required').max(64, 'validation.tooLong'),
  note: optionalText(1000).transform((v) => v ?? undefined),
});

export const closeSchema = z.object({
  accreditationId: id,
  version: id,
  closedOn: pastDate,
  reason,
});
