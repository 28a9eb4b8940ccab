// Pure functions behind the dashboard's progress figures (no database, no
// clock: `now` is always passed in), pinned by tests/unit/metrics.test.ts.

const DAY = 86_400_000;

export type CountPoint = { date: Date; value: number };

/** Where a straight line from (start, from) to (deadline, target) stands at `at`, clamped to the two ends. */
export function trajectoryAt(start: Date, deadline: Date, target: number, at: Date, from = 0): number {
  const span = deadline.getTime() - start.getTime();
  if (span <= 0) return target;
  const share = (at.getTime() - start.getTime()) / span;
  return from + (target - from) * Math.min(1, Math.max(0, share));
}

/** Month-start points of the straight-line trajectory, for a chart (a later phase starts from where the earlier left off). */
export function trajectoryPoints(start: Date, deadline: Date, target: number, from = 0): CountPoint[] {
  const points: CountPoint[] = [];
  for (let d = monthStart(start); d <= deadline; d = addMonths(d, 1)) points.push({ date: d, value: trajectoryAt(start, deadline, target, d, from) });
  points.push({ date: deadline, value: target });
  return points;
}

/**
 * The date the current pace reaches `target`: the average rate since `start`
 * carried forward from `now`. Null when nothing has happened yet (no pace).
 * When the target is already met, the date it was first met.
 */
export function forecastReachDate(history: CountPoint[], target: number, start: Date, now: Date): Date | null {
  const sorted = [...history].sort((a, b) => a.date.getTime() - b.date.getTime());
  const met = sorted.find((p) => p.value >= target);
  if (met) return met.date;
  const current = sorted.filter((p) => p.date <= now).at(-1)?.value ?? 0;
  const elapsedDays = Math.round((now.getTime() - start.getTime()) / DAY);
  if (current <= 0 || elapsedDays <= 0) return null;
  // Whole days, in integers: (target - current) at `current` per `elapsedDays`.
  const days = Math.ceil(((target - current) * elapsedDays) / current);
  return new Date(now.getTime() + days * DAY);
}

/** Share of a target reached, 0..1 (a target of 0 counts as met). */
export function progress(value: number, target: number): number {
  if (target <= 0) return 1;
  return Math.min(1, Math.max(0, value / target));
}

/** Whether a target is met; `strict` for "above" (e.g. income above 500,000). */
export function meets(value: number, target: number, strict: boolean): boolean {
  return strict ? value > target : value >= target;
}

export function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

export function addMonths(d: Date, months: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

/** The last calendar year that has ended by `now` (its income figures can be complete). */
export function latestCompleteYear(now: Date): number {
  return now.getUTCFullYear() - 1;
}
