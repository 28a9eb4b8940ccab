/** The program (the five-year action 2021–2025, and the phase that follows) began on 2021-01-01: nothing it records is older. */
export const PROGRAM_START = new Date('2021-01-01T00:00:00Z');
/** Plans (a project's end date) may look this many years ahead. */
export const PLAN_YEARS_AHEAD = 10;

/** A calendar date as people write it (parseDate: 2025/3/1, 2025-3-1, 2025年3月1日, 2025.3.1) as UTC midnight, or null when it is no real date (2025-02-30 is none). */
export function parseCalendarDate(text: string): Date | null {
  const iso = parseDate(text);
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

/** The first day of the month `now` is in (monthly updates are per month). */
export function startOfMonth(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** The last day a plan may name: the end of the PLAN_YEARS_AHEAD-th year from now. */
export function latestPlanDate(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear() + PLAN_YEARS_AHEAD, 11, 31));
}

/** The first day of the quarter `now` is in (feedback is given per quarter). */
export function currentQuarter(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
}

/** A quarter (its first day) as the forms send it: "2025-Q4". Shown to people by formatQuarter (lib/i18n/format.ts). */
export function quarterKey(quarter: Date) {
  return `${quarter.getUTCFullYear()}-Q${Math.floor(quarter.getUTCMonth() / 3) + 1}`;
}

// Dates as Chinese offices write them, to the forms' yyyy-mm-dd: "2025/3/1",
// "2025-3-1", "2025.3.1", "2025年3月1日", "20250301", a time after the date
// ("2025/3/1 0:00:00", as WPS saves CSV), and an Excel date serial (45717).

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** An Excel (1900 system) date serial to yyyy-mm-dd: 45717 → 2025-03-01. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const date = new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));
  return date.toISOString().slice(0, 10);
}

/**
 * yyyy-mm from a cell naming a month: "2025-03", "2025/3", "2025.3", "2025年3月", "202503", or a date
 * in that month (a month typed into Excel is kept as its first day: "2025-03-01"); null otherwise.
 */
export function parseMonth(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]!.padStart(2, '0')}` : null;
  return parseDate(s)?.slice(0, 7) ?? null;
}

/** yyyy-mm-dd from a cell, or null when it is no date (an impossible one, such as 2025/2/30, included). */
export function parseDate(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // A serial from a cell that was not formatted as a date: 1982 … 2119.
  m = /^(\d{5})(?:\.\d+)?$/.exec(s);
  if (m && Number(m[1]) >= 30_000 && Number(m[1]) < 80_000) return excelSerialDate(Number(s));
  return null;
}
