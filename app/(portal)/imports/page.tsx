import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ImportForm } from '@/components/imports/import-form';
import { requireUser } from '@/lib/auth/current-user';
import { toLocale } from '@/lib/i18n/config';
import { formatCount } from '@/lib/i18n/format';
import { canReadImports, importKinds, listImports } from '@/lib/imports/queries';

export default async function ImportsPage() {
  const user = await requireUser();
  const kinds = importKinds(user);
  if (kinds.length === 0 && !canReadImports(user)) notFound();
  const [t, locale, history] = await Promise.all([getTranslations('imports'), getLocale().then(toLocale), listImports(user)]);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      {kinds.map((kind) => (
        <ImportForm key={kind} kind={kind} />
      ))}
      <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 className="mb-2 font-semibold">{t('history')}</h2>
        {history.length === 0 ? (
          <p className="text-slate-600">{t('noHistory')}</p>
        ) : (
          <div className="overflow-x-auto">
            <DataTable
              dense
              className=""
              rows={history}
              rowKey={(i) => i.id}
              columns={[
                { label: t('when'), cellClassName: () => 'whitespace-nowrap', cell: (i) => <Link href={`/imports/${i.id}`} className="text-red-900 hover:underline">{time.format(i.createdAt)}</Link> },
                { label: t('kind'), cell: (i) => t(i.kind as 'villages') },
                { label: t('fileName'), cellClassName: () => 'break-all', cell: (i) => i.fileName ?? '—' },
                { label: t('who'), cell: (i) => i.by ?? '—' },
                { label: t('rows'), numeric: true, cell: (i) => formatCount(i.rows, locale) },
                { label: t('state'), cell: (i) => (i.undoneAt ? t('undone', { time: time.format(i.undoneAt) }) : t('standing')) },
              ]}
            />
          </div>
        )}
      </section>
    </div>
  );
}
