import { writeAudit } from '@/lib/audit/log';
import type { SessionUser } from '@/lib/auth/policy';
import { db, type Prisma } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/config';
import { translateIssue, translator } from '@/lib/i18n/translator';
import { readSheet } from './sheet';

// One way every import runs: read the sheet, check its headers, validate every
// row (collecting every error by row and column), and only when there is none
// write all rows in one transaction with one audit row. A preview does
// everything but the write.

export type ImportColumn = { key: string; zh: string; en: string };
export type RowIssue = { column: string; key: `validation.${string}`; params?: Record<string, string | number> };
export type RowResult<V> = { value: V } | { issues: RowIssue[] };

export type ImportSpec<Ctx, V> = {
  kind: string;
  columns: ImportColumn[];
  /** May this user run this import at all? */
  allowed: (user: SessionUser) => boolean;
  /** What validation needs from the database, read once (never per row). */
  load: (user: SessionUser) => Promise<Ctx>;
  /** One row's cells by column key; the context carries what earlier rows claimed (duplicates). */
  validate: (cells: Record<string, string>, ctx: Ctx) => RowResult<V>;
  apply: (tx: Prisma.TransactionClient, values: V[], ctx: Ctx, user: SessionUser) => Promise<Record<string, number>>;
};

export type ImportError = { row: number; column: string; message: string };
export type ImportOutcome =
  | { status: 'failed'; message: string; errors: ImportError[]; rows: number }
  | { status: 'preview' | 'committed'; rows: number; counts: Record<string, number>; ms: number };

const MAX_REPORTED_ERRORS = 500;

export function headerLabel(column: ImportColumn, locale: Locale) {
  return locale === 'zh-CN' ? column.zh : column.en;
}

export async function runImport<Ctx, V>(
  spec: ImportSpec<Ctx, V>,
  user: SessionUser | null,
  bytes: Buffer,
  options: { commit: boolean; locale: Locale; fileName?: string },
): Promise<ImportOutcome> {
  const started = performance.now();
  const t = translator(options.locale);
  const fail = (message: string, errors: ImportError[] = [], rows = 0): ImportOutcome => ({ status: 'failed', message, errors, rows });
  if (!user || !spec.allowed(user)) return fail(t('errors.denied'));

  const sheet = await readSheet(bytes);
  if (typeof sheet === 'string') return fail(t(`imports.${sheet}`));

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
    return fail(t('imports.wrongHeaders', { missing: missing.join('、') || '—', unknown: unknown.join('、') || '—' }));
  }

  const ctx = await spec.load(user);
  const values: V[] = [];
  const errors: ImportError[] = [];
  sheet.rows.forEach((cells, i) => {
    const record = Object.fromEntries(spec.columns.map((c) => [c.key, (cells[index.get(c.key)!] ?? '').trim()]));
    if (Object.values(record).every((v) => v === '')) return; // a blank line in the middle
    const result = spec.validate(record, ctx);
    if ('value' in result) values.push(result.value);
    else
      for (const issue of result.issues) {
        const column = spec.columns.find((c) => c.key === issue.column);
        errors.push({ row: i + 2, column: column ? headerLabel(column, options.locale) : issue.column, message: translateIssue(issue.key, options.locale, issue.params) });
      }
  });
  if (errors.length) {
    return fail(t('imports.rowErrors', { count: errors.length }), errors.slice(0, MAX_REPORTED_ERRORS), sheet.rows.length);
  }
  if (values.length === 0) return fail(t('imports.empty'));

  if (!options.commit) {
    return { status: 'preview', rows: values.length, counts: {}, ms: Math.round(performance.now() - started) };
  }
  const counts = await db().$transaction(
    async (tx) => {
      const result = await spec.apply(tx, values, ctx, user);
      await writeAudit(tx, {
        actorId: user.id,
        actorName: user.username,
        action: `import.${spec.kind}`,
        entity: 'Import',
        entityId: null,
        after: { file: options.fileName ?? null, rows: values.length, ...result },
      });
      return result;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { status: 'committed', rows: values.length, counts, ms: Math.round(performance.now() - started) };
}
