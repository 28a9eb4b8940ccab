import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewImport } from '../../lib/imports/engine';
import { undoImport } from '../../lib/imports/mutations';
import { imports } from '../../lib/imports/registry';
import { templateCsvTable, templateWorkbook } from '../../lib/imports/template';
import { readSheet } from '../../lib/imports/sheet';
import { addPioneerPost } from '../../lib/pioneers/mutations';
import { saveCommitment } from '../../lib/scorecard/mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { checkThenCommit } from '../helpers/imports';
import { buildWorld, type World } from '../helpers/fixtures';

// The clerks' two Excel imports of issue 21: pairing commitments and pioneer team members, through
// the import framework (check, plan, commit in one transaction with its audit row, undo), with
// files as Chinese Excel and district offices make them.
let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

const { commitments: commitmentImport, pioneers: pioneerImport } = imports;

/** "CSV (逗号分隔)" as Chinese Excel and WPS save it: GBK, no BOM, CRLF, quotes where a comma is. */
const gbkCsv = (rows: string[][]) => iconv.encode(rows.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n') + '\r\n', 'gbk');

const C_HEADERS = ['国企', '片区', '年份', '承诺投资（元）', '承诺项目数', '承诺就业岗位', '承诺采购农产品（元）', '承诺培训场次', '承诺派驻人员'];
const P_HEADERS = ['片区', '姓名', '所属（村/国企）', '队内职务'];

const audits = (action: string) => database.prisma.auditLog.count({ where: { action } });
const errorsOf = (outcome: Awaited<ReturnType<typeof previewImport>>) =>
  outcome.status === 'failed' ? outcome.errors.map(({ row, column, message, value }) => `${row}|${column}|${value}|${message}`) : [JSON.stringify(outcome)];

describe('commitment import', () => {
  it('imports a GBK CSV as Chinese Excel saves it: 万元 and 1,234.5 amounts, 2024年, empty measures; one transaction, one audit row', async () => {
    const { admin } = world.users;
    const file = gbkCsv([
      C_HEADERS,
      ['甲集团', '甲片区', '2025', '500万元', '3', '40', '1,234.5', '4', '2'],
      ['乙集团', '乙片区', '2024年', '', '1', '', '', '', '1'],
      ['合计', '', '', '500万元', '', '', '', '', ''],
    ]);
    const before = [await database.prisma.pairingCommitment.count(), await database.prisma.auditLog.count()];
    const preview = await previewImport(commitmentImport, admin, file, 'zh-CN');
    expect(preview).toMatchObject({ status: 'preview', rows: 2, plan: { created: { PairingCommitment: 2 }, changeCount: 0 } });
    expect(await database.prisma.pairingCommitment.count()).toBe(before[0]);
    const done = await checkThenCommit(commitmentImport, admin, file, { commit: true, fileName: '承诺.csv' });
    expect(done).toMatchObject({ status: 'committed', rows: 2, counts: { commitmentsCreated: 2 } });
    expect([await database.prisma.pairingCommitment.count(), await database.prisma.auditLog.count()]).toEqual([before[0]! + 2, before[1]! + 1]);
    const a = await database.prisma.pairingCommitment.findFirstOrThrow({ where: { year: 2025, pairing: { soeId: world.soeA.id, zoneId: world.zoneA.id } } });
    expect([a.investment?.toString(), a.projects, a.jobs, a.purchases?.toString(), a.trainingSessions, a.staffStationed, a.version]).toEqual(['5000000', 3, 40, '1234.5', 4, 2, 1]);
    const b = await database.prisma.pairingCommitment.findFirstOrThrow({ where: { year: 2024, pairing: { soeId: world.soeB.id, zoneId: world.zoneB.id } } });
    expect([b.investment, b.projects, b.jobs, b.purchases, b.trainingSessions, b.staffStationed]).toEqual([null, 1, null, null, null, 1]);
    expect(await audits('import.commitments')).toBe(1);
  });

  it('names every error by row and column: unknown SOE or zone, not paired, outside the pairing, nothing committed, duplicates in the file and in the database; writes nothing', async () => {
    const { admin } = world.users;
    // A pairing that ended: its years are bounded.
    const ended = await database.prisma.pairing.create({ data: { soeId: world.soeB.id, zoneId: world.zoneA.id, since: new Date('2021-01-01'), until: new Date('2022-12-31') } });
    const before = await database.prisma.pairingCommitment.count();
    const outcome = await checkThenCommit(
      commitmentImport,
      admin,
      gbkCsv([
        C_HEADERS,
        ['丙集团', '甲片区', '2025', '1', '', '', '', '', ''],
        ['甲集团', '丁片区', '2025', '1', '', '', '', '', ''],
        ['甲集团', '乙片区', '2025', '1', '', '', '', '', ''],
        ['乙集团', '甲片区', '2024', '1', '', '', '', '', ''],
        ['甲集团', '甲片区', '2025', '9', '', '', '', '', ''],
        ['甲集团', '共片区', '2023', '', '', '', '', '', ''],
        ['甲集团', '共片区', '2023', '1', '-2', '约40', '', '', ''],
        ['甲集团', '共片区', '2022', '1', '', '', '', '', ''],
        ['甲集团', '共片区', '2022', '2', '', '', '', '', ''],
      ]),
      { commit: true },
    );
    expect(errorsOf(outcome)).toEqual([
      '2|国企|丙集团|找不到这家国企：请按系统中的国企全称填写。',
      '3|片区|丁片区|找不到这个片区：请按系统中的片区名称填写。',
      '4|片区|乙片区|“甲集团”没有与这个片区结对。',
      '5|年份|2024|该年不在结对期内（2021–2022）',
      '6|年份|2025|该结对该年已有承诺。导入只新建承诺，修改请到国企考核页面。',
      '7|承诺投资（元）||至少填写一项承诺。',
      '8|承诺项目数|-2|不能为负数。',
      '8|承诺就业岗位|约40|请填写整数。',
      '10|年份|2022|与前面的行重复。',
    ]);
    expect(await database.prisma.pairingCommitment.count()).toBe(before);
    await database.prisma.pairing.delete({ where: { id: ended.id } });
  });

  it('is the org department administrators’ (commitment.manage): no liaison, viewer or village', async () => {
    const file = gbkCsv([C_HEADERS, ['甲集团', '共片区', '2021', '1', '', '', '', '', '']]);
    for (const user of [world.users.liaisonA, world.users.viewer, world.users.villageA1, null]) {
      expect(await checkThenCommit(commitmentImport, user, file, { commit: true })).toMatchObject({ status: 'failed', message: '找不到该记录，或您无权进行此操作。' });
    }
    expect(await database.prisma.pairingCommitment.count({ where: { year: 2021 } })).toBe(0);
  });

  it('reads an XLSX with a title row and a merged header (承诺 over its measures, amounts in 万元), and undoes it until a commitment is edited', async () => {
    const { admin } = world.users;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('承诺');
    sheet.addRow(['2023年国企联村结对承诺汇总表']);
    sheet.mergeCells('A1:J1');
    sheet.addRow(['序号', '国企', '片区', '年份', '承诺', '', '', '', '', '']);
    sheet.addRow(['', '', '', '', '投资（万元）', '项目数', '就业岗位', '采购农产品（万元）', '培训场次', '派驻人员']);
    for (const col of ['A', 'B', 'C', 'D']) sheet.mergeCells(`${col}2:${col}3`);
    sheet.mergeCells('E2:J2');
    sheet.addRow([1, '甲集团', '甲片区', 2023, 120.5, 2, 15, 30, 3, 1]);
    sheet.addRow([2, '甲集团', '共片区', '2023年', '80', '', '', { formula: 'E5/4', result: 20 }, '', '']);
    sheet.addRow([3, '乙集团', '共片区', 2023, '', 1, '', '', '', '']);
    sheet.addRow(['合计', '', '', '', { formula: 'SUM(E4:E6)', result: 200.5 }, 3, 15, 50, 3, 1]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const preview = await previewImport(commitmentImport, admin, file, 'zh-CN');
    expect(preview).toMatchObject({ status: 'preview', rows: 3, read: { sheet: '承诺', headerRow: 3, firstRow: 4, lastRow: 6, skipped: ['第 7 行：合计（合计行）'] } });
    const done = await checkThenCommit(commitmentImport, admin, file, { commit: true, fileName: '承诺.xlsx' });
    if (done.status !== 'committed') throw new Error(JSON.stringify(done));
    const rows = await database.prisma.pairingCommitment.findMany({ where: { year: 2023 }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.investment?.toString() ?? null, r.purchases?.toString() ?? null, r.projects])).toEqual([
      ['1205000', '300000', 2],
      ['800000', '200000', null],
      [null, null, 1],
    ]);
    // The same file twice: every row is there already.
    const twice = await checkThenCommit(commitmentImport, admin, file, { commit: true });
    expect(errorsOf(twice)).toHaveLength(3);

    // Undone as a whole: the rows go, and the same file may come in again.
    const first = await database.prisma.import.findUniqueOrThrow({ where: { id: done.importId } });
    expect(await undoImport(world.users.liaisonA, { importId: done.importId, version: first.version })).toMatchObject({ status: 'denied' });
    expect(await undoImport(admin, { importId: done.importId, version: first.version })).toMatchObject({ status: 'ok' });
    expect(await database.prisma.pairingCommitment.count({ where: { year: 2023 } })).toBe(0);
    const again = await checkThenCommit(commitmentImport, admin, file, { commit: true });
    if (again.status !== 'committed') throw new Error(JSON.stringify(again));

    // Edited since (a correction on the scorecard): the import stays whole.
    const edited = await database.prisma.pairingCommitment.findFirstOrThrow({ where: { year: 2023, pairing: { soeId: world.soeA.id, zoneId: world.zoneA.id } } });
    expect(await saveCommitment(admin, { id: edited.id, version: edited.version, pairingId: edited.pairingId, year: 2023, investment: '1300000', projects: '2', jobs: '15', purchases: '300000', trainingSessions: '3', staffStationed: '1', purchasesDone: '', trainingDone: '', staffDone: '' })).toMatchObject({ status: 'ok' });
    const imported = await database.prisma.import.findUniqueOrThrow({ where: { id: again.importId } });
    expect(await undoImport(admin, { importId: again.importId, version: imported.version })).toMatchObject({ status: 'invalid', fieldErrors: { importId: [expect.stringContaining('1 条记录')] } });
    expect(await database.prisma.pairingCommitment.count({ where: { year: 2023 } })).toBe(3);
    expect(await audits('import.undo')).toBe(1);
  });

  it('has templates whose sample row is never a real record, and whose drop-downs list the pairings', async () => {
    const table = await templateCsvTable(commitmentImport, world.users.admin, 'zh-CN');
    expect(table.columns.map((c) => c.header)).toEqual([...C_HEADERS, '备注']);
    expect(table.rows).toHaveLength(1);
    const book = await templateWorkbook(commitmentImport, world.users.admin, 'zh-CN');
    // The template as downloaded checks clean: its example is skipped, so there is nothing to import.
    expect(await previewImport(commitmentImport, world.users.admin, book, 'zh-CN')).toMatchObject({ status: 'failed', message: expect.stringContaining('示例行') });
    const sheet = await readSheet(book);
    expect(typeof sheet !== 'string' && sheet.rows[0]?.slice(0, 2)).toEqual(['示例国企', '示例片区']);
    expect(await database.prisma.soe.count({ where: { name: '示例国企' } })).toBe(0);
  });
});

describe('commitment import at scale', () => {
  it('imports 1,000 pairing-years (200 pairings × 5 years) in one go (measured, not timed)', async () => {
    const zones = await database.prisma.zone.createManyAndReturn({ data: Array.from({ length: 200 }, (_, i) => ({ name: `规模片区${i}`, districtId: world.district.id })), select: { id: true, name: true } });
    await database.prisma.pairing.createMany({ data: zones.map((z) => ({ soeId: world.soeB.id, zoneId: z.id, since: new Date('2021-01-01') })) });
    const rows: string[][] = [C_HEADERS];
    for (const z of zones) for (let year = 2021; year <= 2025; year++) rows.push(['乙集团', z.name, String(year), `${100 + year - 2020}万元`, '2', '30', '', '3', '1']);
    const file = gbkCsv(rows);
    const started = performance.now();
    const done = await checkThenCommit(commitmentImport, world.users.admin, file, { commit: true });
    console.log(`commitment import of 1,000 rows (${(file.length / 1024).toFixed(0)} KiB GBK CSV), check + commit: ${Math.round(performance.now() - started)} ms`);
    expect(done).toMatchObject({ status: 'committed', counts: { commitmentsCreated: 1000 } });
  }, 120_000);
});

describe('pioneer member import', () => {
  it('imports a GBK CSV of both sides as an administrator, in one transaction with one audit row', async () => {
    const { admin } = world.users;
    const file = gbkCsv([P_HEADERS, ['甲片区', '王建国', '村', '队长'], ['甲片区', '李志强', '国企', '队员'], ['共片区', '陈静', 'SOE', '队员']]);
    const before = await database.prisma.auditLog.count();
    const done = await checkThenCommit(pioneerImport, admin, file, { commit: true, fileName: '先锋队.csv' });
    expect(done).toMatchObject({ status: 'committed', rows: 3, counts: { pioneersCreated: 3 } });
    expect(await database.prisma.auditLog.count()).toBe(before + 1);
    const team = await database.prisma.pioneerMember.findMany({ where: { zoneId: world.zoneA.id }, orderBy: { id: 'asc' } });
    expect(team.map((m) => [m.name, m.side, m.role])).toEqual([['王建国', 'VILLAGE', '队长'], ['李志强', 'SOE', '队员']]);
  });

  it('lets a liaison team import its own SOE’s side in its paired zones only, and names every refusal', async () => {
    const { liaisonA } = world.users;
    const outcome = await checkThenCommit(
      pioneerImport,
      liaisonA,
      gbkCsv([
        P_HEADERS,
        ['甲片区', '周涛', '国企', '队员'],
        ['甲片区', '张红梅', '村', '队员'],
        ['乙片区', '孙磊', '国企', '队员'],
        ['戊片区', '钱进', '国企', '队员'],
        ['甲片区', '李志强', '国企', '队员'],
        ['甲片区', '周涛', '国企', '副队长'],
        ['甲片区', '吴', '书记', ''],
      ]),
      { commit: true },
    );
    expect(errorsOf(outcome)).toEqual([
      '3|所属（村/国企）|村|联村工作队只能添加本企业一方的队员；村一方的队员由组织部添加。',
      '4|片区|乙片区|该片区未与本企业结对。',
      '5|片区|戊片区|找不到这个片区：请按系统中的片区名称填写。',
      '6|姓名|李志强|该片区先锋队已有同名同方队员',
      '7|姓名|周涛|与前面的行重复。',
      '8|所属（村/国企）|书记|不是可选的值：书记。',
      '8|姓名|吴|必填。',
      '8|队内职务||必填。',
    ]);
    expect(await database.prisma.pioneerMember.count({ where: { name: '周涛' } })).toBe(0);
    expect(await checkThenCommit(pioneerImport, liaisonA, gbkCsv([P_HEADERS, ['甲片区', '周涛', '国企', '队员']]), { commit: true })).toMatchObject({ status: 'committed' });
    for (const user of [world.users.viewer, world.users.villageA1]) {
      expect(await checkThenCommit(pioneerImport, user, gbkCsv([P_HEADERS, ['甲片区', '郑一', '村', '队员']]), { commit: true })).toMatchObject({ status: 'failed' });
    }
  });

  it('reads an XLSX with a title row and a merged header, and is undone as a whole until a member holds a post', async () => {
    const { admin, liaisonA } = world.users;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('先锋队');
    sheet.addRow(['甲片区兴乡先锋队名单']);
    sheet.mergeCells('A1:E1');
    sheet.addRow(['序号', '片区', '队员', '', '']);
    sheet.addRow(['', '', '姓名', '所属（村/国企）', '队内职务']);
    for (const col of ['A', 'B']) sheet.mergeCells(`${col}2:${col}3`);
    sheet.mergeCells('C2:E2');
    sheet.addRow([1, '甲片区', '刘洋', '村', '队员']);
    sheet.addRow([2, '甲片区', '黄丽', '国企', '队员']);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const done = await checkThenCommit(pioneerImport, admin, file, { commit: true });
    if (done.status !== 'committed') throw new Error(JSON.stringify(done));
    const huang = await database.prisma.pioneerMember.findFirstOrThrow({ where: { name: '黄丽' } });
    expect(await addPioneerPost(liaisonA, { projectId: world.projectA.id, memberId: huang.id, title: '技术指导岗' })).toMatchObject({ status: 'ok' });
    const imported = await database.prisma.import.findUniqueOrThrow({ where: { id: done.importId } });
    expect(await undoImport(admin, { importId: done.importId, version: imported.version })).toMatchObject({ status: 'invalid' });
    expect(await database.prisma.pioneerMember.count({ where: { name: { in: ['刘洋', '黄丽'] } } })).toBe(2);
    await database.prisma.pioneerPost.deleteMany({ where: { memberId: huang.id } });
    expect(await undoImport(liaisonA, { importId: done.importId, version: imported.version })).toMatchObject({ status: 'denied' });
    expect(await undoImport(admin, { importId: done.importId, version: imported.version })).toMatchObject({ status: 'ok' });
    expect(await database.prisma.pioneerMember.count({ where: { name: { in: ['刘洋', '黄丽'] } } })).toBe(0);
  });

  it('offers a liaison team only its paired zones and its own side in the template', async () => {
    const table = await templateCsvTable(pioneerImport, world.users.liaisonA, 'zh-CN');
    expect(table.rows[0]).toMatchObject({ zone: '示例片区', name: '示例姓名' });
    const choices = pioneerImport.choices!(await pioneerImport.load(database.prisma as never, world.users.liaisonA) as never, 'zh-CN');
    expect(choices).toEqual({ zone: ['甲片区', '共片区'].sort((a, b) => a.localeCompare(b, 'zh-CN')), side: ['国企'] });
  });

  it('imports 5,000 members in one go (measured, not timed)', async () => {
    const rows: string[][] = [P_HEADERS];
    for (let i = 0; i < 5000; i++) rows.push([['甲片区', '乙片区', '共片区'][i % 3]!, `规模队员${i}`, i % 2 ? '村' : '国企', '队员']);
    const file = gbkCsv(rows);
    const started = performance.now();
    const done = await checkThenCommit(pioneerImport, world.users.admin, file, { commit: true });
    console.log(`pioneer import of 5,000 rows (${(file.length / 1024).toFixed(0)} KiB GBK CSV), check + commit: ${Math.round(performance.now() - started)} ms`);
    expect(done).toMatchObject({ status: 'committed', counts: { pioneersCreated: 5000 } });
  }, 120_000);
});
