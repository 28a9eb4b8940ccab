import { z } from 'zod';
import { readYuan, type YuanUnit } from './amounts';
import { latestPlanDate, parseCalendarDate, PROGRAM_START, startOfMonth } from './dates';
import { idSchema } from './ids';

// Building blocks shared by the features' zod schemas. Form fields arrive as
// strings; an empty field means "not given".

/** An empty (or missing) field is null; anything else must pass `schema`. */
export const blankAsNull = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' || v == null ? null : v), schema.nullable());

/** An empty (or missing) field is absent; anything else must pass `schema`. */
export const blankAsUndefined = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' || v == null ? undefined : v), schema.optional());

/**
 * Control characters: C0 but tab, line feed and carriage return, DEL and C1.
 * No name, comment or search has them; PostgreSQL refuses NUL outright.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const hasControlChars = (text: string) => CONTROL_CHARS.test(text);

/** Text as people type it, trimmed, refused with a field error when it holds control characters. Every free-text field starts here. */
export const plainText = () => z.string().trim().refine((s) => !hasControlChars(s), 'validation.controlChars');

/** Optional free text, trimmed, at most `max` characters. */
export const optionalText = (max: number) => blankAsNull(plainText().max(max, 'validation.tooLong'));

/** One of a Prisma enum's values. */
export const enumOf = <T extends Record<string, string>>(e: T) => z.enum(Object.values(e) as [T[keyof T], ...T[keyof T][]], 'validation.required');

/** A real yyyy-mm-dd calendar date, as UTC midnight. */
export const calendarDate = z.string().transform((s, ctx) => parseCalendarDate(s) ?? (ctx.addIssue({ code: 'custom', message: 'validation.dateFormat' }), z.NEVER));

const fromProgramStart = (d: Date) => d >= PROGRAM_START;
/** Something that happened in the program: from its start (2021-01-01) to today (nominations, assessments, closings). */
export const programPastDate = calendarDate
  .refine(fromProgramStart, 'validation.dateBeforeProgram')
  .refine((d) => d.getTime() <= Date.now() + 86_400_000, 'validation.dateInFuture');
/** A date in the program that may be planned ahead (a project's start and end, a pairing's): from 2021-01-01 to the end of the tenth year from now. */
export const programPlanDate = calendarDate
  .refine(fromProgramStart, 'validation.dateBeforeProgram')
  .refine((d) => d <= latestPlanDate(), 'validation.dateTooLate');
/** A reporting month (yyyy-mm) as its first day, from the program's first month to the current one. */
export const reportingMonth = z
  .string('validation.monthFormat')
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.monthFormat')
  .transform((s) => new Date(`${s}-01T00:00:00Z`))
  .refine(fromProgramStart, 'validation.periodBeforeProgram')
  .refine((d) => d <= startOfMonth(), 'validation.periodInFuture');

/** The most yuan an amount may be (numeric(16,2) columns hold 14 digits before the point). */
const MAX_YUAN_DIGITS = 14;
const YUAN_UNITS: readonly YuanUnit[] = ['万元', '元'];

/**
 * Money as people type it, to yuan as an exact decimal string ("300000"), never through a float.
 * A form sends `{ text, unit }` (components/ui/money-input.tsx: "30" beside 万元); an import or
 * API a string, in yuan unless it names its unit ("30万", "¥1,234.5", full-width digits).
 * A unit written in the text wins over the one chosen beside it.
 */
export const yuanSchema = z.unknown().transform((value, ctx) => {
  const input = typeof value === 'string' ? { text: value, unit: '元' } : value && typeof value === 'object' ? (value as { text?: unknown; unit?: unknown }) : {};
  const unit = YUAN_UNITS.find((u) => u === input.unit);
  if (typeof input.text !== 'string' || !unit) return (ctx.addIssue({ code: 'custom', message: 'validation.yuanFormat' }), z.NEVER);
  if (input.text.trim() === '') return (ctx.addIssue({ code: 'custom', message: 'validation.required' }), z.NEVER);
  const read = readYuan(input.text, { defaultUnit: unit });
  if ('problem' in read) return (ctx.addIssue({ code: 'custom', message: `validation.${read.problem}` }), z.NEVER);
  if (read.yuan.startsWith('-')) return (ctx.addIssue({ code: 'custom', message: 'validation.notNegative' }), z.NEVER);
  if (read.yuan.split('.')[0]!.length > MAX_YUAN_DIGITS) return (ctx.addIssue({ code: 'custom', message: 'validation.yuanTooLarge' }), z.NEVER);
  return read.yuan;
});
/** A money field left empty is null (a form's `{ text: '' }` included). */
export const optionalYuanSchema = z.preprocess((v) => {
  const text = v && typeof v === 'object' ? (v as { text?: unknown }).text : v;
  return text == null || (typeof text === 'string' && text.trim() === '') ? null : v;
}, yuanSchema.nullable());

/** A zone's, SOE's or village's name. */
export const nameSchema = plainText().min(2, 'validation.required').max(60, 'validation.tooLong');
/** Present when editing (with the version the form saw), absent when creating. */
export const editFields = {
  id: z.preprocess((v) => (v === '' ? undefined : v), idSchema.optional()),
  version: z.preprocess((v) => (v === '' ? undefined : v), idSchema.optional()),
};
