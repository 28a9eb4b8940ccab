import Link from 'next/link';
import type { ReactNode } from 'react';

/** A sortable column's link and state (`sortColumn` in components/lists/list-controls.tsx builds it from the URL). */
export type ColumnSort = { href: string; state: 'ascending' | 'descending' | 'none' };

export type Column<Row> = {
  /** The header, and the label each cell shows in front of its value on a phone. */
  label: string;
  cell: (row: Row, index: number) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** The header says its label to screen readers only (a column of buttons). */
  hideLabel?: boolean;
  /** On a phone the value goes below its label, full width (forms, long text), instead of beside it. */
  wide?: boolean;
  sort?: ColumnSort;
  /** Extra classes for this column's cells, by row (a failed result in red). */
  cellClassName?: (row: Row) => string;
};

/**
 * Every table in the portal. On a phone (below 640 px, `table.stack-sm` in app/globals.css) each row
 * becomes a card of "label: value" lines, the labels taken from the columns — so no page can forget
 * them and no narrow column shows one character per line. Its cells' padding, rules, numeric
 * alignment and links are styled once in `table.data-table` (app/globals.css), not repeated on
 * every cell: a dashboard carries hundreds of cells, each written twice (HTML and React payload).
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  dense = false,
  className = 'text-sm',
  rowClassName,
  rowSample,
}: {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** Names the table for screen readers when no heading above it does. */
  caption?: string;
  /** Tighter rows (tables inside forms and reports). */
  dense?: boolean;
  className?: string;
  rowClassName?: (row: Row) => string;
  /** Rows computed from sample records carry data-sample (their visible mark is in a cell). */
  rowSample?: (row: Row) => boolean;
}) {
  return (
    <table className={`stack-sm data-table ${dense ? 'dense' : ''} w-full text-left ${className}`}>
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" {...setOnly({ 'aria-sort': c.sort?.state, 'data-numeric': c.numeric })}>
              {c.sort ? (
                <Link href={c.sort.href} className="hover:text-red-800">
                  {c.label}
                  {c.sort.state === 'ascending' ? ' ↑' : c.sort.state === 'descending' ? ' ↓' : ''}
                </Link>
              ) : c.hideLabel ? (
                <span className="sr-only">{c.label}</span>
              ) : (
                c.label
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={rowKey(row, r)} {...setOnly({ className: rowClassName?.(row), 'data-sample': rowSample?.(row) })}>
            {columns.map((c, i) => (
              <td
                key={i}
                {...setOnly({ 'data-label': !c.hideLabel && c.label, 'data-wide': c.wide, 'data-numeric': c.numeric, className: c.cellClassName?.(row) })}
              >
                {/* One box for the value, so that on a phone it sits beside its label as one piece. */}
                <div>{c.cell(row, r)}</div>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The attributes that are set. React's payload writes every prop passed as undefined out as
 * "$undefined": four per cell were a fifth of a long table's bytes.
 */
function setOnly(attributes: Record<string, string | boolean | undefined>): Record<string, string | true> {
  return Object.fromEntries(Object.entries(attributes).filter((entry): entry is [string, string | true] => entry[1] !== undefined && entry[1] !== false && entry[1] !== ''));
}
