import ExcelJS from 'exceljs';

export type Column = { key: string; header: string; width?: number };
export type Table = { name: string; columns: Column[]; rows: Record<string, string | number | null>[] };

/** Exports never grow without bound: a view larger than this must be narrowed by filters. */
export const MAX_EXPORT_ROWS = 10_000;

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote when needed; neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a BOM, so Excel opens Chinese text correctly. */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c.key] ?? null)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(table: Table): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(table.name.slice(0, 31));
  sheet.columns = table.columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of table.rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
