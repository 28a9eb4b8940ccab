import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ColumnSort } from '@/components/ui/data-table';
import { withParams } from '@/lib/lists/params';

// Synchronous server components (useTranslations): an async one is streamed as a segment of its
// own, out of order, after the list it belongs to.

/** A column that sorts the list by `sortKey` (the URL keeps the choice): its link and state for DataTable. */
export function sortColumn(sortKey: string, current: Record<string, string>): ColumnSort {
  const active = (current.sort ?? '') === sortKey;
  const descending = active && current.dir === 'desc';
  return { href: withParams(current, { sort: sortKey, dir: active && !descending ? 'desc' : 'asc' }), state: active ? (descending ? 'descending' : 'ascending') : 'none' };
}

/** `hash`: where on the page its links land (`#id`), for a page with several paged lists. */
export function Pagination({ page, total, pageSize, current, hash = '' }: { page: number; total: number; pageSize: number; current: Record<string, string>; hash?: string }) {
  const t = useTranslations('list');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={t('pages')} className="flex items-center gap-4 text-sm">
      <span>{t('total', { count: total })}</span>
      {page > 1 && <Link href={withParams(current, { page: page - 1 }) + hash}>{t('prev')}</Link>}
      <span>{t('page', { page, pages })}</span>
      {page < pages && <Link href={withParams(current, { page: page + 1 }) + hash}>{t('next')}</Link>}
    </nav>
  );
}

/** Export links for the current view (same filters, same scope). */
export function ExportLinks({ path, current }: { path: string; current: Record<string, string> }) {
  const t = useTranslations('list');
  const query = new URLSearchParams(current);
  query.delete('page');
  const link = (format: string) => `${path}?${new URLSearchParams({ ...Object.fromEntries(query), format })}`;
  return (
    <span className="flex gap-3 text-sm">
      <a href={link('csv')} className="text-red-800 underline" download>
        {t('exportCsv')}
      </a>
      <a href={link('xlsx')} className="text-red-800 underline" download>
        {t('exportXlsx')}
      </a>
    </span>
  );
}

/** A list's filter form ends with these: apply the filters, or go back to the list unfiltered (`resetHref`). */
export function FilterActions({ resetHref }: { resetHref: string }) {
  const t = useTranslations('list');
  return (
    <div className="flex items-end gap-3">
      <button type="submit" className="rounded bg-red-800 px-4 py-2 text-white">{t('apply')}</button>
      <Link href={resetHref} className="py-2 text-slate-600 underline">{t('reset')}</Link>
    </div>
  );
}
