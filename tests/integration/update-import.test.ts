import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewImport } from '../../lib/imports/engine';
import { undoImport } from '../../lib/imports/mutations';
import { importKinds, imports } from '../../lib/imports/registry';
import { templateCsvTable, templateWorkbook } from '../../lib/imports/template';
import { toCsv } from '../../lib/exports/tabular';
import { postProjectUpdate } from '../../lib/projects/mutations';
import { reviewUpdate } from '../../lib/projects/review-mutations';
import { translator } from '../../lib/i18n/translator';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { checkThenCommit } from '../helpers/imports';
import { buildWorld, type World } from '../helpers/fixtures';

// The monthly update import (进展) against the update form: the same rules, the
// same messages (each compared with what postProjectUpdate answers for the same
// input), the same writes (update, POSTED event, beneficiary counts), all or nothing.

let database: TestDatabase;
let world: World;
/** A project of liaison A's SOE serving two villages (甲一村, 甲二村). */
let twoVillages: { id: number };

const updateImport = imports.updates;
const HEADERS = ['片区', '项目名称', '月份', '累计进度（%）', '累计投资（元）', '累计带动就业（人）', '累计带动村集体增收（元）', '进展情况', '受益村', '受益类别', '受益人数', '受益户数'];
const month = (offset = 0) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
};

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
  twoVillages = await database.prisma.project.create({
    data: {
      name: '甲二号项目', soeId: world.soeA.id, zoneId: world.zoneA.id, mode: 'AGRI_FOR_AGRI', method: 'DIRECT_INVESTMENT', outcomeArea: 'INDUSTRY_BASE',
      plannedInvestment: '2000000.00', status: 'IN_PROGRESS', villages: { create: [{ villageId: world.villageA1.id }, { villageId: world.villageA2.id }] },
    },
  });
  // 甲项目's last report, through the form: month −3.
  const first = await postProjectUpdate(world.users.liaisonA, {
    projectId: world.projectA.id, period: month(-3), progressPct: '20', investmentToDate: '200000.50', jobsCreated: '12', incomeToVillages: '30000',
    beneficiaries: [{ villageId: String(world.villageA1.id), kind: 'FARMERS', people: '100', households: '30' }],
  });
  expect(first.status).toBe('ok');
});
afterAll(() => database.drop());

async function xlsx(rows: (string | number)[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('数据');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
/** "CSV (逗号分隔)" as Chinese Excel and WPS save it: GBK, no BOM, CRLF, quotes where a comma is. */
const gbkCsv = (rows: (string | number)[][]) => iconv.encode(rows.map((r) => r.map((c) => (String(c).includes(',') ? `"${c}"` : c)).join(',')).join('\r\n') + '\r\n', 'gbk');

/** Everything an update import could write. */
async function snapshot() {
  const p = database.prisma;
  return Promise.all([p.projectUpdate.count(), p.updateEvent.count(), p.beneficiary.findMany({ orderBy: { id: 'asc' } }), p.auditLog.count(), p.import.count()]);
}

/** What the update form answers for the same figures: its first message. */
async function formMessage(input: Record<string, unknown>) {
  const state = await postProjectUpdate(world.users.liaisonA, { jobsCreated: '12', incomeToVillages: '30000', ...input });
  if (state.status === 'invalid') return Object.values(state.fieldErrors).flat()[0];
  return state.status === 'denied' ? state.message : `form said ${state.status}`;
}

describe('monthly update import', () => {
  it("gives a liaison a template prefilled with its own open projects, each for the month due with the last figures", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await templateWorkbook(updateImport, world.users.liaisonA, 'zh-CN')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['填表说明', '数据', '选项']);
    const rows = book.getWorksheet('数据')!.getSheetValues().slice(1).map((r) => Array.from({ length: 12 }, (_, i) => String((r as unknown[])[i + 1] ?? ''))).filter((r) => r.some(Boolean)); // rows below carry only drop-downs
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.slice(2)).toEqual([
      ['甲片区', '甲项目', month(-1), '20', '200000.5', '12', '30000', '', '甲一村', '农户', '100', '30'],
      ['', '甲全市项目', month(-1), '0', '0', '0', '0', '', '', '', '', ''],
      ['甲片区', '甲二号项目', month(-1), '0', '0', '0', '0', '', '甲一村', '', '', ''],
      ['甲片区', '甲二号项目', month(-1), '', '', '', '', '', '甲二村', '', '', ''],
    ]);
    // Another SOE's projects are in no one else's template; the CSV template has the same rows.
    const csv = toCsv(await templateCsvTable(updateImport, world.users.liaisonA, 'zh-CN'));
    expect(csv).toContain('甲二号项目');
    expect(csv).not.toContain('乙项目');
    expect(toCsv(await templateCsvTable(updateImport, world.users.liaisonB, 'zh-CN'))).not.toContain('甲项目');
  });

  it("refuses every row the form would refuse, with the form's own message, and writes nothing", async () => {
    const { projectA, villageA2, villageB1 } = world;
    const id = projectA.id;
    const base = { projectId: id, jobsCreated: '12', incomeToVillages: '30000' };
    // [the row's cells, the same figures as the form would send them, the column the import names]
    const cases: [(string | number)[], Record<string, unknown>, string][] = [
      [['甲片区', '甲项目', month(-1), 10, 300000, 12, 30000], { ...base, period: month(-1), progressPct: '10', investmentToDate: '300000' }, '累计进度（%）'],
      [['甲片区', '甲项目', month(-1), 30, 100000, 12, 30000], { ...base, period: month(-1), progressPct: '30', investmentToDate: '100000' }, '累计投资（元）'],
      [['甲片区', '甲项目', month(-1), 30, 300000, 5, 30000], { ...base, period: month(-1), progressPct: '30', investmentToDate: '300000', jobsCreated: '5' }, '累计带动就业（人）'],
      [['甲片区', '甲项目', month(-1), 30, 300000, 12, 100], { ...base, period: month(-1), progressPct: '30', investmentToDate: '300000', incomeToVillages: '100' }, '累计带动村集体增收（元）'],
      [['甲片区', '甲项目', month(-1), 30, 9000000, 12, 30000], { ...base, period: month(-1), progressPct: '30', investmentToDate: '9000000' }, '累计投资（元）'],
      [['甲片区', '甲项目', month(2), 30, 300000, 12, 30000], { ...base, period: month(2), progressPct: '30', investmentToDate: '300000' }, '月份'],
      [['甲片区', '甲项目', month(-3), 30, 300000, 12, 30000], { ...base, period: month(-3), progressPct: '30', investmentToDate: '300000' }, '月份'],
      [['甲片区', '甲项目', month(-4), 30, 300000, 12, 30000], { ...base, period: month(-4), progressPct: '30', investmentToDate: '300000' }, '累计进度（%）'],
      [['甲片区', '甲项目', month(-1), 130, 300000, 12, 30000], { ...base, period: month(-1), progressPct: '130', investmentToDate: '300000' }, '累计进度（%）'],
      [
        ['甲片区', '甲项目', month(-1), 30, 300000, 12, 30000, '', '乙一村', '农户', 5, ''],
        { ...base, period: month(-1), progressPct: '30', investmentToDate: '300000', beneficiaries: [{ villageId: String(villageB1.id), kind: 'FARMERS', people: '5' }] },
        '受益村',
      ],
      [
        ['甲片区', '甲项目', month(-1), 30, 300000, 12, 30000, '', '甲二村', '农户', 5, ''],
        { ...base, period: month(-1), progressPct: '30', investmentToDate: '300000', beneficiaries: [{ villageId: String(villageA2.id), kind: 'FARMERS', people: '5' }] },
        '受益村',
      ],
    ];
    const before = await snapshot();
    const file = await xlsx([HEADERS, ...cases.map(([cells]) => cells)]);
    const outcome = await checkThenCommit(updateImport, world.users.liaisonA, file, { commit: true });
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    const expected = [];
    for (const [i, [, input, column]] of cases.entries()) expected.push({ row: i + 2, column, message: await formMessage(input) });
    expect(outcome.errors.map(({ row, column, message }) => ({ row, column, message }))).toEqual(expected);
    // The messages are the form's specific ones, not a generic refusal.
    expect(expected.map((e) => e.message)).toEqual([
      '进度不能低于上次填报的 20%。',
      '累计投资不能低于上次填报的金额。',
      `累计带动就业人数不能低于上次（${month(-3)}）填报的 12 人。`,
      `累计带动村集体增收不能低于上次（${month(-3)}）填报的 30000 元。`,
      '累计投资超过了计划投资。',
      '不能填报未来月份的进展。',
      '该月的进展已填报，请在项目页对该月进展点“修改”，或选择其他月份。',
      `这是累计数，不能高于之后 ${month(-3)} 已填报的 20。请先核对以后各月的填报。`,
      '进度须在 0 到 100 之间。',
      '受益村须是本项目涉及的村。',
      '受益村须是本项目涉及的村。',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another SOE's project as one it does not know, a month twice in one file, and rows falling within the file", async () => {
    const before = await snapshot();
    const outcome = await checkThenCommit(
      updateImport,
      world.users.liaisonA,
      await xlsx([
        HEADERS,
        ['乙片区', '乙项目', month(-1), 30, 300000, 12, 30000],
        ['甲片区', '甲项目', month(-2), 30, 300000, 12, 30000],
        ['甲片区', '甲项目', month(-2), 31, 310000, 12, 30000],
        ['甲片区', '甲项目', month(-1), 25, 310000, 12, 30000],
      ]),
      { commit: true },
    );
    expect(outcome.status === 'failed' && outcome.errors.map(({ row, column, message }) => ({ row, column, message }))).toEqual([
      { row: 2, column: '项目名称', message: '找不到本单位的这个项目：片区和项目名称须与项目页一致（全市性项目的片区留空）。' },
      { row: 4, column: '月份', message: '与前面的行重复。' },
      // Row 3 (month −2, 30%) stands before it, as it would once posted by the form.
      { row: 5, column: '累计进度（%）', message: '进度不能低于上次填报的 30%。' },
    ]);
    // The form refuses the other SOE's project outright (denied), which the import answers row by row.
    expect(await postProjectUpdate(world.users.liaisonA, { projectId: world.projectB.id, period: month(-1), progressPct: '30', investmentToDate: '300000', jobsCreated: '12', incomeToVillages: '30000' })).toMatchObject({ status: 'denied' });
    expect(await snapshot()).toEqual(before);
  });

  it('is for liaison teams only: villages, the org department and nobody cannot run it; another liaison finds none of these projects', async () => {
    const file = await xlsx([HEADERS, ['甲片区', '甲项目', month(-1), 30, 300000, 12, 30000]]);
    const before = await snapshot();
    const denied = translator('zh-CN')('errors.denied');
    for (const user of [world.users.villageA1, world.users.admin, world.users.viewer, null]) {
      expect(await checkThenCommit(updateImport, user, file, { commit: true })).toMatchObject({ status: 'failed', message: denied });
    }
    expect(importKinds(world.users.liaisonA)).toContain('updates');
    expect(importKinds(world.users.villageA1)).not.toContain('updates');
    expect(importKinds(world.users.admin)).not.toContain('updates');
    const other = await checkThenCommit(updateImport, world.users.liaisonB, file, { commit: true });
    expect(other.status === 'failed' && other.errors.map((e) => e.column)).toEqual(['项目名称']);
    expect(await snapshot()).toEqual(before);
  });

  it("commits a liaison's filled template as the form posts: updates, POSTED events, beneficiary counts; undone until something happens after", async () => {
    const { liaisonA, villageA1 } = world.users;
    // The template as Excel would save it once filled in: figures typed as numbers, 5万元 as text, a second village's row.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await templateWorkbook(updateImport, liaisonA, 'zh-CN')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('数据')!;
    const set = (row: number, values: Record<number, string | number>) => Object.entries(values).forEach(([col, v]) => (sheet.getRow(row).getCell(Number(col)).value = v));
    set(3, { 4: 35, 5: 350000, 6: 20, 7: 45000.5, 8: '大棚完工', 11: 120 }); // 甲项目
    set(4, { 4: 0.1, 5: '5万元' }); // 甲全市项目: 10% in a cell formatted as a percentage
    sheet.getRow(4).getCell(4).numFmt = '0%';
    set(5, { 4: 5, 5: 1000, 10: '农户', 11: 50, 12: 15 }); // 甲二号项目, 甲一村
    set(6, { 10: '低收入户', 11: 8 }); // 甲二号项目, 甲二村
    const file = Buffer.from(await book.xlsx.writeBuffer());

    const before = await snapshot();
    const preview = await previewImport(updateImport, liaisonA, file, 'zh-CN');
    expect(preview).toMatchObject({ status: 'preview', rows: 4, plan: { created: { ProjectUpdate: 3 }, changeCount: 0, flagged: 0 } });
    const done = await checkThenCommit(updateImport, liaisonA, file, { commit: true, fileName: '十月进展.xlsx' });
    expect(done).toMatchObject({ status: 'committed', rows: 4, counts: { updatesPosted: 3, beneficiariesCreated: 2, beneficiariesChanged: 1 } });
    if (done.status !== 'committed') return;

    const posted = await database.prisma.projectUpdate.findMany({ where: { period: new Date(`${month(-1)}-01`) }, include: { events: true }, orderBy: { projectId: 'asc' } });
    expect(posted.map((u) => [u.projectId, u.progressPct, u.investmentToDate.toString(), u.jobsCreated, u.incomeToVillages.toString(), u.narrative, u.confirmation, u.authorId, u.events.map((e) => e.kind)])).toEqual([
      [world.projectA.id, 35, '350000', 20, '45000.5', '大棚完工', 'PENDING', liaisonA.id, ['POSTED']],
      [world.projectCity.id, 10, '50000', 0, '0', null, 'PENDING', liaisonA.id, ['POSTED']],
      [twoVillages.id, 5, '1000', 0, '0', null, 'PENDING', liaisonA.id, ['POSTED']],
    ]);
    const counts = await database.prisma.beneficiary.findMany({ where: { projectId: { in: [world.projectA.id, twoVillages.id] } }, orderBy: { id: 'asc' } });
    expect(counts.map((b) => [b.projectId, b.villageId, b.kind, b.people, b.households, b.updateId])).toEqual([
      [world.projectA.id, world.villageA1.id, 'FARMERS', 120, 30, posted[0]!.id],
      [twoVillages.id, world.villageA1.id, 'FARMERS', 50, 15, posted[2]!.id],
      [twoVillages.id, world.villageA2.id, 'LOW_INCOME_HOUSEHOLDS', 8, null, posted[2]!.id],
    ]);
    // One audit row for the whole import, keeping what undo needs.
    const [, events, , audit] = await snapshot();
    expect([events, audit]).toEqual([before[1] + 3, before[3] + 1]);
    expect(await database.prisma.auditLog.findFirstOrThrow({ where: { entity: 'Import', entityId: String(done.importId) } })).toMatchObject({ action: 'import.updates' });

    // Undone before anyone acted on it: the updates gone, 甲项目's earlier count back.
    expect(await undoImport(world.users.liaisonB, { importId: done.importId, version: 1 })).toMatchObject({ status: 'denied' });
    expect(await undoImport(liaisonA, { importId: done.importId, version: 1 })).toMatchObject({ status: 'ok' });
    const [updates, eventsAfter, beneficiaries] = await snapshot();
    expect([updates, eventsAfter, beneficiaries]).toEqual([before[0], before[1], before[2]]);

    // Imported again (the same file), then the village confirms one: the import stands.
    const again = await checkThenCommit(updateImport, liaisonA, file, { commit: true });
    if (again.status !== 'committed') throw new Error(JSON.stringify(again));
    const update = await database.prisma.projectUpdate.findFirstOrThrow({ where: { projectId: world.projectA.id, period: new Date(`${month(-1)}-01`) } });
    expect(await reviewUpdate(villageA1, { updateId: update.id, version: update.version, decision: 'CONFIRMED' })).toMatchObject({ status: 'ok' });
    const standing = await snapshot();
    expect(await undoImport(liaisonA, { importId: again.importId, version: 1 })).toMatchObject({
      status: 'invalid',
      fieldErrors: { importId: ['有 1 条记录在导入之后被修改或被其他记录引用，不能整体撤销。请先处理这些记录。'] },
    });
    expect(await snapshot()).toEqual(standing);
  });

  it('reads the same template saved by Chinese Excel as GBK CSV, and refuses a month the import already posted', async () => {
    const { liaisonA } = world.users;
    const rows = [HEADERS, ['甲片区', '甲项目', month(0), '40%', '36万元', '21人', '46,000', '', '甲一村', '农户', '130人', '35户']];
    const done = await checkThenCommit(updateImport, liaisonA, gbkCsv(rows), { commit: true, fileName: 'updates.csv' });
    expect(done).toMatchObject({ status: 'committed', counts: { updatesPosted: 1 } });
    expect(await database.prisma.projectUpdate.findFirstOrThrow({ where: { projectId: world.projectA.id, period: new Date(`${month(0)}-01`) } })).toMatchObject({ progressPct: 40, jobsCreated: 21 });
    // The same month again, in another file: the form's message, pointing at 修改.
    const again = await checkThenCommit(updateImport, liaisonA, gbkCsv([HEADERS, ['甲片区', '甲项目', month(0), '41', '360000', '21', '46000']]), { commit: true });
    expect(again.status === 'failed' && again.errors.map((e) => e.message)).toEqual(['该月的进展已填报，请在项目页对该月进展点“修改”，或选择其他月份。']);
    if (done.status !== 'committed') return;
    expect(await undoImport(liaisonA, { importId: done.importId, version: 1 })).toMatchObject({ status: 'ok' });
  });

  it('cannot be undone once the form has posted a later month of one of its projects', async () => {
    const { liaisonA } = world.users;
    const done = await checkThenCommit(updateImport, liaisonA, await xlsx([HEADERS, ['', '甲全市项目', month(-2), 5, 10000, 0, 0]]), { commit: true });
    if (done.status !== 'committed') throw new Error(JSON.stringify(done));
    expect(await postProjectUpdate(liaisonA, { projectId: world.projectCity.id, period: month(0), progressPct: '12', investmentToDate: '60000', jobsCreated: '0', incomeToVillages: '0' })).toMatchObject({ status: 'ok' });
    const standing = await snapshot();
    expect(await undoImport(liaisonA, { importId: done.importId, version: 1 })).toMatchObject({ status: 'invalid', fieldErrors: { importId: [expect.stringContaining('有 1 条记录')] } });
    expect(await snapshot()).toEqual(standing);
  });
});
