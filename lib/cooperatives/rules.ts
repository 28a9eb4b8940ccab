// The cooperative's rules, defined once: used by the dividend form, the village's income history,
// the zone page, the export and the tests. Client-safe (no database).

/** Yuan as an exact decimal string ("1234.5") → fen as a bigint, never through a float. */
export function toFen(yuan: string): bigint {
  const [whole = '0', part = ''] = yuan.trim().replace(/^-/, '').split('.');
  const fen = BigInt(whole || '0') * 100n + BigInt((part + '00').slice(0, 2));
  return yuan.trim().startsWith('-') ? -fen : fen;
}

/**
 * A dividend is part of the village's collective income for its year, so it can never be more than the
 * reported total. True when it is (a slip to check: the income reported too low, or the dividend
 * booked too high); false while the year's income is not reported yet.
 */
export function dividendExceedsIncome(dividend: string, income: string | null | undefined): boolean {
  return income != null && toFen(dividend) > toFen(income);
}

/** Joint-venture shares (and cooperative shares) are percentages: together at most 100. */
export const MAX_TOTAL_PERCENT = 100;
export function percentTotalExceeds(percents: (string | null | undefined)[]): boolean {
  return percents.reduce((sum, p) => sum + (p ? toFen(p) : 0n), 0n) > BigInt(MAX_TOTAL_PERCENT) * 100n;
}
