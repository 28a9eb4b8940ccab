/** The program (the five-year action 2021–2025, and the phase that follows) began on 2021-01-01: nothing it records is older. */
export const PROGRAM_START = new Date('2021-01-01T00:00:00Z');
/** Plans (a project's end date) may look this many years ahead. */
export const PLAN_YEARS_AHEAD = 10;

/** A yyyy-mm-dd calendar date as UTC midnight, or null when it is no real date (2025-02-30 is none). */
export function parseCalendarDate(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? date : null;
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
