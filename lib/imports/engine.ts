import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db, type Prisma } from '@/lib/db/client';
import { isIncomeJump } from '@/lib/metrics/quality';
import type { Locale } from '@/lib/i18n/config';
import { translateIssue, translator } from '@/lib/i18n/translator';
import { readSheet, type Sheet } from './sheet';

// One way every import runs. The check reads the sheet, matches its headers,
// validates every row (every error listed by row and column) and plans the
// write: the rows it creates, and every existing value it changes, before →
// after, with implausible ones flagged. The plan's token is what the user
// saw; the commit (lib/imports/mutations.ts) plans again inside its
// transaction and writes only when the token is the same.

export type ImportKind = 'villages' | 'projects';
export type Tx = Prisma.TransactionClient;
export type ImportColumn = { key: string; zh: string; en: string };
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
};

export type ImportError = { row: number; column: string; message: string };
export type PlanSummary = Omit<ImportPlan, 'changes' | 'warnings'> & {
  changes: ImportChange[];
  warnings: ImportChange[];
  changeCount: number;
  warningCount: number;
  flagged: number;
};
export type ImportOutcome =
  | { status: 'failed'; message: string; errors: ImportError[]; rows: number; importId?: number }
  | { status: 'preview'; rows: number; token: string; plan: PlanSummary; ms: number }
  | { status: 'committed'; rows: number; importId: number; counts: Record<string, number>; ms: number };

export type Checked<V, Ctx = unknown> = { rows: { row: number; value: V }[]; plan: ImportPlan; token: string; flagged: number; ctx: Ctx };

const MAX_REPORTED = 500;

export function headerLabel(column: ImportColumn, locale: Locale) {
  return locale === 'zh-CN' ? column.zh : column.en;
}

/** The policy's view of running this import as this user. */
export const importResource = (kind: ImportKind, user: SessionUser) => ({ kind, soeId: kind === 'projects' ? user.soeId : null });

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

const UNDOABLE_TABLES = new Set(['Village', 'VillageIncome', 'Project']);

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

/**
 * Checks a sheet and plans its write, through `client` (the commit passes its
 * transaction). Errors name the row and column in the user's language.
 */
export async function checkSheet<Ctx, V>(
  spec: ImportSpec<Ctx, V>,
  user: SessionUser,
  sheet: Sheet,
  options: { client: Tx; locale: Locale; fileSha256: string },
): Promise<Checked<V, Ctx> | { message: string; errors: ImportError[] }> {
  const t = translator(options.locale);
  // Headers in either language, in any order; every column must be there, nothing else.
  const index = new Map<string, number>();
  const unknown: string[] = [];
  sheet.headers.forEach((header, i) => {
    const column = spec.columns.find((c) => c.zh === header || c.en === header || c.key === header);
    if (column && !index.has(column.key)) index.set(column.key, i);
    else if (header !== '') unknown.push(header);
  });
  const missing = spec.columns.filter((c) => !index.has(c.key)).map((c) => headerLabel(c, options.locale));
  if (missing.length || unknown.length) {
    return { message: t('imports.wrongHeaders', { missing: missing.join('、') || '—', unknown: unknown.join('、') || '—' }), errors: [] };
  }

  const ctx = await spec.load(options.client, user);
  const rows: { row: number; value: V }[] = [];
  const errors: ImportError[] = [];
  sheet.rows.forEach((cells, i) => {
    const record = Object.fromEntries(spec.columns.map((c) => [c.key, (cells[index.get(c.key)!] ?? '').trim()]));
    if (Object.values(record).every((v) => v === '')) return; // a blank line in the middle
    const result = spec.validate(record, ctx);
    if ('value' in result) rows.push({ row: i + 2, value: result.value });
    else
      for (const issue of result.issues) {
        const column = spec.columns.find((c) => c.key === issue.column);
        errors.push({ row: i + 2, column: column ? headerLabel(column, options.locale) : issue.column, message: translateIssue(issue.key, options.locale, issue.params) });
      }
  });
  if (errors.length) return { message: t('imports.rowErrors', { count: errors.length }), errors: errors.slice(0, MAX_REPORTED) };
  if (rows.length === 0) return { message: t('imports.empty'), errors: [] };

  const plan = await spec.plan(options.client, rows, ctx);
  const scope = importResource(spec.kind, user);
  const token = sha256(JSON.stringify({ kind: spec.kind, soeId: scope.soeId, file: options.fileSha256, rows: rows.length, plan }));
  const flagged = plan.changes.filter((c) => c.flag).length + plan.warnings.length;
  return { rows, plan, token, flagged, ctx };
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
  return { status: 'preview', rows: checked.rows.length, token: checked.token, plan: summarize(spec, checked, locale), ms: Math.round(performance.now() - started) };
}
