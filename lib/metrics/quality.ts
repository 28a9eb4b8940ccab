// Data-quality rules. The dashboard states them in SQL (lib/dashboard/flags.ts)
// with these same constants; pages and imports that judge one figure use these functions.

/**
 * A project in progress is stale when more than this many days have passed since the end of the last
 * month it reported (with no report: since its start), and since it was created (lib/dashboard/rules.ts).
 */
export const STALE_AFTER_DAYS = 60;
export const INCOME_JUMP_FACTOR = 5;

/** An income more than INCOME_JUMP_FACTOR times (or less than 1/FACTOR of) the year before. */
export function isIncomeJump(previous: number | null, current: number): boolean {
  if (previous === null || previous <= 0) return false;
  return current > previous * INCOME_JUMP_FACTOR || current * INCOME_JUMP_FACTOR < previous;
}

/** More beneficiaries counted in a village than people live there. */
export function exceedsPopulation(people: number, population: number | null): boolean {
  return population !== null && people > population;
}
