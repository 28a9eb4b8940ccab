// The hand-kept formatter cache of lib/i18n/format.ts against next-intl's
// createFormatter with global formats, in ns per call (not part of npm test):
//   npx tsx tests/bench/formatters.ts [calls per kind, default 100000]
// Three ways, each making the same strings (checked):
//   cache    — lib/i18n/format.ts as it is: one Intl formatter per locale and kind, for the process;
//   request  — createFormatter({ locale, timeZone, formats }) anew every REQUEST calls, as a server
//              component gets it (next-intl's getFormatter keeps its Intl cache per request);
//   shared   — one createFormatter per locale for the process (its memoized Intl constructors
//              shared): what format.ts would keep if built on next-intl with the same signatures.
import { createFormatter, type Formats } from 'next-intl';
import type { Locale } from '../../lib/i18n/config';
import { formatCount, formatDate, formatMonth, formatYuan } from '../../lib/i18n/format';

const N = Number(process.argv[2] ?? 100_000);
const REQUEST = 200; // calls per simulated request
const timeZone = 'Asia/Shanghai';

const formats = {
  number: { count: {}, yuan: { maximumFractionDigits: 0 }, wan: { maximumFractionDigits: 2 } },
  dateTime: { date: { dateStyle: 'medium' }, month: { year: 'numeric', month: 'long', timeZone: 'UTC' } },
} satisfies Formats;
type Formatter = ReturnType<typeof createFormatter>;

/** format.ts's outputs, on a next-intl formatter. */
const viaNextIntl = {
  yuan(f: Formatter, value: string, locale: Locale) {
    const amount = Number(value);
    if (locale === 'zh-CN') {
      const abs = Math.abs(amount);
      if (abs >= 1e8) return `${f.number(amount / 1e8, 'wan')} 亿元`;
      if (abs >= 1e4) return `${f.number(amount / 1e4, 'wan')} 万元`;
      return `${f.number(amount, 'count')} 元`;
    }
    return `${f.number(amount, 'yuan')} yuan`;
  },
  count: (f: Formatter, value: string) => f.number(Number(value), 'count'),
  date: (f: Formatter, value: Date) => f.dateTime(value, 'date'),
  month: (f: Formatter, value: Date) => f.dateTime(value, 'month'),
};

// Inputs as the pages see them: decimal strings from Prisma, dates across a few years.
const amounts = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000 === 0 ? '0' : String(((i * 104729) % 1_000_000_000) / 100)));
const counts = Array.from({ length: 1000 }, (_, i) => String((i * 7919) % 5_000_000));
const dates = Array.from({ length: 1000 }, (_, i) => new Date(Date.UTC(2019, 0, 1) + i * 86_400_000 * 2.3));
const months = dates.map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)));

type Kind = 'yuan' | 'count' | 'date' | 'month';
const kinds: Kind[] = ['yuan', 'count', 'date', 'month'];

function cacheWay(kind: Kind, locale: Locale, i: number) {
  const j = i % 1000;
  if (kind === 'yuan') return formatYuan(amounts[j]!, locale);
  if (kind === 'count') return formatCount(counts[j]!, locale);
  if (kind === 'date') return formatDate(dates[j]!, locale);
  return formatMonth(months[j]!, locale);
}
function nextIntlWay(f: Formatter, kind: Kind, locale: Locale, i: number) {
  const j = i % 1000;
  if (kind === 'yuan') return viaNextIntl.yuan(f, amounts[j]!, locale);
  if (kind === 'count') return viaNextIntl.count(f, counts[j]!);
  if (kind === 'date') return viaNextIntl.date(f, dates[j]!);
  return viaNextIntl.month(f, months[j]!);
}

const shared = new Map<Locale, Formatter>();
const ways = {
  cache: (kind: Kind, locale: Locale) => {
    let sink = 0;
    for (let i = 0; i < N; i++) sink += cacheWay(kind, locale, i).length;
    return sink;
  },
  request: (kind: Kind, locale: Locale) => {
    let sink = 0;
    let f = createFormatter({ locale, timeZone, formats });
    for (let i = 0; i < N; i++) {
      if (i % REQUEST === 0) f = createFormatter({ locale, timeZone, formats });
      sink += nextIntlWay(f, kind, locale, i).length;
    }
    return sink;
  },
  shared: (kind: Kind, locale: Locale) => {
    let f = shared.get(locale);
    if (!f) shared.set(locale, (f = createFormatter({ locale, timeZone, formats })));
    let sink = 0;
    for (let i = 0; i < N; i++) sink += nextIntlWay(f, kind, locale, i).length;
    return sink;
  },
};
type Way = keyof typeof ways;

// The same strings every way.
for (const locale of ['zh-CN', 'en'] as const) {
  const f = createFormatter({ locale, timeZone, formats });
  for (const kind of kinds)
    for (let i = 0; i < 1000; i++) {
      const [a, b] = [cacheWay(kind, locale, i), nextIntlWay(f, kind, locale, i)];
      if (a !== b) throw new Error(`${kind} ${locale} #${i}: ${a} ≠ ${b}`);
    }
}

function time(way: Way, kind: Kind, locale: Locale) {
  const start = process.hrtime.bigint();
  ways[way](kind, locale);
  return Number(process.hrtime.bigint() - start) / N;
}

// Warm up (JIT, ICU data), then the best of 5 rounds, the ways interleaved.
for (const way of Object.keys(ways) as Way[]) for (const kind of kinds) time(way, kind, 'zh-CN');
const rows: string[] = [];
console.log(`${N} calls per kind and locale; a new next-intl formatter every ${REQUEST} calls in "request"; ns per call, best of 5\n`);
console.log('kind   locale   cache  request  shared   request/cache  shared/cache');
for (const kind of kinds)
  for (const locale of ['zh-CN', 'en'] as const) {
    const best = { cache: Infinity, request: Infinity, shared: Infinity };
    for (let round = 0; round < 5; round++) for (const way of Object.keys(ways) as Way[]) best[way] = Math.min(best[way], time(way, kind, locale));
    rows.push(
      `${kind.padEnd(6)} ${locale.padEnd(6)} ${best.cache.toFixed(0).padStart(6)} ${best.request.toFixed(0).padStart(8)} ${best.shared.toFixed(0).padStart(7)} ${(best.request / best.cache).toFixed(2).padStart(14)}× ${(best.shared / best.cache).toFixed(2).padStart(12)}×`,
    );
    console.log(rows.at(-1));
  }
