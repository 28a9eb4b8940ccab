'use client';

import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import type { ImportChange, ImportOutcome } from '@/lib/imports/engine';

/**
 * Upload a filled-in template: check it first (every error by row and column,
 * or the new rows and every existing value it changes), then import exactly
 * what the check listed — the check's token travels with the file.
 */
export function ImportForm({ kind }: { kind: string }) {
  const t = useTranslations('imports');
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [checked, setChecked] = useState<Extract<ImportOutcome, { status: 'preview' }> | null>(null);
  const [pending, setPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const mode = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? 'preview';
    const body = new FormData(event.currentTarget);
    body.set('mode', mode);
    if (mode === 'commit' && checked) body.set('token', checked.token);
    setPending(true);
    // Whatever happens (no network, a busy or broken server, an answer that is no outcome), the form
    // comes back with the chosen file and says why in words.
    let result: ImportOutcome;
    try {
      result = await readOutcome(await fetch(`/api/imports/${kind}`, { method: 'POST', body }), t);
    } catch {
      result = { status: 'failed', message: t('networkError'), errors: [], rows: 0 };
    } finally {
      setPending(false);
    }
    setOutcome(result);
    // A failed commit keeps the checked plan on screen, so it can be imported again once the server is back.
    if (result.status === 'preview' || result.status === 'committed' || mode === 'preview') setChecked(result.status === 'preview' ? result : null);
  }

  return (
    <form ref={form} onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">{t(kind as 'villages')}</h2>
      <p className="flex flex-wrap gap-3">
        <a href={`/api/imports/${kind}/template?format=xlsx`} className="text-red-800 underline">{t('template')} (.xlsx)</a>
        <a href={`/api/imports/${kind}/template?format=csv`} className="text-red-800 underline">{t('template')} (.csv)</a>
      </p>
      <label className="block">
        {t('file')}
        <input
          type="file"
          name="file"
          accept=".xlsx,.csv,.txt,.xls,.et,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
          className="mt-1 block max-w-full"
          onChange={() => {
            setOutcome(null);
            setChecked(null);
          }}
        />
      </label>
      <p className="text-slate-600">{t('checkFirst')}</p>
      <div className="flex flex-wrap gap-2">
        <button type="submit" value="preview" disabled={pending} className="rounded border border-red-800 px-4 py-2 text-red-800 disabled:opacity-60">{t('preview')}</button>
      </div>
      <div aria-live="polite" className="space-y-3">
        {checked && <CheckedPlan outcome={checked} pending={pending} />}
        {outcome?.status === 'committed' && (
          <p className="rounded bg-emerald-50 px-3 py-2 text-emerald-800">
            {t('committed', { rows: outcome.rows, ms: outcome.ms })} <Link href={`/imports/${outcome.importId}`} className="underline">{t('detail', { id: outcome.importId })}</Link>
          </p>
        )}
        {outcome?.status === 'failed' && (
          <div role="alert" className="space-y-2">
            <p className="rounded bg-rose-50 px-3 py-2 text-rose-800">
              {outcome.message}{' '}
              {outcome.importId && <Link href={`/imports/${outcome.importId}`} className="underline">{t('detail', { id: outcome.importId })}</Link>}
            </p>
            {outcome.errors.length > 0 && (
              <div className="overflow-x-auto">
                <DataTable
                  dense
                  className=""
                  rows={outcome.errors}
                  rowKey={(_, i) => i}
                  columns={[
                    { label: t('row'), numeric: true, cell: (e) => e.row },
                    { label: t('column'), cell: (e) => e.column },
                    { label: t('value'), cellClassName: () => 'break-all', cell: (e) => (e.value ? e.value : '—') },
                    { label: t('message'), cell: (e) => e.message },
                  ]}
                />
              </div>
            )}
          </div>
        )}
      </div>
    </form>
  );
}

/** What the check found: new records, changed values (flagged ones first), and the button that imports exactly that. */
function CheckedPlan({ outcome, pending }: { outcome: Extract<ImportOutcome, { status: 'preview' }>; pending: boolean }) {
  const t = useTranslations('imports');
  const { plan } = outcome;
  const created = Object.entries(plan.created).filter(([, n]) => n > 0);
  return (
    <div className="space-y-3 rounded border border-emerald-200 bg-emerald-50/40 p-3">
      <p className="font-medium text-emerald-900">{t('checked', { rows: outcome.rows })}</p>
      {outcome.read && (
        <p className="text-slate-700">
          {outcome.read.sheet !== null
            ? t('readSheet', { sheet: outcome.read.sheet, first: outcome.read.firstRow, last: outcome.read.lastRow, header: outcome.read.headerRow })
            : t('readCsv', { first: outcome.read.firstRow, last: outcome.read.lastRow, header: outcome.read.headerRow })}
          {outcome.read.skipped.length > 0 && ` ${t('skipped', { list: outcome.read.skipped.join('；') })}`}
        </p>
      )}
      {created.length > 0 && (
        <p>
          {t('created')}：{created.map(([entity, count]) => t('createdItem', { entity: t.has(`entity.${entity}` as never) ? t(`entity.${entity}` as never) : entity, count })).join('；')}
        </p>
      )}
      {plan.unchanged > 0 && <p>{t('unchanged', { count: plan.unchanged })}</p>}
      {plan.flagged > 0 && <p className="font-medium text-rose-800">{t('flagged', { count: plan.flagged })}</p>}
      <ChangeTable title={t('changes', { count: plan.changeCount })} rows={plan.changes} total={plan.changeCount} empty={t('noChanges')} />
      {plan.warningCount > 0 && <ChangeTable title={t('warnings', { count: plan.warningCount })} rows={plan.warnings} total={plan.warningCount} />}
      {plan.flagged > 0 && (
        <label className="flex items-start gap-2">
          <input type="checkbox" name="acceptFlagged" required className="mt-1" />
          <span>{t('acceptFlagged')}</span>
        </label>
      )}
      <button type="submit" value="commit" disabled={pending} className="rounded bg-red-800 px-4 py-2 text-white disabled:opacity-60">{t('commitChecked')}</button>
    </div>
  );
}

/** A figure as the check found it, with digit grouping (624,054.46); anything else as it is. */
function figure(value: string) {
  return /^\d+(\.\d+)?$/.test(value) ? Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : value;
}

function ChangeTable({ title, rows, total, empty }: { title: string; rows: ImportChange[]; total: number; empty?: string }) {
  const t = useTranslations('imports');
  return (
    <section>
      <h3 className="font-medium">{title}</h3>
      {rows.length === 0 ? (
        empty && <p className="text-slate-600">{empty}</p>
      ) : (
        <div className="overflow-x-auto">
          {total > rows.length && <p className="text-slate-600">{t('shownFirst', { shown: rows.length })}</p>}
          <DataTable
            dense
            className=""
            rows={rows}
            rowKey={(c) => `${c.row}-${c.field}`}
            rowClassName={(c) => (c.flag ? 'bg-rose-50' : '')}
            columns={[
              { label: t('row'), cell: (c) => c.row, cellClassName: () => 'tabular-nums' },
              { label: t('record'), cell: (c) => c.label },
              { label: t('field'), cell: (c) => c.field },
              { label: t('before'), numeric: true, cell: (c) => (c.before !== null ? figure(c.before) : c.reference ? `${t('reference')} ${c.reference}` : '—') },
              { label: t('after'), numeric: true, cell: (c) => (c.after !== null ? figure(c.after) : '—') },
              { label: t('flagged', { count: 0 }), hideLabel: true, cellClassName: () => 'text-rose-800', cell: (c) => c.flag && t(`flag.${c.flag}`) },
            ]}
          />
        </div>
      )}
    </section>
  );
}

/** The server's outcome; an answer without one (an empty 500, a proxy's error page) becomes a failure that says so. */
async function readOutcome(response: Response, t: ReturnType<typeof useTranslations<'imports'>>): Promise<ImportOutcome> {
  const body = (await response.json().catch(() => null)) as ImportOutcome | null;
  if (body?.status === 'failed' && typeof body.message === 'string') return { ...body, errors: Array.isArray(body.errors) ? body.errors : [] };
  if ((body?.status === 'preview' || body?.status === 'committed') && response.ok) return body;
  if (response.status === 413) return { status: 'failed', message: t('tooLarge'), errors: [], rows: 0 };
  if (response.status === 429 || response.status === 503) return { status: 'failed', message: t('busy'), errors: [], rows: 0 };
  return { status: 'failed', message: t('serverError', { status: response.status }), errors: [], rows: 0 };
}
