import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';

export type TableColumn = { key: string; label: string; numeric?: boolean };

/** A chart with its title, description, "as of" line and the same numbers as an accessible table. */
export async function ChartFrame({
  id,
  title,
  description,
  asOf,
  columns,
  rows,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  asOf?: string;
  columns: TableColumn[];
  rows: Record<string, string | number>[];
  children: React.ReactNode;
}) {
  const t = await getTranslations('dashboard');
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {description && <p className="text-xs text-slate-600">{description}</p>}
      {asOf && <p className="text-xs text-slate-500">{asOf}</p>}
      <div className="mt-2" aria-hidden="true">
        {rows.length ? children : <p className="py-8 text-center text-sm text-slate-500">{t('noData')}</p>}
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-red-800">{t('tableView')}</summary>
        <DataTable
          dense
          className="mt-2"
          caption={title}
          rows={rows}
          rowKey={(_, i) => i}
          columns={columns.map((c) => ({ label: c.label, numeric: c.numeric, cell: (row: Record<string, string | number>) => row[c.key] }))}
        />
      </details>
    </section>
  );
}
