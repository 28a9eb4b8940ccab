import { z } from 'zod';
import { parseCalendarDate } from './dates';
import { idSchema } from './ids';

// Building blocks shared by the features' zod schemas. Form fields arrive as
// strings; an empty field means "not given".

/** An empty (or missing) field is null; anything else must pass `schema`. */
export const blankAsNull = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' || v == null ? null : v), schema.nullable());

/** An empty (or missing) field is absent; anything else must pass `schema`. */
export const blankAsUndefined = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' || v == null ? undefined : v), schema.optional());

/** Optional free text, trimmed, at most `max` characters. */
export const optionalText = (max: number) => blankAsNull(z.string().trim().max(max, 'validation.tooLong'));

/** One of a Prisma enum's values. */
export const enumOf = <T extends Record<string, string>>(e: T) => z.enum(Object.values(e) as [T[keyof T], ...T[keyof T][]], 'validation.required');

/** A real yyyy-mm-dd calendar date, as UTC midnight. */
export const calendarDate = z.string().transform((s, ctx) => parseCalendarDate(s) ?? (ctx.addIssue({ code: 'custom', message: 'validation.dateFormat' }), z.NEVER));

/** A zone's, SOE's or village's name. */
export const nameSchema = z.string().trim().min(2, 'validation.required').max(60, 'validation.tooLong');
/** Present when editing (with the version the form saw), absent when creating. */
export const editFields = {
  id: z.preprocess((v) => (v === '' ? undefined : v), idSchema.optional()),
  version: z.preprocess((v) => (v === '' ? undefined : v), idSchema.optional()),
};
