// Names in pinyin order, as a Chinese reader looks them up (阿 … 张), not by character code.
// Node's and the browsers' full ICU sort zh-CN by pinyin: no dictionary to ship. Client-safe.

const pinyinCollator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });

/** Compares two names in pinyin order (numbers by value: 2组 before 10组). */
export const comparePinyin = (a: string, b: string) => pinyinCollator.compare(a, b);

/** A copy of `rows` sorted by name in pinyin order. */
export function byPinyin<T extends { name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => comparePinyin(a.name, b.name));
}
