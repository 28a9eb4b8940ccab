import { z } from 'zod';
import { TaskStatus } from '@/lib/db/enums';
import { idSchema } from '@/lib/ids';
import { blankAsNull, enumOf, optionalText, plainText, programPlanDate } from '@/lib/validation';

const text = (max: number) => plainText().min(2, 'validation.required').max(max, 'validation.tooLong');

/** A new entry of a zone's list of practical tasks (实事清单). */
export const taskSchema = z.object({
  zoneId: idSchema,
  title: text(80),
  forWhom: text(60),
  responsible: text(40),
  /** The owning SOE (one paired with the zone); empty: the zone's villages own it. */
  soeId: blankAsNull(idSchema),
  dueOn: programPlanDate,
});

/** Where a task stands, and the evidence once it is done. */
export const taskProgressSchema = z.object({
  id: idSchema,
  version: idSchema,
  status: enumOf(TaskStatus),
  evidence: optionalText(500),
});

/** A task's text as the zone decided it: what, for whom, who is responsible, by when (not its owner, zone or progress). */
export const taskTextSchema = taskSchema.pick({ title: true, forWhom: true, responsible: true, dueOn: true }).extend({ id: idSchema, version: idSchema });
