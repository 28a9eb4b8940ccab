import { getTranslations } from 'next-intl/server';

/** The header's search box: a plain GET form to /search, so it works before (and without) JavaScript. */
export async function HeaderSearch({ query }: { query?: string }) {
  const t = await getTranslations('search');
  return (
    <form action="/search" method="get" role="search" aria-label={t('label')} className="order-last flex w-full min-w-0 sm:order-none sm:w-72">
      <label htmlFor="header-search" className="sr-only">{t('label')}</label>
      <input
        id="header-search"
        name="q"
        type="search"
        defaultValue={query}
        maxLength={60}
        placeholder={t('placeholder')}
        autoComplete="off"
        className="min-w-0 flex-1 rounded-l border border-white/40 bg-white px-3 py-1.5 text-sm text-slate-900 placeholder:text-slate-500"
      />
      <button type="submit" className="rounded-r border border-l-0 border-white/40 bg-red-900 px-3 text-sm text-white hover:bg-red-950">
        {t('submit')}
      </button>
    </form>
  );
}
