import type { Locale } from '@/lib/i18n/config';

// How a chart counts money on its axis and in its tooltip: in the unit that
// fits its largest value — 万 or 亿 in Chinese (never "22000万"), thousands,
// millions or billions in English (never "220000k") — so tick labels stay short.
export type MoneyScale = { locale: Locale; divisor: number; suffix: string; unit: string };

export function moneyScale(max: number, locale: Locale): MoneyScale {
  if (locale === 'zh-CN') return max >= 1e8 ? { locale, divisor: 1e8, suffix: '亿', unit: '元' } : { locale, divisor: 1e4, suffix: '万', unit: '元' };
  const [divisor, suffix] = max >= 1e9 ? [1e9, 'B'] : max >= 1e6 ? [1e6, 'M'] : [1e3, 'k'];
  return { locale, divisor, suffix, unit: ' yuan' };
}

const formatters = new Map<string, Intl.NumberFormat>();
function number(locale: Locale, digits: number) {
  const key = `${locale}|${digits}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
  return f;
}

/** An axis tick: "2.5亿", "120万", "1.2M". */
export function moneyTick(scale: MoneyScale, value: number) {
  return `${number(scale.locale, 1).format(value / scale.divisor)}${scale.suffix}`;
}

/** A tooltip's amount with its unit: "2.35 亿元", "1.23M yuan". */
export function moneyWithUnit(scale: MoneyScale, value: number) {
  const n = number(scale.locale, 2).format(value / scale.divisor);
  return scale.locale === 'zh-CN' ? `${n} ${scale.suffix}${scale.unit}` : `${n}${scale.suffix}${scale.unit}`;
}
