import { z } from 'zod';
import { blankAsNull, calendarDate, editFields, nameSchema, yuanSchema } from '@/lib/validation';

/** A phase of the program with its two targets (model zones, average village income in yuan). */
export const phaseSchema = z
  .object({
    ...editFields,
    name: nameSchema,
    nameEn: blankAsNull(nameSchema.max(80, 'validation.tooLong')),
    startsOn: calendarDate.refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, 'validation.phaseYear'),
    endsOn: calendarDate.refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, 'validation.phaseYear'),
    zonesTarget: z.coerce.number('validation.wholeNumber').int('validation.wholeNumber').min(1, 'validation.targetPositive').max(100_000, 'validation.tooLarge'),
    incomeTarget: yuanSchema.refine((s) => Number(s) > 0, 'validation.targetPositive'),
  })
  .refine((p) => p.endsOn > p.startsOn, { path: ['endsOn'], message: 'validation.phaseEndBeforeStart' });

export type PhaseInput = z.output<typeof phaseSchema>;
