import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { firstValues, searchText, type SearchParams } from '@/lib/lists/params';
import { search } from '@/lib/search/queries';

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const q = searchText.parse(firstValues(await searchParams).q);
  const [t, groups] = await Promise.all([getTranslations('search'), q ? search(user, q) : []]);
  const found = groups.filter((g) => g.total > 0);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{q ? t('resultsFor', { q }) : t('title')}</h1>
      <form method="get" role="search" aria-label={t('label')} className="flex max-w-xl gap-2 text-sm">
        <label htmlFor="search-q" className="sr-only">{t('label')}</label>
        <input id="search-q" name="q" type="search" defaultValue={q ?? ''} maxLength={60} placeholder={t('placeholder')} className="min-w-0 flex-1 rounded border border-slate-300 px-3 py-2" />
        <button type="submit" className="rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900">{t('submit')}</button>
      </form>
      {!q && <p className="text-sm text-slate-600">{t('hint')}</p>}
      {q && found.length === 0 && <p role="status" className="text-sm text-slate-600">{t('none', { q })}</p>}
      {found.map((g) => (
        <section key={g.kind} aria-labelledby={`search-${g.kind}`} className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id={`search-${g.kind}`} className="font-semibold">
            {t(`kind.${g.kind}`)} <span className="text-sm font-normal text-slate-500">{t('count', { count: g.total })}</span>
          </h2>
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {g.hits.map((h) => (
              <li key={h.id} className="py-1.5">
                <Link href={h.href} className="font-medium text-red-900 hover:underline">{h.name}</Link>
                {h.context && <span className="ml-2 text-slate-500">{h.context}</span>}
              </li>
            ))}
          </ul>
          {g.total > g.hits.length && <p className="mt-2 text-xs text-slate-500">{t('more', { shown: g.hits.length, total: g.total })}</p>}
        </section>
      ))}
    </div>
  );
}
