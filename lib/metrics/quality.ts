// Data-quality rules the dashboard flags wherever a figure appears.

export const STALE_AFTER_DAYS = 60;
export const INCOME_JUMP_FACTOR = 5;

/** A project in progress with no update for STALE_AFTER_DAYS is stale. */
export function isStale(lastUpdate: Date | null, since: Date, now: Date): boolean {
  const last = lastUpdate ?? since;
  return now.getTime() - last.getTime() > STALE_AFTER_DAYS * 86_400_000;
}

/** An income more than INCOME_JUMP_FACTOR times (or less than 1/FACTOR of) the year before. */
export function isIncomeJump(previous: number | null, current: number): boolean {
  if (previous === null || previous <= 0) return false;
  return current > previous * INCOME_JUMP_FACTOR || current * INCOME_JUMP_FACTOR < previous;
}

/** More beneficiaries counted in a village than people live there. */
export function exceedsPopulation(people: number, population: number | null): boolean {
  return population !== null && people > population;
}
