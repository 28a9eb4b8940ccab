import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ColumnSort } from '@/components/ui/data-table';
import { withParams } from '@/lib/lists/params';

/** A column that sorts the list by `sortKey` (the URL keeps the choice): its link and state for DataTable. */
export function sortColumn(sortKey: string, current: Record<string, string>): ColumnSort {
  const active = (current.sort ?? '') === sortKey;
  const descending = active && current.dir === 'desc';
  return { href: withParams(current, { sort: sortKey, dir: active && !descending ? 'desc' : 'asc' }), state: active ? (descending ? 'descending' : 'ascending') : 'none' };
}

export async function Pagination({ page, total, pageSize, current }: { page: number; total: number; pageSize: number; current: Record<string, string> }) {
  const t = await getTranslations('list');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={t('pages')} className="flex items-center gap-4 text-sm">
      <span>{t('total', { count: total })}</span>
      {page > 1 && <Link href={withParams(current, { page: page - 1 })}>{t('prev')}</Link>}
      <span>{t('page', { page, pages })}</span>
      {page < pages && <Link href={withParams(current, { page: page + 1 })}>{t('next')}</Link>}
    </nav>
  );
}

/** Export links for the current view (same filters, same scope). */
export async function ExportLinks({ path, current }: { path: string; current: Record<string, string> }) {
  const t = await getTranslations('list');
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
