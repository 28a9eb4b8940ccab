import { z } from 'zod';

/** A record id or version from a form: a positive integer that fits PostgreSQL's integer. */
export const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** An id from the URL, or null when it cannot be one (the page then answers 404). */
export function parseId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const parsed = idSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
