/** A yyyy-mm-dd calendar date as UTC midnight, or null when it is no real date (2025-02-30 is none). */
export function parseCalendarDate(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? date : null;
}

/** The first day of the quarter `now` is in (feedback is given per quarter). */
export function currentQuarter(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
}
