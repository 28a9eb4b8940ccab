import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewImport, type ImportSpec } from '../../lib/imports/engine';
import { projectImport as projectSpec } from '../../lib/imports/projects';
import { readSheet } from '../../lib/imports/sheet';
import { templateTable, templateWorkbook } from '../../lib/imports/template';
import { toCsv } from '../../lib/exports/tabular';
import { villageImport as villageSpec } from '../../lib/imports/villages';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { checkThenCommit } from '../helpers/imports';
import { buildWorld, type World } from '../helpers/fixtures';

// Files made the way Chinese Excel and WPS make them, and the way government
// offices lay out their sheets: read right, or refused at the bad cell with its
// value and the right column named.

let database: TestDatabase;
let world: World;
beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

const villageImport = villageSpec as unknown as ImportSpec<never, never>;
const projectImport = projectSpec as unknown as ImportSpec<never, never>;
const HEADERS = ['区', '片区', '村', '人口', '户数', '年份', '村集体经济收入（元）'];

/** "CSV (逗号分隔)" as Chinese Excel and WPS save it: GBK, no BOM, CRLF, quotes where a comma is. */
const gbkCsv = (rows: string[][]) => iconv.encode(rows.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n') + '\r\n', 'gbk');

async function incomeOf(village: string, year: number) {
  const row = await database.prisma.villageIncome.findFirst({ where: { year, village: { name: village } } });
  return row?.amount.toString() ?? null;
}

const commit = (spec: ImportSpec<never, never>, user: World['users']['admin'], bytes: Buffer) => checkThenCommit(spec, user, bytes, { acceptFlagged: true });

describe('text encodings of CSV', () => {
  it('decodes GBK/GB18030 CSV as Chinese Excel and WPS save it, and the same rows in UTF-8, UTF-16 and tab-separated Unicode text', async () => {
    const rows = [HEADERS, ['测试区', '甲片区', '甲一村', '1,200', '380', '2024', '81,100.50'], ['测试区', '乙片区', '乙一村', '', '', '', '']];
    const expected = { headers: HEADERS, rows: rows.slice(1), sheet: null };
    expect(await readSheet(gbkCsv(rows))).toEqual(expected);
    // A character outside GBK (GB18030's four-byte range) too.
    expect(await readSheet(iconv.encode('区,村\r\n测试区,𠮷村\r\n', 'gb18030'))).toMatchObject({ rows: [['测试区', '𠮷村']] });
    const text = rows.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n');
    const tabs = rows.map((r) => r.join('\t')).join('\r\n');
    expect(await readSheet(Buffer.from(text, 'utf8'))).toEqual(expected);
    expect(await readSheet(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual(expected);
    expect(await readSheet(Buffer.from(text, 'utf16le'))).toEqual(expected);
    expect(await readSheet(iconv.encode(text, 'utf16-be', { addBOM: true }))).toEqual(expected);
    expect(await readSheet(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabs, 'utf16le')]))).toEqual(expected);
  });

  it('imports the portal template saved by Excel as GBK CSV', async () => {
    const file = gbkCsv([HEADERS, ['测试区', '甲片区', '甲二村', '1,200人', '', '2024年', '52万元']]);
    expect(await commit(villageImport, world.users.admin, file)).toMatchObject({ status: 'committed', counts: { incomesCreated: 1 } });
    expect(await incomeOf('甲二村', 2024)).toBe('520000');
  });

  it('still refuses binary files, and names .xls and says to save as .xlsx', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8, 0x00, 0x01]);
    expect(await readSheet(png)).toBe('notSpreadsheet');
    const xls = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(xls);
    expect(await readSheet(xls)).toBe('xls');
    const outcome = await previewImport(villageImport, world.users.admin, xls, 'zh-CN');
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome.status === 'failed' && outcome.message).toMatch(/\.xls[^x].*\.xlsx/);
  });
});

/** A sheet as a district office sends it: instructions first, a title, a two-row merged header, units in cells, a 合计 row. */
async function governmentWorkbook() {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('填表说明').addRow(['请按下表填写，金额单位：万元。']);
  const sheet = book.addWorksheet('数据');
  sheet.addRow(['2025年村集体经济收入统计表']);
  sheet.mergeCells('A1:H1');
  sheet.addRow(['填报单位：测试区农业农村局']);
  sheet.mergeCells('A2:H2');
  sheet.addRow(['序号', ' 区 ', '片区', '村', '规模', '', '年份', '村集体经济\n收入 (万元)']);
  sheet.addRow(['', '', '', '', '人口', '户 数', '', '']);
  for (const col of ['A', 'B', 'C', 'D', 'G', 'H']) sheet.mergeCells(`${col}3:${col}4`);
  sheet.mergeCells('E3:F3');
  sheet.addRow([1, '测试区', '甲片区', '甲一村', '1,200', '380户', '2025年', 45.5]);
  sheet.addRow([2, '测试区', '甲片区', '甲二村', 800, 200, 2025, { formula: 'H5*1.1', result: 50.050000000000004 }]);
  sheet.addRow([3, '测试区', '乙片区', '乙一村', '', '', '2025', '52万元']);
  sheet.addRow([4, '测试区', '乙片区', '新村', '', '', 2025, '81,100元']);
  sheet.addRow(['合计', '', '', '', '', '', '', { formula: 'SUM(H5:H8)', result: 205.76 }]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('government sheets', () => {
  it('finds the data sheet, the title and two-row header, reads units, counts and years in cells, rounds float noise, skips the 合计 row, and says what it read', async () => {
    const file = await governmentWorkbook();
    const preview = await previewImport(villageImport, world.users.admin, file, 'zh-CN');
    expect(preview).toMatchObject({ status: 'preview', rows: 4 });
    expect(preview.status === 'preview' && preview.read).toEqual({ sheet: '数据', headerRow: 4, firstRow: 5, lastRow: 8, skipped: ['第 9 行：合计（合计行）'] });
    expect(await commit(villageImport, world.users.admin, file)).toMatchObject({ status: 'committed' });
    expect(await incomeOf('甲一村', 2025)).toBe('455000');
    expect(await incomeOf('甲二村', 2025)).toBe('500500');
    expect(await incomeOf('乙一村', 2025)).toBe('520000');
    expect(await incomeOf('新村', 2025)).toBe('81100');
    expect(await database.prisma.village.findFirstOrThrow({ where: { name: '甲一村' } })).toMatchObject({ population: 1200, households: 380 });
  });

  it('refuses an error cell, a formula without a cached result, a typo in 区 and an unreadable amount, each with its value and the right column', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('数据');
    sheet.addRow(HEADERS);
    sheet.addRow(['测试区', '甲片区', '甲一村', '', '', 2023, { formula: '1/0', result: { error: '#DIV/0!' } }]);
    sheet.addRow(['测试区', '甲片区', '甲二村', '', '', 2023, { formula: 'SUM(A1:A2)' }]);
    sheet.addRow(['测式区', '甲片区', '甲二村', '', '', 2022, '1000']);
    sheet.addRow(['测试区', '甲片区', '甲一村', '', '', 2022, '约50万']);
    const outcome = await previewImport(villageImport, world.users.admin, Buffer.from(await book.xlsx.writeBuffer()), 'zh-CN');
    expect(outcome.status).toBe('failed');
    const errors = outcome.status === 'failed' ? outcome.errors : [];
    expect(errors.map(({ row, column, value }) => ({ row, column, value }))).toEqual([
      { row: 2, column: '村集体经济收入（元）', value: '#DIV/0!' },
      { row: 3, column: '村集体经济收入（元）', value: '=SUM(A1:A2)' },
      { row: 4, column: '区', value: '测式区' },
      { row: 5, column: '村集体经济收入（元）', value: '约50万' },
    ]);
    expect(errors[0]!.message).toContain('#DIV/0!');
    expect(errors[1]!.message).toContain('=SUM(A1:A2)');
    // The same error typed in a CSV saved from Excel.
    const csv = await previewImport(villageImport, world.users.admin, gbkCsv([HEADERS, ['测试区', '甲片区', '甲一村', '', '', '2023', '#DIV/0!']]), 'zh-CN');
    expect(csv.status === 'failed' && csv.errors[0]).toMatchObject({ row: 2, column: '村集体经济收入（元）', value: '#DIV/0!' });
  });

  it('reads dates as 2025/3/1 and 2025年3月1日, and 万元 in an amount cell, in a project import', async () => {
    const headers = ['片区', '项目名称', '合作模式', '合作方式', '成效领域', '工作类别', '状态', '计划投资（元）', '开始日期', '结束日期', '涉及村（用、分隔）'];
    const file = gbkCsv([headers, ['甲片区', '日期项目', '以农促农', '直接投资', '产业基础更牢', '产业项目', '筹备中', '100万元', '2025/3/1', '2025年12月31日', '甲一村']]);
    expect(await commit(projectImport, world.users.liaisonA, file)).toMatchObject({ status: 'committed' });
    const project = await database.prisma.project.findFirstOrThrow({ where: { name: '日期项目' } });
    expect([project.startDate?.toISOString().slice(0, 10), project.endDate?.toISOString().slice(0, 10), project.plannedInvestment?.toString()]).toEqual(['2025-03-01', '2025-12-31', '1000000']);
  });
});

describe('templates', () => {
  it('has an instructions sheet, a frozen header, widths, drop-downs from a hidden sheet of choices, and an example row the check skips', async () => {
    const file = await templateWorkbook(villageImport, world.users.admin, 'zh-CN');
    expect(file.length).toBeLessThan(100_000);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => [s.name, s.state])).toEqual([['填表说明', 'visible'], ['数据', 'visible'], ['选项', 'hidden']]);
    const data = book.getWorksheet('数据')!;
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.getRow(1).values).toEqual([undefined, ...HEADERS, '备注']);
    expect(data.getColumn(7).width).toBeGreaterThanOrEqual(20);
    expect(data.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ["'选项'!$B$2:$B$4"], showErrorMessage: true });
    // A new village may be typed: its list suggests, and does not refuse.
    expect(data.getCell('C2').dataValidation).toMatchObject({ type: 'list' });
    expect(data.getCell('C2').dataValidation.showErrorMessage).toBeFalsy();
    expect(book.getWorksheet('选项')!.getColumn(2).values).toEqual([undefined, '片区', '共片区', '甲片区', '乙片区']);
    expect(book.getWorksheet('选项')!.getColumn(1).values).toEqual([undefined, '区', '测试区']);

    // Uploaded as it comes: the example is skipped, nothing is imported, and the check says why.
    const untouched = await previewImport(villageImport, world.users.admin, file, 'zh-CN');
    expect(untouched).toMatchObject({ status: 'failed', message: '没有可导入的数据行（已跳过 第 2 行：示例行）。请在表头下填写数据。' });
    const csv = Buffer.from(toCsv(templateTable(villageImport, 'zh-CN')));
    expect(await previewImport(villageImport, world.users.admin, csv, 'zh-CN')).toMatchObject({ status: 'failed', message: untouched.status === 'failed' ? untouched.message : '' });

    // One row filled in under the example: that row alone.
    data.getRow(3).values = ['测试区', '甲片区', '甲一村', '', '', 2021, '1000'];
    const filled = await previewImport(villageImport, world.users.admin, Buffer.from(await book.xlsx.writeBuffer()), 'zh-CN');
    expect(filled).toMatchObject({ status: 'preview', rows: 1, read: { sheet: '数据', headerRow: 1, firstRow: 3, lastRow: 3, skipped: ['第 2 行：示例行'] } });
  });

  it('offers a liaison the zones paired with its SOE, and the modes and statuses in the user language', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await templateWorkbook(projectImport, world.users.liaisonA, 'en')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Instructions', 'Data', 'Choices']);
    const choices = book.getWorksheet('Choices')!;
    expect(choices.getColumn(1).values).toEqual([undefined, 'Zone', '共片区', '甲片区']);
    expect(choices.getColumn(6).values).toEqual([undefined, 'Status', 'Preparing', 'In progress', 'Completed', 'Suspended']);
  });
});
