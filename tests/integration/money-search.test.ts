import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, postProjectUpdate } from '../../lib/projects/mutations';
import { search, type SearchKind } from '../../lib/search/queries';
import { formToObject } from '../../lib/server-action';
import { reportIncome } from '../../lib/villages/mutations';
import type { SessionUser } from '../../lib/auth/policy';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
  await database.prisma.village.create({ data: { name: '毛家冲村', zoneId: world.zoneA.id } });
});
afterAll(() => database.drop());

/** The form as the browser posts it: money as `<field>.text` and `<field>.unit` (components/ui/money-input.tsx). */
function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return formToObject(data);
}
const projectForm = (name: string, text: string, unit: string) =>
  form({
    name,
    zoneId: String(world.zoneA.id),
    mode: 'AGRI_FOR_AGRI',
    method: 'DIRECT_INVESTMENT',
    outcomeArea: 'FARMER_INCOME',
    batch: 'INDUSTRY',
    'plannedInvestment.text': text,
    'plannedInvestment.unit': unit,
    startDate: '2025/3/1',
    endDate: '2026年3月1日',
    'villageIds[]': [String(world.villageA1.id)],
  });

describe('money typed in a form is stored in yuan, read by the server', () => {
  it('stores 300000 from "30" beside 万元, from "30万" beside either unit, and from "300,000" beside 元', async () => {
    const { liaisonA } = world.users;
    const cases: [string, string][] = [['30', '万元'], ['30万', '万元'], ['30万', '元'], ['300,000', '元'], ['３０', '万元'], ['¥300,000', '元']];
    for (const [i, [text, unit]] of cases.entries()) {
      const created = await createProject(liaisonA, projectForm(`金额项目${i}`, text, unit));
      expect(created.status, `${text} ${unit}`).toBe('ok');
      const row = await database.prisma.project.findUniqueOrThrow({ where: { id: created.status === 'ok' ? created.data.id : 0 } });
      expect(row.plannedInvestment?.toString(), `${text} ${unit}`).toBe('300000');
      expect(row.startDate?.toISOString().slice(0, 10)).toBe('2025-03-01');
      expect(row.endDate?.toISOString().slice(0, 10)).toBe('2026-03-01');
    }
  });

  it('refuses a bad amount with its reason, keeps what was typed, and writes nothing', async () => {
    const before = await database.prisma.project.count();
    const refused = await createProject(world.users.liaisonA, projectForm('坏金额项目', '1.234', '元'));
    expect(refused).toMatchObject({
      status: 'invalid',
      fieldErrors: { plannedInvestment: ['金额最多到分：按元计最多两位小数。'] },
      values: { 'plannedInvestment.text': '1.234', 'plannedInvestment.unit': '元' },
    });
    expect(await createProject(world.users.liaisonA, projectForm('坏金额项目', '三十万', '万元'))).toMatchObject({
      fieldErrors: { plannedInvestment: ['看不懂这个金额：请填数字，如 30、30万、1,234.5 或 ¥300,000。'] },
    });
    expect(await database.prisma.project.count()).toBe(before);
  });

  it('monthly updates and village incomes read their units the same way', async () => {
    const period = new Date();
    const month = `${period.getUTCFullYear()}-${String(period.getUTCMonth() + 1).padStart(2, '0')}`;
    const update = await postProjectUpdate(
      world.users.liaisonA,
      form({ projectId: String(world.projectA.id), period: month, progressPct: '10', 'investmentToDate.text': '12.5', 'investmentToDate.unit': '万元', jobsCreated: '3', 'incomeToVillages.text': '8,000', 'incomeToVillages.unit': '元' }),
    );
    expect(update.status).toBe('ok');
    const row = await database.prisma.projectUpdate.findFirstOrThrow({ where: { projectId: world.projectA.id } });
    expect([row.investmentToDate.toString(), row.incomeToVillages.toString()]).toEqual(['125000', '8000']);

    const year = String(new Date().getUTCFullYear() - 1);
    const income = await reportIncome(world.users.villageA1, form({ villageId: String(world.villageA1.id), year, 'amount.text': '523,400.5', 'amount.unit': '元' }));
    expect(income.status).toBe('ok');
    const stored = await database.prisma.villageIncome.findFirstOrThrow({ where: { villageId: world.villageA1.id } });
    expect(stored.amount.toString()).toBe('523400.5');
  });
});

describe('search stays within what each role may see', () => {
  const names = async (user: SessionUser, q: string, kind: SearchKind) => (await search(user, q)).find((g) => g.kind === kind)!.hits.map((h) => h.name).sort();

  it('finds 毛家冲村 by "mjc" only for those who may read its zone', async () => {
    const { admin, viewer, liaisonA, liaisonB, villageA2, villageB1 } = world.users;
    for (const user of [admin, viewer, liaisonA, villageA2]) expect(await names(user, 'mjc', 'village'), user.username).toEqual(['毛家冲村']);
    for (const user of [liaisonB, villageB1]) expect(await names(user, 'mjc', 'village'), user.username).toEqual([]);
    expect(await names(admin, '毛家冲', 'village')).toEqual(['毛家冲村']);
    expect(await names(admin, 'maojiachong', 'village')).toEqual(['毛家冲村']);
  });

  it('scopes zones, SOEs and projects as the policy does', async () => {
    const { admin, liaisonA, liaisonB, villageA1 } = world.users;
    expect(await names(admin, 'pq', 'zone')).toEqual(['乙片区', '共片区', '甲片区'].sort());
    expect(await names(liaisonB, 'pq', 'zone')).toEqual(['乙片区', '共片区'].sort());
    expect(await names(villageA1, 'pq', 'zone')).toEqual(['甲片区']);
    expect(await names(admin, 'jt', 'soe')).toEqual(['乙集团', '甲集团'].sort());
    expect(await names(liaisonA, 'jt', 'soe')).toEqual(['甲集团']);
    expect(await names(villageA1, 'jt', 'soe')).toEqual([]);
    expect(await names(liaisonB, 'xm', 'project')).toEqual(['乙项目']);
    expect(await names(villageA1, 'xm', 'project')).toContain('甲项目');
    expect(await names(villageA1, 'xm', 'project')).not.toContain('乙项目');
    expect(await names(villageA1, 'xm', 'project')).not.toContain('甲全市项目');
  });
});
