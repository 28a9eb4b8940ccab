import { pinyin } from 'pinyin-pro';

// Matching names as people type them in a search box: Chinese ("毛家冲"), pinyin
// initials ("mjc"), full pinyin ("maojiachong") or a mix ("maojc"). Each name's
// syllables are worked out once (pinyin-pro reads polyphones in context: 长江 is
// chang jiang) and kept, so a search is string work only.

/** A name's syllables: "毛家冲村" → ["mao", "jia", "chong", "cun"]; other characters stand for themselves. */
export type PinyinKey = { name: string; plain: string; syllables: string[] };

/** Enough for every name of 100 × Wuhan (about 240,000): a cache smaller than the names is emptied by every search. */
const MAX_KEYS = 400_000;
const keys = new Map<string, PinyinKey>();

/** What a query or a name is compared as: full-width folded, lower case, no spaces or apostrophes. */
export function normalizeQuery(text: string) {
  return text.normalize('NFKC').toLowerCase().replace(/[\s'’·]+/g, '');
}

/** The pinyin key of a name, worked out once (the cache is dropped whole if it grows past MAX_KEYS). */
export function pinyinKey(name: string): PinyinKey {
  let key = keys.get(name);
  if (!key) {
    if (keys.size >= MAX_KEYS) keys.clear();
    const plain = normalizeQuery(name);
    const syllables = pinyin(plain, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).map((s) => s.toLowerCase()).filter(Boolean);
    keys.set(name, (key = { name, plain, syllables }));
  }
  return key;
}

/** A Chinese character. */
export const HAN = /\p{Script=Han}/u;

/**
 * How well `query` (normalized) matches a name: 0 the whole name, 1 its start, 2 elsewhere,
 * null not at all. Chinese matches the characters; Latin letters match consecutive syllables,
 * each by its initial or more of it ("mjc", "maojiachong", "maojc").
 */
export function matchName(key: PinyinKey, query: string): 0 | 1 | 2 | null {
  if (!query) return null;
  if (HAN.test(query)) {
    const at = key.plain.indexOf(query);
    return at < 0 ? null : key.plain === query ? 0 : at === 0 ? 1 : 2;
  }
  const { syllables } = key;
  const failed = new Set<number>();
  for (let start = 0; start < syllables.length; start++) {
    if (consumes(syllables, start, query, 0, failed)) return start === 0 ? (key.plain === query || syllables.join('') === query ? 0 : 1) : 2;
  }
  return null;
}

/** Does query[from…] match syllables from `index` on, each syllable by a non-empty prefix of it? (`failed` bounds the work.) */
function consumes(syllables: string[], index: number, query: string, from: number, failed: Set<number>): boolean {
  if (from === query.length) return true;
  const syllable = syllables[index];
  const state = index * 1024 + from;
  if (syllable === undefined || failed.has(state)) return false;
  // The longest prefix first: full pinyin ("maojia") is tried before initials.
  for (let n = Math.min(syllable.length, query.length - from); n >= 1; n--) {
    if (query.startsWith(syllable.slice(0, n), from) && consumes(syllables, index + 1, query, from + n, failed)) return true;
  }
  failed.add(state);
  return false;
}
