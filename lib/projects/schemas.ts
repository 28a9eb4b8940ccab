import { z } from 'zod';

const id = z.coerce.number().int().positive();

/** Yuan with at most two decimals, as a string: money never passes through a float. */
export const yuanSchema = z
  .string()
  .trim()
  .regex(/^\d{1,14}(\.\d{1,2})?$/, 'validation.yuanFormat');

const optionalYuan = z.preprocess((v) => (v === '' || v == null ? null : v), yuanSchema.nullable());

export const updateProjectSchema = z.object({
  projectId: id,
  version: id,
  name: z.string().trim().min(2, 'validation.required').max(120, 'validation.tooLong'),
  description: z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(2000, 'validation.tooLong').nullable().optional()),
  plannedInvestment: optionalYuan,
});
