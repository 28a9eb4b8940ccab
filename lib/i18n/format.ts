import { groupDigits } from '@/lib/amounts';
import type { Locale } from './config';

// Building an Intl formatter costs far more than using one (it was the largest
// part of rendering the dashboard): each is made once per locale and kind.
// Kept over next-intl's createFormatter: 700–1,000 ns a call here against 1,200–3,400 with one shared next-intl formatter and 1,500–4,100 with one per request (tests/bench/formatters.ts, 100,000 calls a kind, zh-CN and en).
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter as T;
}
const number = (locale: string, maximumFractionDigits?: number) =>
  cached(`n|${locale}|${maximumFractionDigits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits }));

/**
 * Money in yuan, exact input (a decimal string) to a readable figure:
 * zh-CN counts in 万元 / 亿元 as officials do; English in yuan.
 */
export function formatYuan(value: string | number, locale: Locale): string {
  const amount = Number(value);
  if (locale === 'zh-CN') {
    const abs = Math.abs(amount);
    if (abs >= 1e8) return `${trim(amount / 1e8)} 亿元`;
    if (abs >= 1e4) return `${trim(amount / 1e4)} 万元`;
    return `${number('zh-CN').format(amount)} 元`;
  }
  return `${number('en', 0).format(amount)} yuan`;
}

function trim(n: number) {
  return number('zh-CN', 2).format(n);
}

export function formatCount(value: string | number, locale: Locale): string {
  return number(locale).format(Number(value));
}

export function formatDate(value: Date, locale: Locale): string {
  return cached(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' })).format(value);
}

/** A moment to the second, in China's time (when figures were exact). */
export function formatDateTime(value: Date, locale: Locale): string {
  return cached(`t|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Shanghai' })).format(value);
}

/** How money axes count: 万 (10,000) in Chinese, thousands in English. */
export function moneyAxis(locale: Locale) {
  return locale === 'zh-CN' ? { divisor: 10_000, suffix: '万' } : { divisor: 1_000, suffix: 'k' };
}

/** A reporting month (stored as its first day). */
export function formatMonth(value: Date, locale: Locale): string {
  return cached(`m|${locale}`, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' })).format(value);
}

/** An exact amount in yuan with its digits grouped, as a money field stores it: "300,000 元" / "300,000 yuan". */
export function formatYuanExact(yuan: string, locale: Locale): string {
  return `${groupDigits(yuan)} ${locale === 'zh-CN' ? '元' : 'yuan'}`;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];
/** A quarter (its first day) as people say it: 2025年第四季度 / Q4 2025. */
export function formatQuarter(quarter: Date, locale: Locale): string {
  const n = Math.floor(quarter.getUTCMonth() / 3);
  return locale === 'zh-CN' ? `${quarter.getUTCFullYear()}年第${QUARTER_NAMES[n]}季度` : `Q${n + 1} ${quarter.getUTCFullYear()}`;
}

/** A count of people with its measure word: 1,200人 / 1,200 people. */
export function formatPeople(value: string | number, locale: Locale): string {
  const n = formatCount(value, locale);
  return locale === 'zh-CN' ? `${n}人` : `${n} ${Number(value) === 1 ? 'person' : 'people'}`;
}

/** A count of households: 380户 / 380 households. */
export function formatHouseholds(value: string | number, locale: Locale): string {
  const n = formatCount(value, locale);
  return locale === 'zh-CN' ? `${n}户` : `${n} ${Number(value) === 1 ? 'household' : 'households'}`;
}

/** A share (0–1) as a percentage with one decimal: 0.8333 → "83.3%". */
export function formatShare(value: number, locale: Locale): string {
  return cached(`p|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 })).format(value);
}

/** A score out of 100 with one decimal. */
export function formatScore(value: number, locale: Locale): string {
  return number(locale, 1).format(value);
}
