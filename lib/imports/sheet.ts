import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

// Reading an uploaded spreadsheet (XLSX, or CSV in UTF-8) into header + rows of
// strings, with limits, and telling a spreadsheet from anything else.

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export type Sheet = { headers: string[]; rows: string[][] };
export type SheetError = 'empty' | 'tooLarge' | 'tooManyRows' | 'notSpreadsheet';

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).trim();
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    rows.push(values);
  });
  return rows;
}

function readCsv(bytes: Buffer): string[][] | null {
  const text = bytes.toString('utf8');
  // Binary content (images, archives, documents) is not CSV.
  if (text.includes('\uFFFD') || /[\x00-\x08\x0E-\x1F]/.test(text.slice(0, 4096))) return null;
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch {
    return null;
  }
}

/** The first sheet of an XLSX or a CSV file, or the reason it cannot be read. */
export async function readSheet(bytes: Buffer): Promise<Sheet | SheetError> {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > MAX_IMPORT_BYTES) return 'tooLarge';
  let rows: string[][] | null;
  if (isZip(bytes)) {
    rows = await readXlsx(bytes).catch(() => null);
  } else {
    rows = readCsv(bytes);
  }
  if (rows === null) return 'notSpreadsheet';
  // Trailing blank lines are not rows.
  while (rows.length && rows.at(-1)!.every((c) => c === '')) rows.pop();
  if (rows.length < 2) return 'empty';
  if (rows.length - 1 > MAX_IMPORT_ROWS) return 'tooManyRows';
  const [headers, ...body] = rows;
  return { headers: headers!.map((h) => h.trim()), rows: body };
}
