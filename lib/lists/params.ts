import { z } from 'zod';
import { plainText } from '@/lib/validation';

// List pages keep their search, filters, sort and page in the URL, so a view
// can be shared. Anything malformed falls back to the default rather than failing.
export const PAGE_SIZE = 25;
/** Choices a select offers at most, narrowed by name beyond that (a province has 30,000 zones, 200,000 villages). */
export const MAX_CHOICES = 500;
/** Rows a page of a figures table shows (the year-on-year and ranking tables): a city's SOEs fit on one. */
export const TABLE_PAGE_SIZE = 50;

/** A search box's text: trimmed, at most 60 characters, absent when blank or malformed (control characters included). */
export const searchText = plainText().max(60).optional().catch(undefined);
/** A page number from 1. */
export const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);

export function listParamsSchema<const S extends readonly [string, ...string[]]>(sortKeys: S) {
  return z.object({
    q: searchText,
    sort: z.enum(sortKeys).catch(sortKeys[0]).default(sortKeys[0]),
    dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
    page: pageNumber,
  });
}

/** The page shown: the one asked for, or the last there is (rows may have gone since the link was made). */
export function pageWithin(page: number, total: number, pageSize: number) {
  return Math.min(page, Math.max(1, Math.ceil(total / pageSize)));
}

/** The rows of page `page` (from 1) of `rows`, or of the last page when asked past it, and which page that is. */
export function pageOf<T>(rows: T[], page: number, pageSize: number) {
  const shown = pageWithin(page, rows.length, pageSize);
  return { rows: rows.slice((shown - 1) * pageSize, shown * pageSize), page: shown };
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of each search parameter, empty ones dropped. */
export function firstValues(params: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v) out[key] = v;
  }
  return out;
}

/** The same view with some parameters changed (page resets unless given). */
export function withParams(current: Record<string, string>, changes: Record<string, string | number | undefined>) {
  const next = new URLSearchParams({ ...current, page: '1' });
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  if (next.get('page') === '1') next.delete('page');
  const s = next.toString();
  return s ? `?${s}` : '?';
}
