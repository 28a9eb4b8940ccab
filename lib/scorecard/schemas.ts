import { z } from 'zod';
import { idSchema } from '@/lib/ids';
import { blankAsNull, editFields, optionalYuanSchema } from '@/lib/validation';

/** The years a commitment or an assessment may be for: the program's first phase onwards. */
export const assessmentYear = z.coerce.number('validation.wholeNumber').int('validation.wholeNumber').min(2021, 'validation.assessmentYear').max(2100, 'validation.assessmentYear');

const count = (max: number) => blankAsNull(z.coerce.number('validation.wholeNumber').int('validation.wholeNumber').min(0, 'validation.notNegative').max(max, 'validation.tooLarge'));

/** The measures a pairing commits to, each left empty when nothing is committed on it. */
export const COMMITMENT_MEASURES = ['investment', 'projects', 'jobs', 'purchases', 'trainingSessions', 'staffStationed'] as const;
export type CommitmentMeasure = (typeof COMMITMENT_MEASURES)[number];
/** The money measures (yuan); the others are counts. */
export const MONEY_MEASURES: readonly CommitmentMeasure[] = ['investment', 'purchases'];

/** A year's commitments of one pairing, with what was delivered where no record holds it. */
export const commitmentSchema = z.object({
  ...editFields,
  pairingId: idSchema,
  year: assessmentYear,
  investment: optionalYuanSchema,
  projects: count(10_000),
  jobs: count(10_000_000),
  purchases: optionalYuanSchema,
  trainingSessions: count(100_000),
  staffStationed: count(10_000),
  purchasesDone: optionalYuanSchema,
  trainingDone: count(100_000),
  staffDone: count(10_000),
});
export type CommitmentInput = z.output<typeof commitmentSchema>;

/** The components of the yearly assessment (考核), in the order the ranking shows them. */
export const ASSESSMENT_COMPONENTS = ['delivery', 'accreditation', 'income', 'feedback', 'timeliness', 'disputes'] as const;
export type AssessmentComponent = (typeof ASSESSMENT_COMPONENTS)[number];

const weight = z.coerce.number('validation.wholeNumber').int('validation.wholeNumber').min(0, 'validation.notNegative').max(100, 'validation.weightMax');

/** One year's weights, in percent; they add up to 100. */
export const weightsSchema = z
  .object({ ...editFields, year: assessmentYear, ...Object.fromEntries(ASSESSMENT_COMPONENTS.map((c) => [c, weight])) as Record<AssessmentComponent, typeof weight> })
  .refine((w) => ASSESSMENT_COMPONENTS.reduce((sum, c) => sum + w[c], 0) === 100, { path: ['weights'], message: 'validation.weightsSum' });
export type WeightsInput = z.output<typeof weightsSchema>;
