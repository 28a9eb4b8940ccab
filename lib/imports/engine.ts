import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db, type Prisma } from '@/lib/db/client';
import { isIncomeJump } from '@/lib/metrics/quality';
import type { Locale } from '@/lib/i18n/config';
import { translateIssue, translator } from '@/lib/i18n/translator';
import { parseCount, parsePercent, parseYear, parseYuan, unitOfHeader, type YuanUnit } from '@/lib/amounts';
import { parseDate, parseMonth } from '@/lib/dates';
import { CELL_ERROR, CELL_NO_RESULT, readSheet, type Sheet } from './sheet';

// One way every import runs. The check reads the sheet, matches its headers,
// validates every row (every error listed by row and column) and plans the
// write: the rows it creates, and every existing value it changes, before →
// after, with implausible ones flagged. The plan's token is what the user
// saw; the commit (lib/imports/mutations.ts) plans again inside its
// transaction and writes only when the token is the same.

export const IMPORT_KINDS = ['villages', 'projects', 'updates', 'commitments', 'pioneers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type Tx = Prisma.TransactionClient;
/**
 * A column of an import. `kind` says how a cell is read before the form's schema sees it:
 * money ("52万元", "1,234.5", float noise → yuan), count ("1,200人"), year ("2024年"),
 * date ("2025/3/1" → yyyy-mm-dd), month ("2025年3月", a date → yyyy-mm), percent ("35%" → 35); a cell that cannot be read goes to the schema as it is.
 */
export type ImportColumn = {
  key: string;
  zh: string;
  en: string;
  kind?: 'text' | 'money' | 'count' | 'year' | 'date' | 'month' | 'percent';
  /** The template's drop-down for this column suggests, and lets other values be typed (a new village). */
  openChoices?: boolean;
};
export type RowIssue = { column: string; key: `validation.${string}`; params?: Record<string, string | number> };
export type RowResult<V> = { value: V } | { issues: RowIssue[] };

/** Why a value is implausible: it moves more than 5× (jump), or about 10,000× (万元 taken for 元, or back). */
export type ChangeFlag = 'jump' | 'unit';

/** One value the file sets: an existing one it changes, or a new one worth a second look. */
export type ImportChange = {
  /** The sheet's row (the header is row 1). */
  row: number;
  entity: string;
  /** The record and the version the check saw; null for a new record. */
  id: number | null;
  version: number | null;
  /** What the row is about, e.g. "测试区 甲片区 甲一村 2024". */
  label: string;
  /** The column's key (the summary gives its header in the user's language). */
  field: string;
  before: string | null;
  after: string | null;
  flag?: ChangeFlag;
  /** What a new value was compared with, e.g. "2024: 531298.48". */
  reference?: string;
};

export type ImportPlan = {
  /** New records per entity. */
  created: Record<string, number>;
  /** Existing values the file changes. */
  changes: ImportChange[];
  /** New values that look implausible next to the record's others. */
  warnings: ImportChange[];
  /** Rows that change nothing. */
  unchanged: number;
};

/** What a commit did, kept in its audit row: enough to undo it. */
export type ImportRecord = {
  counts: Record<string, number>;
  created: { entity: string; ids: number[] }[];
  changed: ImportedChange[];
};
export type ImportedChange = { entity: string; id: number; label: string; version: number; before: Record<string, unknown>; after: Record<string, unknown> };

export type ImportSpec<Ctx, V> = {
  kind: ImportKind;
  columns: ImportColumn[];
  /** What validation needs from the database, read once (never per row). */
  load: (client: Tx, user: SessionUser) => Promise<Ctx>;
  /** One row's cells by column key; the context carries what earlier rows claimed (duplicates). */
  validate: (cells: Record<string, string>, ctx: Ctx) => RowResult<V>;
  plan: (client: Tx, rows: { row: number; value: V }[], ctx: Ctx) => Promise<ImportPlan>;
  /** Writes the plan, each change only from the version the plan saw (else ConflictError). */
  apply: (tx: Tx, rows: V[], plan: ImportPlan, ctx: Ctx, user: SessionUser) => Promise<ImportRecord>;
  /** Takes a commit back; refuses (FieldError) while any row it wrote has been edited since. */
  undo: (tx: Tx, record: ImportRecord) => Promise<void>;
  /** The template's drop-down lists, by column key, from what `load` read for this user. */
  choices?: (ctx: Ctx, locale: Locale) => Record<string, string[]>;
  /** Rows the template comes filled with for this user (the update import: each project's month due and last figures). */
  prefill?: (ctx: Ctx, locale: Locale, now?: Date) => Record<string, string>[];
};

/** `value`: the cell as the file has it. */
export type ImportError = { row: number; column: string; message: string; value?: string };

/**
 * What was read: the sheet (null for CSV), the header row (the lower one of a two-row header), the
 * first and last data rows, and the rows passed over (a 合计 row, the template's 示例 row), in words.
 */
export type SheetRead = { sheet: string | null; headerRow: number; firstRow: number; lastRow: number; skipped: string[] };
export type PlanSummary = Omit<ImportPlan, 'changes' | 'warnings'> & {
  changes: ImportChange[];
  warnings: ImportChange[];
  changeCount: number;
  warningCount: number;
  flagged: number;
};
export type ImportOutcome =
  | { status: 'failed'; message: string; errors: ImportError[]; rows: number; importId?: number }
  | { status: 'preview'; rows: number; token: string; plan: PlanSummary; ms: number; read: SheetRead }
  | { status: 'committed'; rows: number; importId: number; counts: Record<string, number>; ms: number };

export type Checked<V, Ctx = unknown> = { rows: { row: number; value: V }[]; plan: ImportPlan; token: string; flagged: number; ctx: Ctx; read: SheetRead };

const MAX_REPORTED = 500;

export function headerLabel(column: ImportColumn, locale: Locale) {
  return locale === 'zh-CN' ? column.zh : column.en;
}

/** The policy's view of running this import as this user. */
/** The org department's imports (villages, commitments) are for no SOE; a liaison's are for its own SOE. */
export const importResource = (kind: ImportKind, user: SessionUser) => ({ kind, soeId: kind === 'villages' || kind === 'commitments' ? null : user.soeId });

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Flags a move from `before` to `after` that is hard to believe: the dashboard's income-jump rule, or a unit mistake. */
export function implausible(before: number, after: number): ChangeFlag | undefined {
  // From nothing to something is how a new figure starts; from something to nothing is worth a look.
  if (before <= 0 || after <= 0) return before > 0 && after <= 0 ? 'jump' : undefined;
  const ratio = Math.max(before, after) / Math.min(before, after);
  if (ratio >= 10 ** 3.5 && ratio <= 10 ** 4.5) return 'unit';
  return isIncomeJump(before, after) ? 'jump' : undefined;
}

/** One cell through the form's own schema for that field; a refusal becomes the row's issue. */
export function parseCell<S extends z.ZodType>(schema: S, cell: string, column: string, issues: RowIssue[]): z.output<S> | undefined {
  const parsed = schema.safeParse(cell);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? '';
  issues.push({ column, key: message.startsWith('validation.') ? (message as `validation.${string}`) : 'validation.invalidValue' });
  return undefined;
}

const UNDOABLE_TABLES = new Set(['Village', 'VillageIncome', 'Project', 'ProjectUpdate', 'PairingCommitment']);

/** Which of these rows no longer have the version an import left them at (edited or deleted since). */
export async function editedSince(tx: Tx, table: string, rows: { id: number; version: number }[]): Promise<number[]> {
  if (!UNDOABLE_TABLES.has(table)) throw new Error(`editedSince: ${table} is not a table imports write`);
  if (!rows.length) return [];
  const found = await tx.$queryRawUnsafe<{ id: number }[]>(
    `SELECT t.id FROM unnest($1::int[], $2::int[]) AS t(id, v) LEFT JOIN "${table}" x ON x.id = t.id WHERE x.version IS DISTINCT FROM t.v`,
    rows.map((r) => r.id),
    rows.map((r) => r.version),
  );
  return found.map((r) => r.id);
}

/** A header as compared: full-width forms folded (（元） → (元)), spaces and line breaks out, a leading * out, lower case. */
export function normaliseHeader(header: string) {
  return header.normalize('NFKC').replace(/\s+/g, '').replace(/^\*+/, '').toLowerCase();
}
/** A header without its unit or note in brackets: "村集体经济收入(万元)" → "村集体经济收入". */
const baseHeader = (header: string) => normaliseHeader(header).replace(/\([^()]*\)$/, '');

/** Columns a sheet may carry besides the import's own, read by nobody. */
const IGNORED_HEADER = /^(序号|编号|备注|说明|no\.?|#|note|notes|remark|remarks)$/;
/** A row of totals at the bottom of a government sheet. */
const TOTAL_CELL = /^(合计|总计|小计|总合计|全区合计|全市合计|total|subtotal|sum)[:：]?$/;
/** The template's example row is marked 示例 (or Example) in a note column (备注, 序号), or a cell is just 示例. */
const EXAMPLE_NOTE = /^(示例|example)/i;
const EXAMPLE_CELL = /^(示例|example)$/i;
/** Excel's error values, as a CSV saved from Excel has them. */
const ERROR_TEXT = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/;
const HEADER_SEARCH_ROWS = 20;

/** `notes`: the columns read by nobody (序号, 备注), where an example row is marked. */
type HeaderMatch = { index: Map<string, { at: number; unit?: YuanUnit }>; unknown: string[]; notes: number[] };

/** Which column each header names, by the header in either language (or the key), unit aside. */
function matchHeaders(columns: ImportColumn[], headers: string[]): HeaderMatch {
  const index: HeaderMatch['index'] = new Map();
  const unknown: string[] = [];
  const notes: number[] = [];
  headers.forEach((header, at) => {
    if (header === '') return;
    if (IGNORED_HEADER.test(normaliseHeader(header))) {
      notes.push(at);
      return;
    }
    const base = baseHeader(header);
    const column = columns.find((c) => [c.zh, c.en, c.key].some((name) => normaliseHeader(name) === normaliseHeader(header) || baseHeader(name) === base));
    if (column && !index.has(column.key)) index.set(column.key, { at, unit: unitOfHeader(header) ?? unitOfHeader(column.zh) });
    else unknown.push(header);
  });
  return { index, unknown, notes };
}

/**
 * Finds the header row among the first rows (a title row, a date line may come first), and a
 * header merged over two rows ("规模" over "人口" and "户数"): the rows with the most columns named.
 */
function findHeaders(columns: ImportColumn[], grid: string[][]): { match: HeaderMatch; first: number; rows: number } {
  let best = { match: matchHeaders(columns, grid[0] ?? []), first: 0, rows: 1 };
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const upper = grid[r] ?? [];
    const lower = grid[r + 1] ?? [];
    const single = matchHeaders(columns, upper);
    // Two rows: per column, the lower cell, else the upper one, else both joined.
    const width = Math.max(upper.length, lower.length);
    const combined = Array.from({ length: width }, (_, i) => {
      const [u = '', l = ''] = [upper[i], lower[i]];
      for (const candidate of [l, u, u + l]) if (candidate && matchHeaders(columns, [candidate]).index.size) return candidate;
      return l || u;
    });
    const double = matchHeaders(columns, combined);
    for (const [match, rows] of [[single, 1], [double, 2]] as const) {
      const better = match.index.size > best.match.index.size || (match.index.size === best.match.index.size && match.unknown.length < best.match.unknown.length && match.index.size > 0);
      if (better) best = { match, first: r, rows };
    }
    if (best.match.index.size === columns.length && best.match.unknown.length === 0) break;
  }
  return best;
}

/** A cell as the form's schema should see it (see ImportColumn.kind). */
function readCell(column: ImportColumn, cell: string, unit: YuanUnit | undefined) {
  if (cell === '') return cell;
  switch (column.kind) {
    case 'money':
      return parseYuan(cell, { defaultUnit: unit }) ?? cell;
    case 'count':
      return parseCount(cell) ?? cell;
    case 'year':
      return parseYear(cell) ?? cell;
    case 'date':
      return parseDate(cell) ?? cell;
    case 'month':
      return parseMonth(cell) ?? cell;
    case 'percent':
      return parsePercent(cell) ?? cell;
    default:
      return cell;
  }
}

/** A cell that has no value to give: an error (#DIV/0!) or a formula the file keeps no result of. */
function cellFault(cell: string): { key: RowIssue['key']; value: string } | null {
  if (cell.startsWith(CELL_ERROR)) return { key: 'validation.cellError', value: cell.slice(CELL_ERROR.length) || '#ERROR' };
  if (ERROR_TEXT.test(cell)) return { key: 'validation.cellError', value: cell };
  if (cell.startsWith(CELL_NO_RESULT)) return { key: 'validation.formulaNoResult', value: cell.slice(CELL_NO_RESULT.length) || '=…' };
  return null;
}

/**
 * Checks a sheet and plans its write, through `client` (the commit passes its
 * transaction). Errors name the row and column in the user's language, with the cell's value.
 */
export async function checkSheet<Ctx, V>(
  spec: ImportSpec<Ctx, V>,
  user: SessionUser,
  sheet: Sheet,
  options: { client: Tx; locale: Locale; fileSha256: string },
): Promise<Checked<V, Ctx> | { message: string; errors: ImportError[] }> {
  const t = translator(options.locale);
  // Headers in either language, in any order, below a title if any; every column must be there, nothing else.
  const grid = [sheet.headers, ...sheet.rows];
  const { match, first, rows: headerRows } = findHeaders(spec.columns, grid);
  const { index, unknown } = match;
  const missing = spec.columns.filter((c) => !index.has(c.key)).map((c) => headerLabel(c, options.locale));
  if (missing.length || unknown.length) {
    return { message: t('imports.wrongHeaders', { missing: missing.join('、') || '—', unknown: unknown.join('、') || '—' }), errors: [] };
  }

  const ctx = await spec.load(options.client, user);
  const rows: { row: number; value: V }[] = [];
  const errors: ImportError[] = [];
  const read: SheetRead = { sheet: sheet.sheet ?? null, headerRow: first + headerRows, firstRow: 0, lastRow: 0, skipped: [] };
  const columnName = (key: string) => {
    const column = spec.columns.find((c) => c.key === key);
    return column ? headerLabel(column, options.locale) : key;
  };
  for (let i = first + headerRows; i < grid.length; i++) {
    const cells = grid[i]!;
    const row = i + 1;
    const raw = Object.fromEntries(spec.columns.map((c) => [c.key, (cells[index.get(c.key)!.at] ?? '').trim()]));
    if (cells.every((c) => (c ?? '').trim() === '')) continue; // a blank line in the middle
    const texts = cells.map((c) => (c ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase());
    if (texts.some((c) => TOTAL_CELL.test(c))) {
      read.skipped.push(t('imports.skippedTotal', { row, text: cells.find((c, n) => TOTAL_CELL.test(texts[n]!))!.trim() }));
      continue;
    }
    if (match.notes.some((at) => EXAMPLE_NOTE.test((cells[at] ?? '').trim())) || cells.some((c) => EXAMPLE_CELL.test((c ?? '').trim()))) {
      read.skipped.push(t('imports.skippedExample', { row }));
      continue;
    }
    read.firstRow ||= row;
    read.lastRow = row;
    const faults = spec.columns.flatMap((c) => {
      const fault = cellFault(raw[c.key]!);
      return fault ? [{ row, column: columnName(c.key), message: translateIssue(fault.key, options.locale, { value: fault.value }), value: fault.value }] : [];
    });
    if (faults.length) {
      errors.push(...faults);
      continue;
    }
    const record = Object.fromEntries(spec.columns.map((c) => [c.key, readCell(c, raw[c.key]!, index.get(c.key)!.unit)]));
    const result = spec.validate(record, ctx);
    if ('value' in result) rows.push({ row, value: result.value });
    else
      for (const issue of result.issues) {
        errors.push({ row, column: columnName(issue.column), message: translateIssue(issue.key, options.locale, issue.params), value: raw[issue.column] ?? '' });
      }
  }
  if (errors.length) return { message: t('imports.rowErrors', { count: errors.length }), errors: errors.slice(0, MAX_REPORTED) };
  if (rows.length === 0) return { message: read.skipped.length ? t('imports.onlySkipped', { skipped: read.skipped.join('；') }) : t('imports.empty'), errors: [] };

  const plan = await spec.plan(options.client, rows, ctx);
  const scope = importResource(spec.kind, user);
  const token = sha256(JSON.stringify({ kind: spec.kind, soeId: scope.soeId, file: options.fileSha256, rows: rows.length, plan }));
  const flagged = plan.changes.filter((c) => c.flag).length + plan.warnings.length;
  return { rows, plan, token, flagged, ctx, read };
}

/** The plan as the check shows it: the first changes in full, with headers in the user's language. */
export function summarize(spec: ImportSpec<never, never>, checked: Checked<unknown>, locale: Locale): PlanSummary {
  const label = (change: ImportChange) => {
    const column = spec.columns.find((c) => c.key === change.field);
    return { ...change, field: column ? headerLabel(column, locale) : change.field };
  };
  // Flagged changes first: they are the ones to read.
  const changes = [...checked.plan.changes].sort((a, b) => Number(Boolean(b.flag)) - Number(Boolean(a.flag)) || a.row - b.row);
  return {
    created: checked.plan.created,
    unchanged: checked.plan.unchanged,
    changes: changes.slice(0, MAX_REPORTED).map(label),
    warnings: checked.plan.warnings.slice(0, MAX_REPORTED).map(label),
    changeCount: checked.plan.changes.length,
    warningCount: checked.plan.warnings.length,
    flagged: checked.flagged,
  };
}

/** Reads the file and checks it: nothing is written. */
export async function previewImport(
  spec: ImportSpec<never, never>,
  user: SessionUser | null,
  bytes: Buffer,
  locale: Locale,
): Promise<ImportOutcome> {
  const started = performance.now();
  const t = translator(locale);
  if (!user || !can(user, 'import.run', importResource(spec.kind, user))) return { status: 'failed', message: t('errors.denied'), errors: [], rows: 0 };
  const sheet = await readSheet(bytes);
  if (typeof sheet === 'string') return { status: 'failed', message: t(`imports.${sheet}`), errors: [], rows: 0 };
  const checked = await checkSheet(spec, user, sheet, { client: db(), locale, fileSha256: sha256(bytes) });
  if (!('token' in checked)) return { status: 'failed', ...checked, rows: sheet.rows.length };
  return { status: 'preview', rows: checked.rows.length, token: checked.token, plan: summarize(spec, checked, locale), ms: Math.round(performance.now() - started), read: checked.read };
}
