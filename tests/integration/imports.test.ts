import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../lib/imports/engine';
import { projectImport } from '../../lib/imports/projects';
import { villageImport } from '../../lib/imports/villages';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

const HEADERS = ['区', '片区', '村', '人口', '户数', '年份', '村集体经济收入（元）'];

async function xlsx(rows: (string | number)[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('data');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const csv = (rows: (string | number)[][]) => Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n'));

async function counts() {
  const p = database.prisma;
  return Promise.all([p.village.count(), p.villageIncome.count(), p.project.count(), p.auditLog.count()]);
}

describe('village and income import', () => {
  it('imports a clean file in one transaction with one audit row', async () => {
    const file = await xlsx([
      HEADERS,
      ['测试区', '甲片区', '甲一村', 1500, 480, 2024, '410000.50'],
      ['测试区', '甲片区', '甲一村', '', '', 2025, '455000'],
      ['测试区', '甲片区', '新建村', 900, '', 2025, '120,000'],
      ['测试区', '乙片区', '乙一村', '', '', '', ''],
    ]);
    const before = await counts();
    const preview = await runImport(villageImport, world.users.admin, file, { commit: false, locale: 'zh-CN' });
    expect(preview).toMatchObject({ status: 'preview', rows: 4 });
    expect(await counts()).toEqual(before);
    const done = await runImport(villageImport, world.users.admin, file, { commit: true, locale: 'zh-CN', fileName: 'clean.xlsx' });
    expect(done).toMatchObject({ status: 'committed', rows: 4, counts: { villagesCreated: 1, villagesUpdated: 1, incomesWritten: 3 } });
    const [villages, incomes, , audit] = await counts();
    expect([villages, incomes, audit]).toEqual([before[0] + 1, before[1] + 3, before[3] + 1]);
    expect(await database.prisma.village.findUniqueOrThrow({ where: { id: world.villageA1.id } })).toMatchObject({ population: 1500, households: 480 });
    const created = await database.prisma.village.findFirstOrThrow({ where: { name: '新建村' }, include: { incomes: true } });
    expect(created.incomes.map((i) => i.amount.toString())).toEqual(['120000']);
    // Importing the same year again corrects it (and moves its version on).
    await runImport(villageImport, world.users.admin, csv([HEADERS, ['测试区', '甲片区', '甲一村', '', '', 2025, '460000']]), { commit: true, locale: 'zh-CN' });
    expect(await database.prisma.villageIncome.findFirstOrThrow({ where: { villageId: world.villageA1.id, year: 2025 } })).toMatchObject({ version: 2 });
  });

  it('writes nothing when some rows are wrong, and names every error by row and column', async () => {
    const before = await counts();
    const outcome = await runImport(
      villageImport,
      world.users.admin,
      csv([
        HEADERS,
        ['测试区', '甲片区', '好村', '', '', 2024, '1000'],
        ['测试区', '不存在片区', '某村', '', '', 2024, '1000'],
        ['测试区', '甲片区', '甲二村', '-5', '', 2999, 'abc'],
        ['测试区', '甲片区', '好村', '', '', 2024, '2000'],
        ['', '', '', '', '', '2024', ''],
      ]),
      { commit: true, locale: 'zh-CN' },
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.errors).toEqual([
      { row: 3, column: '片区', message: '找不到该区下的这个片区。' },
      { row: 4, column: '人口', message: '请填写整数。' },
      { row: 4, column: '年份', message: '不能填报未来年份的收入。' },
      { row: 4, column: '村集体经济收入（元）', message: '金额须为不超过两位小数的数字（元）。' },
      { row: 5, column: '村', message: '与前面的行重复。' },
      { row: 6, column: '区', message: '必填。' },
      { row: 6, column: '片区', message: '必填。' },
      { row: 6, column: '村', message: '必填。' },
      { row: 6, column: '村集体经济收入（元）', message: '年份和收入要一起填写。' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses wrong headers, an empty file and a file that is no spreadsheet, in the user language', async () => {
    const admin = world.users.admin;
    const wrong = await runImport(villageImport, admin, csv([['区', '片区', '村名', '收入'], ['测试区', '甲片区', 'x', '1']]), { commit: false, locale: 'zh-CN' });
    expect(wrong).toMatchObject({ status: 'failed', message: '表头与模板不符。缺少：村、人口、户数、年份、村集体经济收入（元）；多出：村名、收入。请下载模板对照。' });
    expect(await runImport(villageImport, admin, Buffer.alloc(0), { commit: false, locale: 'en' })).toMatchObject({ message: 'The file is empty: fill in rows under the template\'s headers.' });
    expect(await runImport(villageImport, admin, csv([HEADERS]), { commit: false, locale: 'zh-CN' })).toMatchObject({ message: '文件是空的：请在模板的表头下填写数据。' });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f3c1f10000000049454e44ae426082', 'hex');
    expect(await runImport(villageImport, admin, png, { commit: false, locale: 'zh-CN' })).toMatchObject({ message: '这不是 Excel（.xlsx）或 CSV 文件。' });
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    expect(await runImport(villageImport, admin, brokenZip, { commit: false, locale: 'zh-CN' })).toMatchObject({ message: '这不是 Excel（.xlsx）或 CSV 文件。' });
  });

  it('is for administrators only', async () => {
    for (const u of [world.users.viewer, world.users.liaisonA, world.users.villageA1, null]) {
      expect(await runImport(villageImport, u, csv([HEADERS, ['测试区', '甲片区', '甲一村', '', '', 2024, '1']]), { commit: true, locale: 'zh-CN' })).toMatchObject({ status: 'failed' });
    }
  });

  it('imports 20,000 rows in one go', async () => {
    const rows: (string | number)[][] = [HEADERS];
    for (let i = 0; i < 4000; i++) for (let y = 2021; y <= 2025; y++) rows.push(['测试区', '共片区', `规模村${i}`, 1000 + i, 300, y, `${200000 + i}.${y % 100}`]);
    const file = await xlsx(rows);
    const started = performance.now();
    const outcome = await runImport(villageImport, world.users.admin, file, { commit: true, locale: 'zh-CN' });
    const ms = Math.round(performance.now() - started);
    console.log(`import of 20,000 rows (${(file.length / 1024).toFixed(0)} KiB xlsx): ${ms} ms`);
    expect(outcome).toMatchObject({ status: 'committed', rows: 20_000, counts: { villagesCreated: 4000, incomesWritten: 20_000 } });
    expect(await database.prisma.villageIncome.count({ where: { village: { zoneId: world.zoneShared.id } } })).toBe(20_000);
  }, 120_000);
});

describe('project import', () => {
  const P_HEADERS = ['片区', '项目名称', '合作模式', '合作方式', '成效领域', '工作类别', '状态', '计划投资（元）', '开始日期', '结束日期', '涉及村（用、分隔）'];
  it("creates a liaison's projects in its paired zones, all or none", async () => {
    const { liaisonA, admin } = world.users;
    const good = csv([P_HEADERS, ['甲片区', '导入项目一', '以农促农', '直接投资', '农民收入更高', '产业项目', '实施中', '500000', '2026-01-01', '', '甲一村、甲二村']]);
    const before = await counts();
    expect(await runImport(projectImport, liaisonA, good, { commit: true, locale: 'zh-CN' })).toMatchObject({ status: 'committed', counts: { projectsCreated: 1 } });
    const project = await database.prisma.project.findFirstOrThrow({ where: { name: '导入项目一' }, include: { villages: true } });
    expect(project).toMatchObject({ soeId: world.soeA.id, status: 'IN_PROGRESS', mode: 'AGRI_FOR_AGRI' });
    expect(project.villages).toHaveLength(2);
    const bad = csv([P_HEADERS, ['乙片区', '越界项目', 'MAGIC', '直接投资', '农民收入更高', '产业项目', '实施中', '1', '2026-02-30', '', '']]);
    const outcome = await runImport(projectImport, liaisonA, bad, { commit: true, locale: 'en' });
    expect(outcome.status === 'failed' && outcome.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:Zone', '2:Cooperation mode', '2:Start date']);
    expect(await runImport(projectImport, admin, good, { commit: true, locale: 'zh-CN' })).toMatchObject({ status: 'failed' });
    expect((await counts())[2]).toBe(before[2] + 1);
  });
});
