import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewImport } from '../../lib/imports/engine';
import { commitImport, undoImport } from '../../lib/imports/mutations';
import { imports } from '../../lib/imports/registry';
import { reportIncome } from '../../lib/villages/mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { checkThenCommit } from '../helpers/imports';
import { buildWorld, type World } from '../helpers/fixtures';

let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

const { villages: villageImport, projects: projectImport } = imports;

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
    const preview = await checkThenCommit(villageImport, world.users.admin, file, { commit: false, locale: 'zh-CN' });
    expect(preview).toMatchObject({ status: 'preview', rows: 4, plan: { created: { Village: 1, VillageIncome: 3 }, changeCount: 2, flagged: 0, unchanged: 1 } });
    expect(preview.status === 'preview' && preview.plan.changes).toEqual([
      { row: 2, entity: 'Village', id: world.villageA1.id, version: 1, label: '测试区 甲片区 甲一村', field: '人口', before: '1000', after: '1500', flag: undefined },
      { row: 2, entity: 'Village', id: world.villageA1.id, version: 1, label: '测试区 甲片区 甲一村', field: '户数', before: null, after: '480', flag: undefined },
    ]);
    expect(await counts()).toEqual(before);
    const done = await checkThenCommit(villageImport, world.users.admin, file, { commit: true, locale: 'zh-CN', fileName: 'clean.xlsx' });
    expect(done).toMatchObject({ status: 'committed', rows: 4, counts: { villagesCreated: 1, villagesChanged: 1, incomesCreated: 3, incomesChanged: 0, rowsUnchanged: 1 } });
    const [villages, incomes, , audit] = await counts();
    expect([villages, incomes, audit]).toEqual([before[0] + 1, before[1] + 3, before[3] + 1]);
    expect(await database.prisma.village.findUniqueOrThrow({ where: { id: world.villageA1.id } })).toMatchObject({ population: 1500, households: 480 });
    const created = await database.prisma.village.findFirstOrThrow({ where: { name: '新建村' }, include: { incomes: true } });
    expect(created.incomes.map((i) => i.amount.toString())).toEqual(['120000']);
    // Importing the same year again corrects it (and moves its version on).
    await checkThenCommit(villageImport, world.users.admin, csv([HEADERS, ['测试区', '甲片区', '甲一村', '', '', 2025, '460000']]), { commit: true, locale: 'zh-CN' });
    expect(await database.prisma.villageIncome.findFirstOrThrow({ where: { villageId: world.villageA1.id, year: 2025 } })).toMatchObject({ version: 2 });
  });

  it('writes nothing when some rows are wrong, and names every error by row and column, with the cell\'s value', async () => {
    const before = await counts();
    const outcome = await checkThenCommit(
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
      { row: 3, column: '片区', message: '找不到该区下的这个片区。', value: '不存在片区' },
      { row: 4, column: '人口', message: '不能为负数。', value: '-5' },
      { row: 4, column: '年份', message: '不能填报未来年份的收入。', value: '2999' },
      { row: 4, column: '村集体经济收入（元）', message: '看不懂这个金额：请填数字，如 30、30万、1,234.5 或 ¥300,000。', value: 'abc' },
      { row: 5, column: '村', message: '与前面的行重复。', value: '好村' },
      { row: 6, column: '区', message: '必填。', value: '' },
      { row: 6, column: '片区', message: '必填。', value: '' },
      { row: 6, column: '村', message: '必填。', value: '' },
      { row: 6, column: '村集体经济收入（元）', message: '年份和收入要一起填写。', value: '' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses wrong headers, an empty file and a file that is no spreadsheet, in the user language', async () => {
    const admin = world.users.admin;
    const wrong = await checkThenCommit(villageImport, admin, csv([['区', '片区', '村名', '收入'], ['测试区', '甲片区', 'x', '1']]), { commit: false, locale: 'zh-CN' });
    expect(wrong).toMatchObject({ status: 'failed', message: '表头与模板不符。缺少：村、人口、户数、年份、村集体经济收入（元）；多出：村名、收入。请下载模板对照。' });
    expect(await checkThenCommit(villageImport, admin, Buffer.alloc(0), { commit: false, locale: 'en' })).toMatchObject({ message: 'The file is empty: fill in rows under the template\'s headers.' });
    expect(await checkThenCommit(villageImport, admin, csv([HEADERS]), { commit: false, locale: 'zh-CN' })).toMatchObject({ message: '文件是空的：请在模板的表头下填写数据。' });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f3c1f10000000049454e44ae426082', 'hex');
    expect(await checkThenCommit(villageImport, admin, png, { commit: false, locale: 'zh-CN' })).toMatchObject({ message: '这不是 Excel（.xlsx）或 CSV 文件。' });
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    expect(await checkThenCommit(villageImport, admin, brokenZip, { commit: false, locale: 'zh-CN' })).toMatchObject({ message: '这不是 Excel（.xlsx）或 CSV 文件。' });
  });

  it('is for administrators only', async () => {
    for (const u of [world.users.viewer, world.users.liaisonA, world.users.villageA1, null]) {
      expect(await checkThenCommit(villageImport, u, csv([HEADERS, ['测试区', '甲片区', '甲一村', '', '', 2024, '1']]), { commit: true, locale: 'zh-CN' })).toMatchObject({ status: 'failed' });
    }
  });

  it('imports 20,000 rows in one go', async () => {
    const rows: (string | number)[][] = [HEADERS];
    for (let i = 0; i < 4000; i++) for (let y = 2021; y <= 2025; y++) rows.push(['测试区', '共片区', `规模村${i}`, 1000 + i, 300, y, `${200000 + i}.${y % 100}`]);
    const file = await xlsx(rows);
    const started = performance.now();
    const outcome = await checkThenCommit(villageImport, world.users.admin, file, { commit: true, locale: 'zh-CN' });
    const ms = Math.round(performance.now() - started);
    console.log(`import of 20,000 rows (${(file.length / 1024).toFixed(0)} KiB xlsx): ${ms} ms`);
    expect(outcome).toMatchObject({ status: 'committed', rows: 20_000, counts: { villagesCreated: 4000, incomesCreated: 20_000 } });
    expect(await database.prisma.villageIncome.count({ where: { village: { zoneId: world.zoneShared.id } } })).toBe(20_000);
  }, 120_000);
});

describe('project import', () => {
  const P_HEADERS = ['片区', '项目名称', '合作模式', '合作方式', '成效领域', '工作类别', '状态', '计划投资（元）', '开始日期', '结束日期', '涉及村（用、分隔）'];
  it("creates a liaison's projects in its paired zones, all or none", async () => {
    const { liaisonA, admin } = world.users;
    const good = csv([P_HEADERS, ['甲片区', '导入项目一', '以农促农', '直接投资', '农民收入更高', '产业项目', '实施中', '500000', '2026-01-01', '', '甲一村、甲二村']]);
    const before = await counts();
    expect(await checkThenCommit(projectImport, liaisonA, good, { commit: true, locale: 'zh-CN' })).toMatchObject({ status: 'committed', counts: { projectsCreated: 1 } });
    // The same file again: the project exists (its natural key), nothing is made twice.
    const again = await checkThenCommit(projectImport, liaisonA, good, { commit: true, locale: 'zh-CN' });
    expect(again.status === 'failed' && again.errors.map((e) => e.message)).toEqual(['该片区已有同名项目。导入只新建项目，修改请到项目页面。']);
    const project = await database.prisma.project.findFirstOrThrow({ where: { name: '导入项目一' }, include: { villages: true } });
    expect(project).toMatchObject({ soeId: world.soeA.id, status: 'IN_PROGRESS', mode: 'AGRI_FOR_AGRI' });
    expect(project.villages).toHaveLength(2);
    const bad = csv([P_HEADERS, ['乙片区', '越界项目', 'MAGIC', '直接投资', '农民收入更高', '产业项目', '实施中', '1', '2026-02-30', '', '']]);
    const outcome = await checkThenCommit(projectImport, liaisonA, bad, { commit: true, locale: 'en' });
    expect(outcome.status === 'failed' && outcome.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:Zone', '2:Cooperation mode', '2:Start date']);
    // The form's own date bounds: no year 1 or 9999.
    const farDates = await checkThenCommit(projectImport, liaisonA, csv([P_HEADERS, ['甲片区', '远古项目', '以农促农', '直接投资', '农民收入更高', '产业项目', '实施中', '1', '0001-01-01', '9999-12-31', '']]), { commit: false, locale: 'en' });
    expect(farDates.status === 'failed' && farDates.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:Start date', '2:End date']);
    expect(await checkThenCommit(projectImport, admin, good, { commit: true, locale: 'zh-CN' })).toMatchObject({ status: 'failed' });
    expect((await counts())[2]).toBe(before[2] + 1);
  });
});

describe('an import that changes existing values', () => {
  const income = (villageId: number, year: number) => database.prisma.villageIncome.findFirstOrThrow({ where: { villageId, year } });

  it('lists every value it would change, flags a unit mistake, writes only once it is acknowledged, and can be undone', async () => {
    const { admin } = world.users;
    await database.prisma.villageIncome.create({ data: { villageId: world.villageA2.id, year: 2023, amount: '531298.48' } });
    await database.prisma.villageIncome.create({ data: { villageId: world.villageA2.id, year: 2022, amount: '498000' } });
    const file = csv([
      HEADERS,
      ['测试区', '甲片区', '甲二村', '', '', 2023, '52.3'], // 万元 typed where yuan belong
      ['测试区', '甲片区', '甲二村', '', '', 2022, '505000'],
      ['测试区', '甲片区', '甲二村', '', '', 2021, '49'], // a new year, 10,000× below the nearest one
    ]);
    const preview = await previewImport(villageImport, admin, file, 'zh-CN');
    expect(preview.status).toBe('preview');
    if (preview.status !== 'preview') return;
    expect(preview.plan.flagged).toBe(2);
    expect(preview.plan.changes.map(({ row, field, before, after, flag }) => ({ row, field, before, after, flag }))).toEqual([
      { row: 2, field: '村集体经济收入（元）', before: '531298.48', after: '52.3', flag: 'unit' },
      { row: 3, field: '村集体经济收入（元）', before: '498000', after: '505000', flag: undefined },
    ]);
    expect(preview.plan.warnings).toMatchObject([{ row: 4, after: '49', flag: 'unit', reference: '2022: 505000.00' }]);

    const refused = await commitImport(villageImport, admin, file, { locale: 'zh-CN', token: preview.token });
    expect(refused).toMatchObject({ status: 'failed', message: '有标出的可疑变动：请逐条核对，勾选“我已核对”后再导入。' });
    expect((await income(world.villageA2.id, 2023)).amount.toString()).toBe('531298.48');

    const auditBefore = await database.prisma.auditLog.count();
    const done = await commitImport(villageImport, admin, file, { locale: 'zh-CN', token: preview.token, acceptFlagged: true, fileName: 'ledger.csv' });
    expect(done).toMatchObject({ status: 'committed', counts: { incomesChanged: 2, incomesCreated: 1 } });
    if (done.status !== 'committed') return;
    expect(await database.prisma.auditLog.count()).toBe(auditBefore + 1);
    const entry = await database.prisma.auditLog.findFirstOrThrow({ where: { entity: 'Import', entityId: String(done.importId) } });
    expect(entry.after).toMatchObject({
      file: 'ledger.csv',
      changed: [
        { entity: 'VillageIncome', before: { amount: '531298.48' }, after: { amount: '52.3' } },
        { entity: 'VillageIncome', before: { amount: '498000' }, after: { amount: '505000' } },
      ],
    });
    expect((await income(world.villageA2.id, 2023)).amount.toString()).toBe('52.3');

    // The whole import back: the old values, the new year gone, versions moved on.
    const imported = await database.prisma.import.findUniqueOrThrow({ where: { id: done.importId } });
    expect(await undoImport(world.users.liaisonA, { importId: done.importId, version: imported.version })).toMatchObject({ status: 'denied' });
    expect(await undoImport(admin, { importId: done.importId, version: imported.version })).toMatchObject({ status: 'ok' });
    expect(await income(world.villageA2.id, 2023)).toMatchObject({ version: 3 });
    expect((await income(world.villageA2.id, 2023)).amount.toString()).toBe('531298.48');
    expect((await income(world.villageA2.id, 2022)).amount.toString()).toBe('498000');
    expect(await database.prisma.villageIncome.count({ where: { villageId: world.villageA2.id, year: 2021 } })).toBe(0);
    expect(await database.prisma.auditLog.count({ where: { action: 'import.undo', entityId: String(done.importId) } })).toBe(1);
    expect(await undoImport(admin, { importId: done.importId, version: imported.version + 1 })).toMatchObject({ status: 'invalid', fieldErrors: { importId: ['这次导入已经撤销过了。'] } });
  });

  it('cannot be undone once a row it wrote has been edited since, and changes nothing then', async () => {
    const { admin, villageA1 } = world.users;
    const file = csv([HEADERS, ['测试区', '甲片区', '甲一村', '', '', 2021, '300000']]);
    const done = await checkThenCommit(villageImport, admin, file, { commit: true, locale: 'zh-CN' });
    expect(done.status).toBe('committed');
    if (done.status !== 'committed') return;
    const row = await income(world.villageA1.id, 2021);
    expect(await reportIncome(villageA1, { villageId: world.villageA1.id, year: 2021, amount: '310000', version: row.version, reason: '导入后更正' })).toMatchObject({ status: 'ok' });
    const imported = await database.prisma.import.findUniqueOrThrow({ where: { id: done.importId } });
    expect(await undoImport(admin, { importId: done.importId, version: imported.version })).toMatchObject({
      status: 'invalid',
      fieldErrors: { importId: ['有 1 条记录在导入之后被修改或被其他记录引用，不能整体撤销。请先处理这些记录。'] },
    });
    expect((await income(world.villageA1.id, 2021)).amount.toString()).toBe('310000');
    expect(await database.prisma.import.findUniqueOrThrow({ where: { id: done.importId } })).toMatchObject({ undoneAt: null, version: imported.version });
  });

  it('cannot be undone once a village it made holds a cooperative share: the village stays, with a clear answer', async () => {
    const { admin } = world.users;
    const file = csv([HEADERS, ['测试区', '甲片区', '甲新村', '', '', 2024, '200000']]);
    const done = await checkThenCommit(villageImport, admin, file, { commit: true, locale: 'zh-CN' });
    expect(done.status).toBe('committed');
    if (done.status !== 'committed') return;
    const village = await database.prisma.village.findFirstOrThrow({ where: { name: '甲新村' } });
    const cooperative = await database.prisma.cooperative.upsert({ where: { zoneId: world.zoneA.id }, create: { zoneId: world.zoneA.id, name: '甲联合社' }, update: {} });
    await database.prisma.cooperativeShare.create({ data: { cooperativeId: cooperative.id, villageId: village.id, landMu: '10', asOf: new Date('2024-12-31') } });
    const imported = await database.prisma.import.findUniqueOrThrow({ where: { id: done.importId } });
    expect(await undoImport(admin, { importId: done.importId, version: imported.version })).toMatchObject({
      status: 'invalid',
      fieldErrors: { importId: ['有 1 条记录在导入之后被修改或被其他记录引用，不能整体撤销。请先处理这些记录。'] },
    });
    expect(await database.prisma.village.count({ where: { id: village.id } })).toBe(1);
  });

  it('refuses a commit whose check is stale: the data changed after the user looked', async () => {
    const { admin, villageA1 } = world.users;
    const row = await income(world.villageA1.id, 2021);
    const file = csv([HEADERS, ['测试区', '甲片区', '甲一村', '', '', 2021, '320000']]);
    const preview = await previewImport(villageImport, admin, file, 'zh-CN');
    expect(preview).toMatchObject({ status: 'preview', plan: { changes: [{ before: '310000', after: '320000' }] } });
    if (preview.status !== 'preview') return;
    await reportIncome(villageA1, { villageId: world.villageA1.id, year: 2021, amount: '315000', version: row.version, reason: '导入后更正' });
    const stale = await commitImport(villageImport, admin, file, { locale: 'zh-CN', token: preview.token });
    expect(stale).toMatchObject({ status: 'failed', message: '文件或相关数据在检查之后有变化，没有导入任何内容：请重新检查后再导入。' });
    expect((await income(world.villageA1.id, 2021)).amount.toString()).toBe('315000');
    // A token for another file is as stale.
    expect(await commitImport(villageImport, admin, csv([HEADERS, ['测试区', '甲片区', '甲一村', '', '', 2021, '999']]), { locale: 'zh-CN', token: preview.token })).toMatchObject({ status: 'failed' });
    expect((await income(world.villageA1.id, 2021)).amount.toString()).toBe('315000');
  });

  it('commits one file once, even twice at the same moment, and says where the first went', async () => {
    const { liaisonA } = world.users;
    const P_HEADERS = ['片区', '项目名称', '合作模式', '合作方式', '成效领域', '工作类别', '状态', '计划投资（元）', '开始日期', '结束日期', '涉及村（用、分隔）'];
    const file = csv([P_HEADERS, ...Array.from({ length: 30 }, (_, i) => ['共片区', `并发项目${i}`, '以农促农', '直接投资', '农民收入更高', '产业项目', '筹备中', '1000', '', '', ''])]);
    const preview = await previewImport(projectImport, liaisonA, file, 'zh-CN');
    if (preview.status !== 'preview') throw new Error(JSON.stringify(preview));
    const before = await database.prisma.project.count();
    const both = await Promise.all([0, 1].map(() => commitImport(projectImport, liaisonA, file, { locale: 'zh-CN', token: preview.token })));
    expect(both.map((o) => o.status).sort()).toEqual(['committed', 'failed']);
    const first = both.find((o) => o.status === 'committed')!;
    const second = both.find((o) => o.status === 'failed')!;
    expect(second).toMatchObject({ importId: first.status === 'committed' && first.importId });
    expect(second.status === 'failed' && second.message).toMatch(/^这个文件已经导入过（第 \d+ 号导入）/);
    expect(await database.prisma.project.count()).toBe(before + 30);
    expect(await database.prisma.import.count({ where: { kind: 'projects', undoneAt: null, fileSha256: { not: '' } } })).toBeGreaterThan(0);
  });

  it('undoes a project import while its projects have no updates, and not after', async () => {
    const { liaisonA, admin } = world.users;
    const P_HEADERS = ['片区', '项目名称', '合作模式', '合作方式', '成效领域', '工作类别', '状态', '计划投资（元）', '开始日期', '结束日期', '涉及村（用、分隔）'];
    const rows = (suffix: string) => csv([P_HEADERS, ['甲片区', `撤销项目${suffix}`, '以农促农', '直接投资', '农民收入更高', '产业项目', '实施中', '1000', '', '', '甲一村']]);
    const a = await checkThenCommit(projectImport, liaisonA, rows('甲'), { commit: true, locale: 'zh-CN' });
    const b = await checkThenCommit(projectImport, liaisonA, rows('乙'), { commit: true, locale: 'zh-CN' });
    if (a.status !== 'committed' || b.status !== 'committed') throw new Error('import failed');
    const project = await database.prisma.project.findFirstOrThrow({ where: { name: '撤销项目乙' } });
    await database.prisma.projectUpdate.create({ data: { projectId: project.id, period: new Date('2026-01-01'), progressPct: 10, investmentToDate: '100' } });
    expect(await undoImport(world.users.liaisonB, { importId: a.importId, version: 1 })).toMatchObject({ status: 'denied' });
    expect(await undoImport(liaisonA, { importId: a.importId, version: 1 })).toMatchObject({ status: 'ok' });
    expect(await database.prisma.project.count({ where: { name: '撤销项目甲' } })).toBe(0);
    expect(await undoImport(admin, { importId: b.importId, version: 1 })).toMatchObject({ status: 'invalid' });
    expect(await database.prisma.project.count({ where: { name: '撤销项目乙' } })).toBe(1);
    // Undone, the same file may be imported again.
    expect(await checkThenCommit(projectImport, liaisonA, rows('甲'), { commit: true, locale: 'zh-CN' })).toMatchObject({ status: 'committed' });
  });
});
