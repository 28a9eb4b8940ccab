import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { UndoImportForm } from '@/components/imports/undo-import-form';
import { requireUser } from '@/lib/auth/current-user';
import { parseId } from '@/lib/ids';
import { toLocale } from '@/lib/i18n/config';
import { formatCount } from '@/lib/i18n/format';
import { getImport } from '@/lib/imports/queries';

/** The counts an import keeps, in reading order (PostgreSQL's jsonb sorts keys by length). */
const COUNT_ORDER = ['villagesCreated', 'villagesChanged', 'incomesCreated', 'incomesChanged', 'rowsUnchanged', 'projectsCreated', 'updatesPosted', 'beneficiariesCreated', 'beneficiariesChanged', 'commitmentsCreated', 'pioneersCreated'] as const;

/** One import: what it created, every value it changed (before → after), and its undo. */
export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = parseId((await params).id);
  const found = id === null ? null : await getImport(user, id);
  if (!found) notFound();
  const [t, locale] = await Promise.all([getTranslations('imports'), getLocale().then(toLocale)]);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  // The values people entered (amount, population, households); who reported it and its source are restored by an undo too.
  const fields = (values: Record<string, unknown>, shownKeys: Record<string, unknown>) =>
    Object.entries(values)
      .filter(([k]) => k in shownKeys && t.has(`fields.${k}` as never))
      .map(([k, v]) => `${t(`fields.${k}` as never)} ${v === null || v === undefined ? '—' : /^\d+(\.\d+)?$/.test(String(v)) ? formatCount(String(v), locale) : String(v)}`)
      .join('，');
  return (
    <article className="space-y-4 text-sm">
      <header>
        <p><Link href="/imports" className="text-red-900 hover:underline">{t('title')}</Link></p>
        <h1 className="text-xl font-semibold">{t('detail', { id: found.id })} · {t(found.kind as 'villages')}</h1>
        <p className="text-slate-600">
          {time.format(found.createdAt)} · {found.by ?? '—'} · {found.fileName ?? '—'} · {t('rows')} {formatCount(found.rows, locale)} ·{' '}
          {found.undoneAt ? t('undone', { time: time.format(found.undoneAt) }) + (found.undoneBy ? ` (${found.undoneBy})` : '') : t('standing')}
        </p>
      </header>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">{t('outcome')}</h2>
        <ul className="list-inside list-disc">
          {COUNT_ORDER.filter((key) => key in found.counts).map((key) => (
            <li key={key}>{t(`counts.${key}`)}：{formatCount(found.counts[key]!, locale)}</li>
          ))}
        </ul>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">{t('changedRecords')}</h2>
        {found.changedCount === 0 ? (
          <p className="text-slate-600">{t('noChanges')}</p>
        ) : (
          <div className="overflow-x-auto">
            {found.changedCount > found.changed.length && <p className="text-slate-600">{t('shownFirst', { shown: found.changed.length })}</p>}
            <DataTable
              dense
              className=""
              rows={found.changed}
              rowKey={(c) => `${c.entity}-${c.id}`}
              columns={[
                { label: t('record'), cell: (c) => c.label },
                { label: t('before'), cell: (c) => fields(c.before, c.after) },
                { label: t('after'), cell: (c) => fields(c.after, c.after) },
              ]}
            />
          </div>
        )}
      </section>
      {found.canUndo && <UndoImportForm importId={found.id} version={found.version} />}
    </article>
  );
}
