import ExcelJS from 'exceljs';

// How the portal read an XLSX before uploads were read in a worker thread
// (ExcelJS's Workbook.xlsx.load, whole file in memory): the reference the
// streaming reader must agree with on ordinary files.

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    // An error value is no blank: the reader marks it (CELL_ERROR) for the check to refuse.
    if ('error' in value) return `\u0000E${value.error}`;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).trim();
}

/** Rows of trimmed cell texts, trailing blank cells and rows dropped (as the import engine sees them). */
export async function referenceRows(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => cellText(v).trim()));
  });
  return normalise(rows);
}

export function normalise(rows: string[][]) {
  const out = rows.map((r) => {
    const cells = Array.from(r, (c) => (c ?? '').trim());
    while (cells.length && cells.at(-1) === '') cells.pop();
    return cells;
  });
  while (out.length && out.at(-1)!.length === 0) out.pop();
  return out;
}

/** A workbook with what clerks' files have: dates, formulas, rich text, merged cells, hyperlinks, gaps, blank rows. */
export async function varietyWorkbook() {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('数据');
  book.addWorksheet('second').addRow(['not', 'read']);
  sheet.addRow(['区', ' 片区 ', '村', '人口', '开始日期', '备注']);
  sheet.addRow(['测试区', '甲片区', '甲一村', 1500, new Date(Date.UTC(2024, 2, 15)), '  前后空格  ']);
  sheet.addRow(['测试区', '甲片区', { richText: [{ text: '富' }, { font: { bold: true }, text: '文本村' }] }, { formula: 'D2*2', result: 3000 }, { formula: 'E2+1', result: new Date(Date.UTC(2024, 2, 16)) }, { text: '链接', hyperlink: 'https://example.org' }]);
  sheet.addRow([]);
  sheet.addRow(['测试区', null, '乙村', 0.1 + 0.2, true, { error: '#N/A' }]);
  sheet.getCell('B5').value = { formula: 'A5&"x"', result: '测试区x' };
  sheet.addRow(['合并区', '丙片区', '丙村', -12.5, new Date(Date.UTC(2025, 11, 31, 12)), 'a,b"c']);
  sheet.addRow(['', '', '丁村', 1e21, '', '']);
  sheet.mergeCells('A6:A7');
  sheet.getCell('H9').value = '远处';
  sheet.getColumn(5).numFmt = 'yyyy-mm-dd';
  sheet.getCell('E5').numFmt = 'yyyy"年"m"月"d"日"';
  sheet.getCell('E5').value = 45000;
  sheet.addRow([]);
  sheet.addRow([]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
