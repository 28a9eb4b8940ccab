import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeProjectStatus, createProject, postProjectUpdate } from '../../lib/projects/mutations';
import { currentQuarter } from '../../lib/dates';
import { giveFeedback, reviewUpdate } from '../../lib/projects/review-mutations';
import { reportIncome } from '../../lib/villages/mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

/** Everything a failed write could have touched. */
async function snapshot() {
  const p = database.prisma;
  return Promise.all([p.project.count(), p.projectUpdate.count(), p.beneficiary.count(), p.feedback.count(), p.villageIncome.count(), p.auditLog.count()]);
}
const month = (offset = 0) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
};
const newProject = (changes: Record<string, unknown> = {}) => ({
  name: '新建示例项目',
  zoneId: String(world.zoneA.id),
  mode: 'AGRI_FOR_AGRI',
  method: 'DIRECT_INVESTMENT',
  outcomeArea: 'FARMER_INCOME',
  batch: 'INDUSTRY',
  plannedInvestment: '2000000',
  startDate: '2026-01-01',
  endDate: '',
  description: '',
  villageIds: [String(world.villageA1.id)],
  ...changes,
});

describe('liaison teams', () => {
  it('create projects for their own SOE only in paired zones, with villages of that zone', async () => {
    const { liaisonA, liaisonB, admin, villageA1 } = world.users;
    const created = await createProject(liaisonA, newProject());
    expect(created.status).toBe('ok');
    const row = await database.prisma.project.findUniqueOrThrow({ where: { id: created.status === 'ok' ? created.data.id : 0 }, include: { villages: true } });
    expect(row).toMatchObject({ soeId: world.soeA.id, zoneId: world.zoneA.id, status: 'PREPARING' });
    expect(row.villages.map((v) => v.villageId)).toEqual([world.villageA1.id]);

    const before = await snapshot();
    expect(await createProject(liaisonA, newProject({ zoneId: String(world.zoneB.id), villageIds: [] }))).toMatchObject({ status: 'denied' });
    expect(await createProject(liaisonB, newProject())).toMatchObject({ status: 'denied' });
    for (const u of [admin, villageA1]) expect(await createProject(u, newProject())).toMatchObject({ status: 'denied' });
    expect(await createProject(liaisonA, newProject({ villageIds: [String(world.villageB1.id)] }))).toMatchObject({
      status: 'invalid',
      fieldErrors: { villageIds: ['所选村不在该片区。'] },
    });
    expect(await createProject(liaisonA, newProject({ startDate: '2026-05-01', endDate: '2026-01-01' }))).toMatchObject({
      status: 'invalid',
      fieldErrors: { endDate: ['结束日期不能早于开始日期。'] },
    });
    expect(await createProject(liaisonA, newProject({ mode: 'MAGIC', plannedInvestment: '-5' }))).toMatchObject({ status: 'invalid' });
    expect(await snapshot()).toEqual(before);
  });

  it('move a project only along the allowed status transitions', async () => {
    const { liaisonA } = world.users;
    const p = () => database.prisma.project.findUniqueOrThrow({ where: { id: world.projectA.id } });
    const move = async (status: string) => changeProjectStatus(liaisonA, { projectId: world.projectA.id, version: (await p()).version, status });
    expect(await move('COMPLETED')).toMatchObject({ status: 'invalid', fieldErrors: { status: ['项目状态不能这样变更。'] } });
    expect(await move('IN_PROGRESS')).toMatchObject({ status: 'ok' });
    expect(await move('SUSPENDED')).toMatchObject({ status: 'ok' });
    expect(await move('IN_PROGRESS')).toMatchObject({ status: 'ok' });
    expect((await p()).status).toBe('IN_PROGRESS');
    expect(await changeProjectStatus(liaisonA, { projectId: world.projectA.id, version: 1, status: 'SUSPENDED' })).toMatchObject({ status: 'conflict' });
  });

  it('post monthly updates whose cumulative figures never fall, with beneficiaries of the project villages', async () => {
    const { liaisonA, liaisonB } = world.users;
    const base = { projectId: world.projectA.id, jobsCreated: '12', incomeToVillages: '30000', narrative: '开工' };
    const first = await postProjectUpdate(liaisonA, {
      ...base,
      period: month(-2),
      progressPct: '20',
      investmentToDate: '200000.50',
      beneficiaries: [{ villageId: String(world.villageA1.id), kind: 'FARMERS', people: '120', households: '40' }],
    });
    expect(first.status).toBe('ok');
    const before = await snapshot();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ period: month(-2), progressPct: '30', investmentToDate: '300000' }, 'period', '该月的进展已填报，请在项目页对该月进展点“修改”，或选择其他月份。'],
      [{ period: month(-1), progressPct: '10', investmentToDate: '300000' }, 'progressPct', '进度不能低于上次填报的 20%。'],
      [{ period: month(-1), progressPct: '30', investmentToDate: '100000' }, 'investmentToDate', '累计投资不能低于上次填报的金额。'],
      [{ period: month(-1), progressPct: '30', investmentToDate: '9000000' }, 'investmentToDate', '累计投资超过了计划投资。'],
      [{ period: month(2), progressPct: '30', investmentToDate: '300000' }, 'period', '不能填报未来月份的进展。'],
      [{ period: month(-1), progressPct: '130', investmentToDate: '300000' }, 'progressPct', '进度须在 0 到 100 之间。'],
      [{ period: '2026-13', progressPct: '30', investmentToDate: '300000' }, 'period', '请选择月份（年-月）。'],
      [
        { period: month(-1), progressPct: '30', investmentToDate: '300000', beneficiaries: [{ villageId: String(world.villageB1.id), kind: 'FARMERS', people: '5' }] },
        'beneficiaries',
        '受益村须是本项目涉及的村。',
      ],
    ];
    for (const [changes, field, message] of cases) {
      expect(await postProjectUpdate(liaisonA, { ...base, ...changes }), JSON.stringify(changes)).toMatchObject({ status: 'invalid', fieldErrors: { [field]: [message] } });
    }
    expect(await postProjectUpdate(liaisonB, { ...base, period: month(-1), progressPct: '30', investmentToDate: '300000' })).toMatchObject({ status: 'denied' });
    expect(await snapshot()).toEqual(before);

    const second = await postProjectUpdate(liaisonA, {
      ...base,
      period: month(-1),
      progressPct: '35',
      investmentToDate: '350000',
      beneficiaries: [{ villageId: String(world.villageA1.id), kind: 'FARMERS', people: '150', households: '' }],
    });
    expect(second.status).toBe('ok');
    const rows = await database.prisma.beneficiary.findMany({ where: { projectId: world.projectA.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ people: 150, households: null });
  });
});

describe('village committees', () => {
  it('confirm or dispute updates about their own village only, a dispute with its reason', async () => {
    const { villageA1, villageA2, villageB1 } = world.users;
    const update = await database.prisma.projectUpdate.findFirstOrThrow({ where: { projectId: world.projectA.id }, orderBy: { period: 'desc' } });
    const before = await snapshot();
    for (const u of [villageA2, villageB1]) {
      expect(await reviewUpdate(u, { updateId: update.id, version: update.version, decision: 'CONFIRMED' })).toMatchObject({ status: 'denied' });
    }
    expect(await reviewUpdate(villageA1, { updateId: update.id, version: update.version, decision: 'DISPUTED', reason: '' })).toMatchObject({
      status: 'invalid',
      fieldErrors: { reason: ['请写明原因（至少 4 个字）。'] },
    });
    expect(await snapshot()).toEqual(before);
    expect(await reviewUpdate(villageA1, { updateId: update.id, version: update.version, decision: 'DISPUTED', reason: '务工人数与实际不符' })).toMatchObject({ status: 'ok' });
    expect(await database.prisma.projectUpdate.findUniqueOrThrow({ where: { id: update.id } })).toMatchObject({ confirmation: 'DISPUTED', disputeReason: '务工人数与实际不符', confirmedById: villageA1.id });
    expect(await reviewUpdate(villageA1, { updateId: update.id, version: update.version, decision: 'CONFIRMED' })).toMatchObject({ status: 'conflict' });
  });

  it('give one feedback per project and quarter, editable with its version, closed for past quarters', async () => {
    const { villageA2, villageB1 } = world.users;
    const q = currentQuarter();
    const quarter = `${q.getUTCFullYear()}-Q${q.getUTCMonth() / 3 + 1}`;
    const first = await giveFeedback(villageA2, { projectId: world.projectA.id, quarter, rating: '4', comment: '进展顺利' });
    expect(first.status).toBe('ok');
    const version = first.status === 'ok' ? first.data.version : 0;
    expect(await giveFeedback(villageA2, { projectId: world.projectA.id, quarter, rating: '2', comment: '重复提交' })).toMatchObject({ status: 'conflict' });
    expect(await giveFeedback(villageA2, { projectId: world.projectA.id, quarter, rating: '5', comment: '改评', version: String(version) })).toMatchObject({ status: 'ok' });
    expect(await giveFeedback(villageA2, { projectId: world.projectA.id, quarter: '2021-Q1', rating: '5' })).toMatchObject({
      status: 'invalid',
      fieldErrors: { quarter: ['只能对本季度评议；该季度已结束。'] },
    });
    expect(await giveFeedback(villageA2, { projectId: world.projectA.id, quarter, rating: '9' })).toMatchObject({ status: 'invalid', fieldErrors: { rating: ['请打 1 到 5 分。'] } });
    expect(await giveFeedback(villageB1, { projectId: world.projectA.id, quarter, rating: '1' })).toMatchObject({ status: 'denied' });
    expect(await database.prisma.feedback.findMany({ where: { projectId: world.projectA.id } })).toEqual([
      expect.objectContaining({ villageId: world.villageA2.id, rating: 5, comment: '改评', version: 2 }),
    ]);
  });

  it('report their own village income once a year, correct it with its version, keeping history in the audit log', async () => {
    const { villageA1, villageA2 } = world.users;
    const year = String(new Date().getUTCFullYear() - 1);
    const first = await reportIncome(villageA1, { villageId: world.villageA1.id, year, amount: '523400.10' });
    expect(first.status).toBe('ok');
    expect(await reportIncome(villageA2, { villageId: world.villageA1.id, year, amount: '1' })).toMatchObject({ status: 'denied' });
    expect(await reportIncome(villageA1, { villageId: world.villageA1.id, year, amount: '600000' })).toMatchObject({ status: 'conflict' });
    expect(await reportIncome(villageA1, { villageId: world.villageA1.id, year: '2999', amount: '1' })).toMatchObject({ status: 'invalid', fieldErrors: { year: ['不能填报未来年份的收入。'] } });
    expect(await reportIncome(villageA1, { villageId: world.villageA1.id, year, amount: '12.345' })).toMatchObject({ status: 'invalid' });
    const corrected = await reportIncome(villageA1, { villageId: world.villageA1.id, year, amount: '533400.10', version: '1', reason: '核对台账后更正' });
    expect(corrected.status).toBe('ok');
    const row = await database.prisma.villageIncome.findFirstOrThrow({ where: { villageId: world.villageA1.id, year: Number(year) } });
    expect(row.amount.toString()).toBe('533400.1');
    const audit = await database.prisma.auditLog.findFirstOrThrow({ where: { action: 'income.correct', entityId: String(row.id) } });
    expect((audit.before as { amount: string }).amount).toBe('523400.1');
  });
});
