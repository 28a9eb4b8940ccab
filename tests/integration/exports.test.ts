import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearDashboardCache } from '../../lib/dashboard/cache';
import { dashboardTables } from '../../lib/exports/dashboard';
import { exporters } from '../../lib/exports/registry';
import { toCsv, toXlsx, type Table } from '../../lib/exports/tabular';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

// Exports fit for analysis: read back, amounts are numbers Excel can sum, and
// their sum is the database's.

let database: TestDatabase;
let world: World;
const now = new Date('2026-06-15T08:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
  const p = database.prisma;
  await p.project.update({ where: { id: world.projectA.id }, data: { plannedInvestment: '81100000.00' } });
  await p.project.update({ where: { id: world.projectB.id }, data: { plannedInvestment: '1234567.89', status: 'IN_PROGRESS' } });
  await p.projectUpdate.createMany({
    data: [
      { projectId: world.projectA.id, period: new Date('2026-03-01'), progressPct: 40, investmentToDate: '500000.67', incomeToVillages: '12000.10', jobsCreated: 3 },
      { projectId: world.projectB.id, period: new Date('2026-05-01'), progressPct: 10, investmentToDate: '0.33', incomeToVillages: '0' },
    ],
  });
  await p.villageIncome.createMany({
    data: [
      { villageId: world.villageA1.id, year: 2025, amount: '531298.48' },
      { villageId: world.villageA2.id, year: 2025, amount: '410000.05' },
      { villageId: world.villageB1.id, year: 2025, amount: '99999.99' },
    ],
  });
  clearDashboardCache();
});
afterAll(() => database.drop());

async function readBack(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** A sheet's header row (the row after the caption) and the values of a column under it. */
function column(sheet: ExcelJS.Worksheet, header: string) {
  const headerRow = (sheet.views[0] as { ySplit: number }).ySplit;
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1);
  const at = headers.indexOf(header) + 1;
  expect(at, `${header} in ${headers.join('|')}`).toBeGreaterThan(0);
  const values: unknown[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) values.push(sheet.getRow(r).getCell(at).value);
  return { headers, values, numFmt: sheet.getRow(headerRow + 1).getCell(at).numFmt };
}

const cents = (values: unknown[]) => Math.round(values.reduce<number>((sum, v) => sum + (v as number), 0) * 100);

describe('XLSX exports', () => {
  it('stores amounts as numbers whose sum is the SQL sum, with the unit in the header, a title, filters and an as-of date above a frozen header', async () => {
    const table = (await exporters.projects!(world.users.admin, { status: 'IN_PROGRESS' }, 'zh-CN', now))!;
    const book = await readBack(await toXlsx(table));
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('项目');
    expect(String(sheet.getCell('A2').value)).toMatch(/^筛选：状态：实施中.*数据截至 2026-06-15 08:00 UTC$/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const planned = column(sheet, '计划投资（元）');
    expect(planned.values).toEqual([1234567.89]);
    expect(planned.numFmt).toBe('#,##0.00');

    const all = await readBack(await toXlsx((await exporters.projects!(world.users.admin, {}, 'zh-CN', now))!));
    const sum = await database.prisma.$queryRaw<{ cents: bigint }[]>`SELECT (sum("plannedInvestment") * 100)::bigint AS cents FROM "Project"`;
    const values = column(all.worksheets[0]!, '计划投资（元）').values;
    expect(values.every((v) => typeof v === 'number')).toBe(true);
    expect(cents(values)).toBe(Number(sum[0]!.cents));
    expect(all.worksheets[0]!.getColumn(2).width).toBeGreaterThanOrEqual(10);
  });

  it('names the first column by what it holds, has no duplicate column, and sums the SOE board to the SQL sums', async () => {
    const soes = await readBack(await toXlsx((await exporters['soe-leaderboard']!(world.users.admin, {}, 'zh-CN', now))!));
    const made = column(soes.worksheets[0]!, '已完成投资（元）');
    expect(made.headers[0]).toBe('国企');
    const [sums] = await database.prisma.$queryRaw<{ planned: bigint; made: bigint }[]>`
      SELECT (SELECT sum("plannedInvestment") * 100 FROM "Project")::bigint AS planned,
        (SELECT sum(u."investmentToDate") * 100 FROM "ProjectUpdate" u)::bigint AS made`;
    expect(cents(made.values)).toBe(Number(sums!.made));
    expect(cents(column(soes.worksheets[0]!, '计划投资（元）').values)).toBe(Number(sums!.planned));

    const districts = (await exporters.districts!(world.users.admin, {}, 'en', now))!;
    const headers = districts.columns.map((c) => c.header);
    expect(headers[0]).toBe('District');
    expect(new Set(headers).size).toBe(headers.length);
    const sheet = (await readBack(await toXlsx(districts))).worksheets[0]!;
    // The last row is 全市 (city-wide projects, tied to no zone): it has no average income.
    expect(column(sheet, 'Average village income 2025 (yuan)').values).toEqual([347099.51, null]);
    expect(districts.rows.at(-1)?.name).toBe('Citywide (no zone)');
  });

  it('keeps CSV as text, formula-safe, with numbers as they are', () => {
    const table: Table = {
      name: 'x',
      columns: [
        { key: 'name', header: '名称' },
        { key: 'amount', header: '金额（元）', kind: 'money' },
      ],
      rows: [
        { name: '=HYPERLINK("x")', amount: '-12.50' },
        { name: '-危险', amount: '81100000.00' },
      ],
    };
    expect(toCsv(table)).toBe('\uFEFF名称,金额（元）\r\n"\'=HYPERLINK(""x"")",-12.50\r\n\'-危险,81100000.00\r\n');
  });
});

describe('the meeting workbook', () => {
  it('has every dashboard table, a sheet each, amounts numeric and summing to SQL; nothing for a user who may not see the dashboard', async () => {
    const tables = (await dashboardTables(world.users.admin, 'zh-CN', now))!;
    const book = await readBack(await toXlsx(tables));
    expect(book.worksheets.map((s) => s.name)).toEqual(['概况', '国企排行', '各区情况', '村集体经济年平均收入', '2025年收入分布', '收入来源', '按项目状态', '按合作模式', '按成效领域', '示范片认定进度', '需要关注']);
    const byStatus = book.getWorksheet('按项目状态')!;
    const [sums] = await database.prisma.$queryRaw<{ planned: bigint }[]>`SELECT (sum("plannedInvestment") * 100)::bigint AS planned FROM "Project"`;
    expect(cents(column(byStatus, '计划投资（元）').values)).toBe(Number(sums!.planned));
    expect(column(book.getWorksheet('国企排行')!, '已完成投资（元）').values.every((v) => typeof v === 'number')).toBe(true);
    expect(await dashboardTables(world.users.villageA1, 'zh-CN', now)).toBeNull();
  });
});
