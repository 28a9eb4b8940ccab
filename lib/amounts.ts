// Amounts, counts and years as clerks type them and as spreadsheets store them:
// "¥1,234.5", "52万元", "５２０，０００", "1200人", "2024年", and formula results
// with float noise (500000.67000000004). Exact decimal arithmetic (BigInt), never
// through a float; client-safe, for imports and forms alike.

export type YuanUnit = '元' | '万元';

/** More fraction digits than this is a float's noise (a formula's result), rounded to cents. */
const NOISE_DIGITS = 6;

/** Full-width digits and signs to ASCII, spaces (also inside numbers) out. */
function plain(text: string) {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** A decimal number as digits and scale: "-12.5" → { n: -125n, scale: 1 }; exponents allowed (String of a float). */
function decimal(text: string): { n: bigint; scale: number } | null {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text) ?? /^([+-]?)()\.(\d+)(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return null;
  const fraction = m[3] ?? '';
  let n = BigInt((m[2] || '0') + fraction);
  let scale = fraction.length - Number(m[4] ?? 0);
  if (scale < 0) {
    n *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { n: m[1] === '-' ? -n : n, scale };
}

/** Rounds half away from zero to `digits` decimals. */
function round({ n, scale }: { n: bigint; scale: number }, digits: number) {
  if (scale <= digits) return { n: n * 10n ** BigInt(digits - scale), scale: digits };
  const div = 10n ** BigInt(scale - digits);
  const q = n / div;
  const r = n % div;
  const up = (r < 0n ? -r : r) * 2n >= div;
  return { n: up ? q + (n < 0n ? -1n : 1n) : q, scale: digits };
}

function format({ n, scale }: { n: bigint; scale: number }) {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = scale ? digits.slice(-scale) : '';
  fraction = fraction.replace(/0+$/, '');
  return `${negative && (whole !== '0' || fraction) ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Why a typed amount was refused: the key of its message under `validation.`. */
export type YuanProblem = 'yuanFormat' | 'yuanSeparators' | 'yuanCents';

/**
 * Yuan with at most two decimals, from a cell or a form: "1,234.5" → "1234.5", "52万元" → "520000",
 * "¥8,000元" → "8000", "500000.67000000004" → "500000.67"; `defaultUnit` when the text names
 * none (a header "收入（万元）", the unit chosen beside a form field). A problem when it is no
 * amount, or has more than cents typed (e.g. "1.234" 元): a value to show the clerk, not to guess.
 */
export function readYuan(text: string, options: { defaultUnit?: YuanUnit } = {}): { yuan: string } | { problem: YuanProblem } {
  let s = plain(text).replace(/^(?:¥|RMB|CNY|人民币)/i, '');
  let unit = options.defaultUnit ?? '元';
  const suffix = /(万元|万|元)$/.exec(s);
  if (suffix) {
    unit = suffix[1] === '元' ? '元' : '万元';
    s = s.slice(0, -suffix[1]!.length);
  }
  s = s.replace(/^(?:¥)/, '');
  // Thousands separators only between digit groups of three.
  if (s.includes(',')) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return { problem: /^[+-]?[\d,]+(\.\d*)?$/.test(s) ? 'yuanSeparators' : 'yuanFormat' };
    s = s.replace(/,/g, '');
  }
  let value = decimal(s);
  if (!value) return { problem: 'yuanFormat' };
  const noise = value.scale > NOISE_DIGITS;
  if (unit === '万元') value = { n: value.n * 10_000n, scale: value.scale };
  if (noise) value = round(value, 2);
  else {
    // Trailing zeros are no precision: "1.500" is 1.5.
    while (value.scale > 0 && value.n % 10n === 0n) value = { n: value.n / 10n, scale: value.scale - 1 };
    if (value.scale > 2) return { problem: 'yuanCents' };
  }
  return { yuan: format(value) };
}

/** readYuan's amount, or null when it is none. */
export function parseYuan(text: string, options: { defaultUnit?: YuanUnit } = {}): string | null {
  const read = readYuan(text, options);
  return 'yuan' in read ? read.yuan : null;
}

/**
 * How a stored amount is first shown in a field whose unit defaults to `preferred`: in 万元 when
 * it is whole hundreds of yuan ("1200000" → "120" 万元), else in 元 so no digit is hidden.
 */
export function yuanForInput(yuan: string | null | undefined, preferred: YuanUnit): { text: string; unit: YuanUnit } {
  if (yuan == null || yuan === '') return { text: '', unit: preferred };
  const value = decimal(yuan);
  if (preferred === '元' || !value) return { text: yuan, unit: '元' };
  const hundreds = value.scale === 0 && value.n % 100n === 0n;
  return hundreds ? { text: format({ n: value.n, scale: 4 }), unit: '万元' } : { text: yuan, unit: '元' };
}

/** Digits grouped by three, exactly (no float): "1234567.5" → "1,234,567.5". */
export function groupDigits(yuan: string): string {
  const [whole, fraction] = yuan.split('.');
  const sign = whole!.startsWith('-') ? '-' : '';
  const grouped = whole!.replace(/^-/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** The unit a header names: "村集体经济收入（万元）" → 万元; none → undefined. */
export function unitOfHeader(header: string): YuanUnit | undefined {
  const m = /[(（]\s*(万元|元)\s*[)）]/.exec(header.normalize('NFKC'));
  return m ? (m[1] as YuanUnit) : undefined;
}

/** A whole count: "1,200", "1200人", "３８０户", "1200.0000000001" (a formula's noise) → "1200"; null otherwise. */
export function parseCount(text: string): string | null {
  let s = plain(text).replace(/(人|户|个|家|名|口)$/, '');
  if (s.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return null;
    s = s.replace(/,/g, '');
  }
  const value = decimal(s);
  if (!value || value.n < 0n) return null;
  const whole = round(value, 0);
  // A fraction is a mistake unless it is a float's noise.
  if (value.scale > 0 && value.scale <= NOISE_DIGITS && whole.n * 10n ** BigInt(value.scale) !== value.n) return null;
  return format(whole);
}

/** A whole percentage: "35", "35%", "３５％" (and "35%" is how a percent-formatted cell is read) → "35"; null otherwise. */
export function parsePercent(text: string): string | null {
  const s = plain(text);
  return parseCount(s.endsWith('%') ? s.slice(0, -1) : s);
}

/** A year: "2024年", "2024", "2024.0" → "2024"; null otherwise. */
export function parseYear(text: string): string | null {
  const m = /^(\d{4})(?:\.0+)?(?:年(?:度)?)?$/.exec(plain(text));
  return m ? m[1]! : null;
}
