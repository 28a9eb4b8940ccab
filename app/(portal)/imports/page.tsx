import Link from 'next/link';
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
            <table className="stack-sm w-full text-left">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3">{t('when')}</th>
                  <th scope="col" className="py-1 pr-3">{t('kind')}</th>
                  <th scope="col" className="py-1 pr-3">{t('fileName')}</th>
                  <th scope="col" className="py-1 pr-3">{t('who')}</th>
                  <th scope="col" className="py-1 pr-3 text-right">{t('rows')}</th>
                  <th scope="col" className="py-1">{t('state')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((i) => (
                  <tr key={i.id} className="border-b border-slate-100">
                    <td data-label={t('when')} className="py-1 pr-3 whitespace-nowrap">
                      <Link href={`/imports/${i.id}`} className="text-red-900 hover:underline">{time.format(i.createdAt)}</Link>
                    </td>
                    <td data-label={t('kind')} className="py-1 pr-3">{t(i.kind as 'villages')}</td>
                    <td data-label={t('fileName')} className="py-1 pr-3 break-all">{i.fileName ?? '—'}</td>
                    <td data-label={t('who')} className="py-1 pr-3">{i.by ?? '—'}</td>
                    <td data-label={t('rows')} className="py-1 pr-3 text-right tabular-nums">{formatCount(i.rows, locale)}</td>
                    <td data-label={t('state')} className="py-1">{i.undoneAt ? t('undone', { time: time.format(i.undoneAt) }) : t('standing')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
