import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { withParams } from '@/lib/lists/params';

/** A column header that sorts the list by its key (the URL keeps the choice). */
export function SortHeader({ label, sortKey, current, numeric }: { label: string; sortKey: string; current: Record<string, string>; numeric?: boolean }) {
  const active = (current.sort ?? '') === sortKey;
  const dir = active && current.dir !== 'desc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (current.dir === 'desc' ? 'descending' : 'ascending') : 'none'} className={`py-2 pr-3 ${numeric ? 'text-right' : ''}`}>
      <Link href={withParams(current, { sort: sortKey, dir })} className="hover:text-red-800">
        {label}
        {active ? (current.dir === 'desc' ? ' ↓' : ' ↑') : ''}
      </Link>
    </th>
  );
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
