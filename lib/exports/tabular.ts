import ExcelJS from 'exceljs';

/**
 * How a column's values are written. XLSX stores money (yuan, as exact decimal text or a
 * number), counts and numbers as numeric cells with a number format, so Excel can sum them,
 * and dates as dates; CSV stays plain text, formula-safe.
 */
export type ColumnKind = 'text' | 'money' | 'count' | 'number' | 'date';
export type Column = { key: string; header: string; width?: number; kind?: ColumnKind };
export type Cell = string | number | Date | null;
export type Table = {
  name: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** XLSX only: lines above the header, e.g. the list's title, its filters and "as of" date. */
  caption?: string[];
};

/** Exports never grow without bound: a view larger than this must be narrowed by filters. */
export const MAX_EXPORT_ROWS = 10_000;

const NUMERIC = new Set<ColumnKind>(['money', 'count', 'number']);
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
const FORMATS: Partial<Record<ColumnKind, string>> = { money: '#,##0.00', count: '#,##0', number: '#,##0.##', date: 'yyyy-mm-dd' };

const dateText = (value: Date) => value.toISOString().slice(0, 10);

function csvCell(value: Cell, kind: ColumnKind = 'text'): string {
  if (value === null) return '';
  const text = value instanceof Date ? dateText(value) : String(value);
  // Quote when needed; neutralise spreadsheet formulas (CSV injection). A number in a numeric column is a number.
  const number = typeof value === 'number' || (NUMERIC.has(kind) && NUMBER_TEXT.test(text));
  const safe = /^[=+\-@\t\r]/.test(text) && !number ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a BOM, so Excel opens Chinese text correctly. */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c.key] ?? null, c.kind)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A cell as XLSX stores it: numbers for numeric columns (text that is no number stays text), dates as dates. */
function xlsxValue(value: Cell, kind: ColumnKind = 'text'): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (NUMERIC.has(kind)) {
    if (typeof value === 'number') return value;
    const text = String(value);
    return NUMBER_TEXT.test(text) ? Number(text) : text;
  }
  if (kind === 'date') {
    if (value instanceof Date) return value;
    return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? new Date(`${value}T00:00:00Z`) : String(value);
  }
  return value instanceof Date ? dateText(value) : value;
}

/** Display width of a text: CJK characters count double. */
const textWidth = (text: string) => [...text].reduce((n, ch) => n + (ch.codePointAt(0)! > 0x2e80 ? 2 : 1), 0);

function shownWidth(value: Cell, kind: ColumnKind = 'text') {
  if (value === null) return 0;
  if (NUMERIC.has(kind) && NUMBER_TEXT.test(String(value))) {
    const [whole = ''] = String(value).replace('-', '').split('.');
    return whole.length + Math.floor((whole.length - 1) / 3) + (kind === 'money' ? 3 : 0) + 1;
  }
  if (kind === 'date') return 10;
  return textWidth(value instanceof Date ? dateText(value) : String(value));
}

function addSheet(book: ExcelJS.Workbook, table: Table, used: Set<string>) {
  // Sheet names: at most 31 characters, none of []:*?/\, unique in the book.
  let name = table.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
  for (let n = 2; used.has(name); n++) name = `${table.name.slice(0, 27)} (${n})`;
  used.add(name);
  const caption = table.caption ?? [];
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: caption.length + 1 }] });
  caption.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line;
    cell.font = i === 0 ? { bold: true, size: 14 } : { color: { argb: 'FF555555' } };
  });
  const header = sheet.getRow(caption.length + 1);
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.key = c.key;
    const widest = table.rows.reduce((w, row) => Math.max(w, shownWidth(row[c.key] ?? null, c.kind)), textWidth(c.header));
    column.width = c.width ?? Math.min(50, Math.max(8, widest + 2));
    if (FORMATS[c.kind ?? 'text']) column.numFmt = FORMATS[c.kind ?? 'text']!;
    header.getCell(i + 1).value = c.header;
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => xlsxValue(row[c.key] ?? null, c.kind)));
  sheet.autoFilter = { from: { row: caption.length + 1, column: 1 }, to: { row: caption.length + 1, column: Math.max(1, table.columns.length) } };
}

/** One table, or several (a sheet each, e.g. the meeting workbook of every dashboard table). */
export async function toXlsx(tables: Table | Table[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const table of Array.isArray(tables) ? tables : [tables]) addSheet(book, table, used);
  return Buffer.from(await book.xlsx.writeBuffer());
}
