'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { ImportOutcome } from '@/lib/imports/engine';

/** Upload a filled-in template; check it first, then import every row or none. */
export function ImportForm({ kind }: { kind: string }) {
  const t = useTranslations('imports');
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const mode = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? 'preview';
    const form = new FormData(event.currentTarget);
    form.set('mode', mode);
    setPending(true);
    // Whatever happens (no network, a busy or broken server, an answer that is no outcome), the form
    // comes back with the chosen file and says why in words.
    try {
      const response = await fetch(`/api/imports/${kind}`, { method: 'POST', body: form });
      setOutcome(await readOutcome(response, t));
    } catch {
      setOutcome({ status: 'failed', message: t('networkError'), errors: [], rows: 0 });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">{t(kind as 'villages')}</h2>
      <p className="flex gap-3">
        <a href={`/api/imports/${kind}/template?format=xlsx`} className="text-red-800 underline">{t('template')} (.xlsx)</a>
        <a href={`/api/imports/${kind}/template?format=csv`} className="text-red-800 underline">{t('template')} (.csv)</a>
      </p>
      <label className="block">
        {t('file')}
        <input type="file" name="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required className="mt-1 block" />
      </label>
      <div className="flex gap-2">
        <button type="submit" value="preview" disabled={pending} className="rounded border border-red-800 px-4 py-2 text-red-800 disabled:opacity-60">{t('preview')}</button>
        <button type="submit" value="commit" disabled={pending} className="rounded bg-red-800 px-4 py-2 text-white disabled:opacity-60">{t('commit')}</button>
      </div>
      <div aria-live="polite">
        {outcome?.status === 'preview' && <p className="rounded bg-emerald-50 px-3 py-2 text-emerald-800">{t('previewOk', { rows: outcome.rows })}</p>}
        {outcome?.status === 'committed' && <p className="rounded bg-emerald-50 px-3 py-2 text-emerald-800">{t('committed', { rows: outcome.rows, ms: outcome.ms })}</p>}
        {outcome?.status === 'failed' && (
          <div role="alert" className="space-y-2">
            <p className="rounded bg-rose-50 px-3 py-2 text-rose-800">{outcome.message}</p>
            {outcome.errors.length > 0 && (
              <table className="w-full text-left">
                <thead className="border-b border-slate-200 text-slate-600">
                  <tr>
                    <th scope="col" className="py-1 pr-3">{t('row')}</th>
                    <th scope="col" className="py-1 pr-3">{t('column')}</th>
                    <th scope="col" className="py-1">{t('message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.errors.map((e, i) => (
                    <tr key={i} className="border-b border-slate-100">
                      <td className="py-1 pr-3 tabular-nums">{e.row}</td>
                      <td className="py-1 pr-3">{e.column}</td>
                      <td className="py-1">{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </div>
    </form>
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
