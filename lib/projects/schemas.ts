import { z } from 'zod';
import { idSchema } from '@/lib/ids';
import { blankAsNull, blankAsUndefined, enumOf, optionalText, optionalYuanSchema, plainText, programPlanDate, reportingMonth, yuanSchema } from '@/lib/validation';
import { CooperationMethod, CooperationMode, OutcomeArea, ProjectStatus, WorkBatch, BeneficiaryKind } from '@/lib/db/enums';

const id = idSchema;


const optionalDate = blankAsNull(programPlanDate);
const count = (max: number) => z.coerce.number('validation.wholeNumber').int('validation.wholeNumber').min(0, 'validation.notNegative').max(max, 'validation.tooLarge');

const projectFields = {
  name: plainText().min(2, 'validation.required').max(120, 'validation.tooLong'),
  mode: enumOf(CooperationMode),
  method: enumOf(CooperationMethod),
  outcomeArea: enumOf(OutcomeArea),
  batch: enumOf(WorkBatch),
  plannedInvestment: optionalYuanSchema,
  startDate: optionalDate,
  endDate: optionalDate,
  description: optionalText(2000),
  villageIds: z.array(id).max(50).default([]),
};
const datesInOrder = (v: { startDate: Date | null; endDate: Date | null }) => !v.startDate || !v.endDate || v.endDate >= v.startDate;

export const createProjectSchema = z
  .object({ zoneId: id, ...projectFields })
  .refine(datesInOrder, { path: ['endDate'], message: 'validation.endBeforeStart' });

export const updateProjectSchema = z
  .object({ projectId: id, version: id, ...projectFields })
  .refine(datesInOrder, { path: ['endDate'], message: 'validation.endBeforeStart' });

export const changeStatusSchema = z.object({ projectId: id, version: id, status: enumOf(ProjectStatus) });

const beneficiarySchema = z.object({
  villageId: id,
  kind: enumOf(BeneficiaryKind),
  people: count(1_000_000),
  households: blankAsNull(count(1_000_000)),
});

/** A month's update; figures are cumulative to the month's end. */
export const postUpdateSchema = z.object({
  projectId: id,
  period: reportingMonth,
  progressPct: z.coerce.number('validation.wholeNumber').int('validation.wholeNumber').min(0, 'validation.percent').max(100, 'validation.percent'),
  investmentToDate: yuanSchema,
  jobsCreated: count(10_000_000),
  incomeToVillages: yuanSchema,
  narrative: optionalText(2000),
  // A row left at 0 people and no households says nothing: it is not saved (nor does it replace an earlier count).
  beneficiaries: z
    .array(beneficiarySchema)
    .max(200)
    .default([])
    .transform((rows) => rows.filter((b) => b.people > 0 || (b.households ?? 0) > 0)),
});

export const reviewUpdateSchema = z
  .object({
    updateId: id,
    version: id,
    decision: z.enum(['CONFIRMED', 'DISPUTED'], 'validation.required'),
    reason: optionalText(500),
  })
  .refine((v) => v.decision !== 'DISPUTED' || (v.reason?.length ?? 0) >= 4, { path: ['reason'], message: 'validation.reasonRequired' });

/** 评议反馈 for the current quarter (yyyy-Qn); it can be edited until the quarter ends. */
export const feedbackSchema = z.object({
  projectId: id,
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, 'validation.quarterFormat')
    .transform((q) => new Date(Date.UTC(Number(q.slice(0, 4)), (Number(q.slice(6)) - 1) * 3, 1))),
  rating: z.coerce.number('validation.rating').int('validation.rating').min(1, 'validation.rating').max(5, 'validation.rating'),
  comment: optionalText(1000),
  version: blankAsUndefined(id),
});

/** A reason for a correction step: required, at least 4 characters. */
const reason = plainText().min(4, 'validation.reasonRequired').max(500, 'validation.tooLong');
const updateRef = { updateId: id, version: id };

/** A liaison's revision of a posted update: the new cumulative figures, and why. */
export const reviseUpdateSchema = z.object({
  ...updateRef,
  progressPct: postUpdateSchema.shape.progressPct,
  investmentToDate: yuanSchema,
  jobsCreated: postUpdateSchema.shape.jobsCreated,
  incomeToVillages: yuanSchema,
  narrative: optionalText(2000),
  reason,
});

/** A liaison's reply to a dispute that keeps the figures. */
export const answerDisputeSchema = z.object({ ...updateRef, answer: reason });

/** The org department sends an unconfirmed update back, or reopens a confirmed one, with a reason. */
export const returnUpdateSchema = z.object({ ...updateRef, reason });
export const reopenUpdateSchema = z.object({ ...updateRef, reason });

/** The org department closes a dispute: UPHOLD (the village is right: not counted) or REJECT (the liaison's figures stand). */
export const closeDisputeSchema = z.object({ ...updateRef, decision: z.enum(['UPHOLD', 'REJECT'], 'validation.required'), reason });
