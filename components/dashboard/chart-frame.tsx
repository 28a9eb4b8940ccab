import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { SampleTag } from '@/components/ui/sample-banner';
import { Definition } from './definition';

export type TableColumn = { key: string; label: string; numeric?: boolean };
/** A row of the table view: its cells, the list behind it (the first cell links there), and whether any record under it is sample data. */
export type TableRow = { cells: Record<string, string | number>; href?: string; sample?: boolean };

/**
 * A chart with its title, definition (ⓘ), sample mark, description, "as of" line and the same
 * numbers as an accessible table whose rows open the lists behind them.
 */
export async function ChartFrame({
  id,
  title,
  definition,
  sample,
  description,
  note,
  asOf,
  columns,
  rows,
  children,
}: {
  id: string;
  title: string;
  definition: string;
  sample: boolean;
  description?: string;
  note?: string;
  asOf?: string;
  columns: TableColumn[];
  rows: TableRow[];
  children: React.ReactNode;
}) {
  const t = await getTranslations('dashboard');
  const sampleTag = <SampleTag />;
  // When every row is sample the title's mark says so once; a mark on each row tells rows apart.
  const everyRowSample = rows.every((row) => row.sample);
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-chart={id} data-sample={sample ? 'true' : undefined}>
      <div className="flex items-start justify-between gap-2">
        <span>
          <h2 id={id} className="inline font-semibold">
            {title}
          </h2>
          {sample && sampleTag}
        </span>
        <Definition text={definition} label={`${t('definition')}：${title}`} />
      </div>
      {description && <p className="text-xs text-slate-600">{description}</p>}
      {asOf && <p className="text-xs text-slate-500">{asOf}</p>}
      <div className="mt-2" aria-hidden="true">
        {rows.length ? children : <p className="py-8 text-center text-sm text-slate-500">{t('noData')}</p>}
      </div>
      {note && <p className="mt-1 text-xs text-amber-800">{note}</p>}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-red-800">{t('tableView')}</summary>
        <DataTable
          dense
          className="mt-2"
          caption={title}
          rows={rows}
          rowKey={(_, i) => i}
          rowSample={(row) => Boolean(row.sample)}
          columns={columns.map((c, j) => ({
            label: c.label,
            numeric: c.numeric,
            cell: (row: TableRow) => (
              <>
                {j === 0 && row.href ? <Link href={row.href}>{row.cells[c.key]}</Link> : row.cells[c.key]}
                {j === 0 && row.sample && !everyRowSample && sampleTag}
              </>
            ),
          }))}
        />
      </details>
    </section>
  );
}
