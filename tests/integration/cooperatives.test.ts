import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDividend, saveCooperative, saveShare, setCooperativeProjects } from '../../lib/cooperatives/mutations';
import { getVillageDividends, getZoneCooperative, listDividends } from '../../lib/cooperatives/queries';
import { saveJointVenture } from '../../lib/joint-ventures/mutations';
import { getZoneJointVentures } from '../../lib/joint-ventures/queries';
import { reportIncome } from '../../lib/villages/mutations';
import { exporters } from '../../lib/exports/registry';
import { toCsv } from '../../lib/exports/tabular';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

// The zone's joint-stock cooperative and the joint ventures as records (issue 21, part 4): written
// only through their mutation cores (policy in the transaction, one audit row, all or nothing);
// a dividend is part of the village's income and never more than it.
let database: TestDatabase;
let world: World;
let cooperativeId = 0;
const audits = (entity: string) => database.prisma.auditLog.count({ where: { entity } });
const money = (text: string) => ({ text, unit: '元' });

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

describe('the cooperative', () => {
  it('is recorded by an administrator only, one per zone', async () => {
    const { admin, liaisonA, villageA1, viewer } = world.users;
    const input = { zoneId: world.zoneA.id, name: '甲片区股份制经济联合社', foundedOn: '2021-06-01', plan: '5年产业规划' };
    for (const user of [liaisonA, villageA1, viewer]) expect((await saveCooperative(user, input)).status).toBe('denied');
    const created = await saveCooperative(admin, input);
    expect(created.status).toBe('ok');
    cooperativeId = created.status === 'ok' ? created.data.id : 0;
    const second = await saveCooperative(admin, { ...input, name: '另一个联合社' }, 'en');
    expect(second).toMatchObject({ status: 'invalid', fieldErrors: { name: ['This zone already has a joint-stock cooperative'] }, values: { name: '另一个联合社' } });
    const badDate = await saveCooperative(admin, { ...input, foundedOn: '2099-01-01' }, 'zh-CN');
    expect(badDate).toMatchObject({ status: 'invalid', fieldErrors: { foundedOn: ['日期不能晚于今天。'] } });
    expect(await database.prisma.cooperative.count()).toBe(1);
    expect(await audits('Cooperative')).toBe(1);
  });

  it('records each village’s share (land and/or money), refusing a village of another zone and shares above 100 %', async () => {
    const { admin, liaisonA } = world.users;
    const share = { cooperativeId, villageId: world.villageA1.id, landMu: '120.5亩', amount: { text: '30', unit: '万元' }, percent: '60%', asOf: '2024-12-31' };
    expect((await saveShare(liaisonA, share)).status).toBe('denied');
    const neither = await saveShare(admin, { ...share, landMu: '', amount: { text: '', unit: '万元' } }, 'en');
    expect(neither).toMatchObject({ status: 'invalid', fieldErrors: { landMu: ['Enter the land (mu) or the money (yuan) invested, at least one'] } });
    const neitherZh = await saveShare(admin, { ...share, landMu: '', amount: { text: '', unit: '万元' } }, 'zh-CN');
    expect(neitherZh).toMatchObject({ status: 'invalid', fieldErrors: { landMu: ['请填写入股的土地（亩）或资金（元），至少一项'] } });
    const otherZone = await saveShare(admin, { ...share, villageId: world.villageB1.id }, 'zh-CN');
    expect(otherZone).toMatchObject({ status: 'invalid', fieldErrors: { villageId: ['所选村不在该片区。'] } });
    expect((await saveShare(admin, share)).status).toBe('ok');
    const over = await saveShare(admin, { ...share, villageId: world.villageA2.id, percent: '40.01' }, 'en');
    expect(over).toMatchObject({ status: 'invalid', fieldErrors: { percent: ['The shares together cannot exceed 100%'] }, values: { percent: '40.01' } });
    expect((await saveShare(admin, { ...share, villageId: world.villageA2.id, landMu: '', percent: '40' })).status).toBe('ok');
    // A later statement replaces the village's share: the version the form saw travels along.
    const row = await database.prisma.cooperativeShare.findUniqueOrThrow({ where: { villageId: world.villageA1.id } });
    expect([row.landMu?.toString(), row.amount?.toString(), row.percent?.toString()]).toEqual(['120.5', '300000', '60']);
    expect((await saveShare(admin, { ...share, percent: '55', version: row.version })).status).toBe('ok');
    expect((await saveShare(admin, { ...share, percent: '50', version: row.version })).status).toBe('conflict');
    expect(await database.prisma.cooperativeShare.count()).toBe(2);
    expect(await audits('CooperativeShare')).toBe(3);
  });

  it('marks the projects it brought in, only projects of its zone', async () => {
    const { admin } = world.users;
    const c = await database.prisma.cooperative.findUniqueOrThrow({ where: { id: cooperativeId } });
    const outside = await setCooperativeProjects(admin, { cooperativeId, version: c.version, projectIds: [world.projectA.id, world.projectB.id] }, 'en');
    expect(outside).toMatchObject({ status: 'invalid', fieldErrors: { projectIds: ['Choose projects of this zone only'] } });
    expect(await database.prisma.project.count({ where: { cooperativeId } })).toBe(0);
    expect((await setCooperativeProjects(admin, { cooperativeId, version: c.version, projectIds: [world.projectA.id] })).status).toBe('ok');
    expect((await database.prisma.project.findUniqueOrThrow({ where: { id: world.projectA.id } })).cooperativeId).toBe(cooperativeId);
    const view = (await getZoneCooperative(world.users.villageA2, world.zoneA.id))!;
    expect(view.projects.filter((p) => p.broughtIn).map((p) => p.id)).toEqual([world.projectA.id]);
  });
});

describe('shares saved at the same moment', () => {
  it('never pass 100 % together: of ten villages saving 20 % at once, five are accepted', async () => {
    const { admin } = world.users;
    const saved = await saveCooperative(admin, { zoneId: world.zoneB.id, name: '乙片区股份制经济联合社', foundedOn: '', plan: '' });
    const id = saved.status === 'ok' ? saved.data.id : 0;
    const villages = await Promise.all(Array.from({ length: 10 }, (_, i) => database.prisma.village.create({ data: { zoneId: world.zoneB.id, name: `乙并发村${i}` } })));
    const results = await Promise.all(villages.map((v) => saveShare(admin, { cooperativeId: id, villageId: v.id, landMu: '10', amount: '', percent: '20', asOf: '2024-12-31' })));
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(5);
    expect(await database.prisma.cooperativeShare.count({ where: { cooperativeId: id } })).toBe(5);
  });
});

describe('dividends', () => {
  it('are booked by an administrator or the village’s own committee, never above the year’s reported income', async () => {
    const { admin, liaisonA, villageA1, villageA2 } = world.users;
    expect((await reportIncome(villageA1, { villageId: world.villageA1.id, year: 2024, amount: money('400000') })).status).toBe('ok');
    const dividend = { villageId: world.villageA1.id, year: 2024, amount: money('36000.50'), paidOn: '2025-02-15' };
    for (const user of [liaisonA, villageA2]) expect((await recordDividend(user, dividend)).status).toBe('denied');
    const above = await recordDividend(villageA1, { ...dividend, amount: money('400000.01') }, 'zh-CN');
    expect(above).toMatchObject({ status: 'invalid', fieldErrors: { amount: ['分红是村集体经济收入的一部分，不能超过本村2024年已报收入（400,000 元）'] }, values: { 'amount.text': '400000.01' } });
    const aboveEn = await recordDividend(villageA1, { ...dividend, amount: money('500000') }, 'en');
    expect(aboveEn).toMatchObject({ status: 'invalid', fieldErrors: { amount: ["A dividend is part of the village's collective income and cannot exceed the 2024 income reported (400,000 yuan)"] } });
    const bad = await recordDividend(villageA1, { ...dividend, year: '2100', amount: money('abc') }, 'en');
    expect(bad.status).toBe('invalid');
    if (bad.status === 'invalid') expect(Object.keys(bad.fieldErrors).sort()).toEqual(['amount', 'year']);
    expect(await database.prisma.cooperativeDividend.count()).toBe(0);
    expect(await audits('CooperativeDividend')).toBe(0);

    expect((await recordDividend(villageA1, dividend)).status).toBe('ok');
    expect((await recordDividend(admin, { ...dividend, villageId: world.villageA2.id, year: 2023, amount: money('12000') })).status).toBe('ok');
    // A year already booked is corrected with the version seen; twice the same version is a conflict.
    const row = await database.prisma.cooperativeDividend.findUniqueOrThrow({ where: { villageId_year: { villageId: world.villageA1.id, year: 2024 } } });
    expect(row.cooperativeId).toBe(cooperativeId);
    expect((await recordDividend(villageA1, { ...dividend, amount: money('40000') })).status).toBe('conflict');
    expect((await recordDividend(villageA1, { ...dividend, amount: money('40000'), version: row.version })).status).toBe('ok');
    expect((await recordDividend(villageA1, { ...dividend, amount: money('41000'), version: row.version })).status).toBe('conflict');
    expect(await audits('CooperativeDividend')).toBe(3);
    const audit = await database.prisma.auditLog.findFirstOrThrow({ where: { entity: 'CooperativeDividend', action: 'cooperative.dividend.update' } });
    expect(audit.actorId).toBe(villageA1.id);
  });

  it('are refused where the village’s zone has no cooperative', async () => {
    const { admin } = world.users;
    const lone = await database.prisma.village.create({ data: { zoneId: world.zoneShared.id, name: '共一村' } });
    const r = await recordDividend(admin, { villageId: lone.id, year: 2024, amount: money('1000') }, 'en');
    expect(r).toMatchObject({ status: 'invalid', fieldErrors: { villageId: ["The village's zone has no joint-stock cooperative recorded yet"] } });
  });

  it('show in the village’s income history as part of the year’s income, flagged once a corrected income no longer covers them', async () => {
    const { villageA1, villageB1, liaisonA, liaisonB } = world.users;
    const mine = (await getVillageDividends(villageA1, world.villageA1.id))!;
    expect(mine.canRecord).toBe(true);
    expect(mine.byYear.get(2024)?.amount).toBe('40000');
    expect(await getVillageDividends(villageB1, world.villageA1.id)).toBeNull();
    expect((await getVillageDividends(liaisonA, world.villageA1.id))!.canRecord).toBe(false);
    // The income is corrected below the dividend (by the village, with a reason): the history flags it.
    const income = await database.prisma.villageIncome.findFirstOrThrow({ where: { villageId: world.villageA1.id, year: 2024 } });
    expect((await reportIncome(villageA1, { villageId: world.villageA1.id, year: 2024, amount: money('30000'), version: income.version, reason: '更正录入错误' })).status).toBe('ok');
    const coop = (await getZoneCooperative(villageA1, world.zoneA.id))!;
    expect(coop.cooperative!.dividends.map((d) => [d.village, d.year, d.amount, d.income, d.exceedsIncome])).toEqual([
      ['甲二村', 2023, '12000', null, false],
      ['甲一村', 2024, '40000', '30000', true],
    ]);
    // The export's rows: scoped as the village list (a liaison of another SOE sees none).
    expect((await listDividends(liaisonA, {}, 100)).length).toBe(2);
    expect(await listDividends(liaisonB, {}, 100)).toEqual([]);
    expect((await listDividends(villageA1, { year: 2024 }, 100)).map((r) => [r.amount, r.income, r.exceedsIncome])).toEqual([['40000', '30000', true]]);
  });
});

describe('the dividends export', () => {
  it('lists the dividends in scope per village and year with the income beside them and the check, in both languages', async () => {
    const { admin, liaisonB, villageA1 } = world.users;
    const zh = (await exporters.dividends!(admin, { zone: String(world.zoneA.id) }, 'zh-CN'))!;
    expect(zh.name).toBe('联合社分红');
    expect(zh.rows.map((r) => [r.year, r.village, r.amount, r.income, r.share, r.check])).toEqual([
      [2023, '甲二村', '12000', null, null, ''],
      [2024, '甲一村', '40000', '30000', 133.3, '超过已报收入，请核对'],
    ]);
    expect(toCsv(zh)).toContain('分红金额（元）');
    const en = (await exporters.dividends!(villageA1, { year: '2024' }, 'en'))!;
    expect(en.columns.map((c) => c.header)).toContain('Dividend (yuan)');
    expect(en.rows).toHaveLength(1);
    expect((await exporters.dividends!(liaisonB, {}, 'en'))!.rows).toEqual([]);
  });
});

describe('joint ventures', () => {
  const venture = () => ({
    name: '甲村企合资有限公司',
    registeredOn: '2021-03-01',
    zoneId: world.zoneA.id,
    villageId: world.villageA1.id,
    description: '',
    partners: [{ partner: `SOE:${world.soeA.id}`, percent: '51' }, { partner: `COOPERATIVE:${cooperativeId}`, percent: '49' }, { partner: '', percent: '' }],
    projectIds: [world.projectA.id],
  });

  it('are recorded by administrators with their partners, shares and projects; others are refused', async () => {
    const { admin, liaisonA, villageA1 } = world.users;
    for (const user of [liaisonA, villageA1]) expect((await saveJointVenture(user, venture())).status).toBe('denied');
    const saved = await saveJointVenture(admin, venture());
    expect(saved.status).toBe('ok');
    const row = await database.prisma.jointVenture.findFirstOrThrow({ include: { partners: { orderBy: { id: 'asc' } }, projects: true } });
    expect(row.partners.map((p) => [p.kind, p.soeId ?? p.cooperativeId, p.percent?.toString()])).toEqual([['SOE', world.soeA.id, '51'], ['COOPERATIVE', cooperativeId, '49']]);
    expect(row.projects.map((p) => p.id)).toEqual([world.projectA.id]);
    expect(await audits('JointVenture')).toBe(1);
    // Read by whoever reads the zone (the zone's committees, the paired SOE's team), not by others.
    expect((await getZoneJointVentures(villageA1, world.zoneA.id))!.ventures.map((v) => v.name)).toEqual(['甲村企合资有限公司']);
    expect((await getZoneJointVentures(liaisonA, world.zoneA.id))!.ventures[0]!.canManage).toBe(false);
    expect(await getZoneJointVentures(world.users.villageB1, world.zoneA.id)).toBeNull();
  });

  it('refuse bad partners and shares in both languages, changing nothing', async () => {
    const { admin } = world.users;
    const row = await database.prisma.jointVenture.findFirstOrThrow();
    const edit = { ...venture(), id: row.id, version: row.version };
    const over = await saveJointVenture(admin, { ...edit, partners: [{ partner: `SOE:${world.soeA.id}`, percent: '60' }, { partner: `ZONE_COMMITTEE:${world.zoneA.id}`, percent: '41' }] }, 'en');
    expect(over).toMatchObject({ status: 'invalid', fieldErrors: { 'partners.0.percent': ['The shares together cannot exceed 100%'] } });
    const twice = await saveJointVenture(admin, { ...edit, partners: [{ partner: `SOE:${world.soeA.id}`, percent: '' }, { partner: `SOE:${world.soeA.id}`, percent: '' }] }, 'zh-CN');
    expect(twice).toMatchObject({ status: 'invalid', fieldErrors: { 'partners.1.partner': ['同一合资方只能填一次'] } });
    const noSoe = await saveJointVenture(admin, { ...edit, partners: [{ partner: `ZONE_COMMITTEE:${world.zoneA.id}`, percent: '' }, { partner: `VILLAGE:${world.villageA1.id}`, percent: '' }] }, 'en');
    expect(noSoe).toMatchObject({ status: 'invalid', fieldErrors: { 'partners.0.partner': ['One partner must be an SOE'] } });
    const foreignVillage = await saveJointVenture(admin, { ...edit, partners: [{ partner: `SOE:${world.soeA.id}`, percent: '' }, { partner: `VILLAGE:${world.villageB1.id}`, percent: '' }] }, 'en');
    expect(foreignVillage).toMatchObject({ status: 'invalid', fieldErrors: { 'partners.1.partner': ['Choose a partner from the list'] } });
    const one = await saveJointVenture(admin, { ...edit, partners: [{ partner: `SOE:${world.soeA.id}`, percent: '' }] }, 'zh-CN');
    expect(one).toMatchObject({ status: 'invalid', fieldErrors: { partners: ['合资公司至少有两个合资方'] } });
    const project = await saveJointVenture(admin, { ...edit, projectIds: [world.projectB.id] }, 'en');
    expect(project).toMatchObject({ status: 'invalid', fieldErrors: { projectIds: ['Choose projects of this zone only'] } });
    const after = await database.prisma.jointVenture.findFirstOrThrow({ include: { partners: true } });
    expect([after.version, after.partners.length]).toEqual([row.version, 2]);
    expect(await audits('JointVenture')).toBe(1);
  });

  it('are edited with the version seen: partners replaced, projects unlinked', async () => {
    const { admin } = world.users;
    const row = await database.prisma.jointVenture.findFirstOrThrow();
    const edit = { ...venture(), id: row.id, version: row.version, partners: [{ partner: `SOE:${world.soeA.id}`, percent: '' }, { partner: `ZONE_COMMITTEE:${world.zoneA.id}`, percent: '' }], projectIds: [] };
    expect((await saveJointVenture(admin, edit)).status).toBe('ok');
    expect((await saveJointVenture(admin, edit)).status).toBe('conflict');
    const after = await database.prisma.jointVenture.findFirstOrThrow({ include: { partners: true, projects: true } });
    expect([after.partners.map((p) => p.kind).sort(), after.projects.length]).toEqual([['SOE', 'ZONE_COMMITTEE'], 0]);
    expect(await audits('JointVenture')).toBe(2);
  });
});
