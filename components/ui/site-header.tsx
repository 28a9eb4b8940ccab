import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { HeaderSearch } from './header-search';
import { LocaleSwitcher } from './locale-switcher';

/** The red band: title, the search box for signed-in pages (`search`), the language. */
export async function SiteHeader({ search = false }: { search?: boolean }) {
  const t = await getTranslations('app');
  return (
    <header className="bg-red-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div>
          <Link href="/" className="text-lg font-semibold">
            {t('title')}
          </Link>
          <p className="text-xs text-red-100">{t('subtitle')}</p>
        </div>
        {search && <HeaderSearch />}
        <LocaleSwitcher />
      </div>
    </header>
  );
}
