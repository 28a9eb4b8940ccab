import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nominateZone } from '../../lib/accreditation/mutations';
import { auditFilterSchema, listAuditEntries } from '../../lib/audit/queries';
import { currentQuarter } from '../../lib/dates';
import { searchText } from '../../lib/lists/params';
import { createPairing } from '../../lib/pairings/mutations';
import { createProject, postProjectUpdate } from '../../lib/projects/mutations';
import { listProjects, projectListSchema } from '../../lib/projects/queries';
import { giveFeedback, reviewUpdate } from '../../lib/projects/review-mutations';
import { saveSoe } from '../../lib/soes/mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

// Issue 14 (defects 6, 7, 8) at the mutation cores and queries.
let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

const month = (offset = 0) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
};
async function counts() {
  const p = database.prisma;
  return Promise.all([p.auditLog.count(), p.project.count(), p.projectUpdate.count(), p.feedback.count(), p.accreditation.count(), p.pairing.count(), p.soe.count()]);
}

describe('cumulative figures lie between their neighbours in time', () => {
  it('refuses any figure below an earlier report or above a later one, and periods outside the program', async () => {
    const { liaisonA } = world.users;
    const update = (period: string, progressPct: number, investmentToDate: number, jobsCreated: number, incomeToVillages: number) =>
      postProjectUpdate(liaisonA, {
        projectId: world.projectA.id,
        period,
        progressPct: String(progressPct),
        investmentToDate: String(investmentToDate),
        jobsCreated: String(jobsCreated),
        incomeToVillages: String(incomeToVillages),
      });
    expect((await update(month(-4), 20, 200000, 10, 30000)).status).toBe('ok');
    const before = await counts();
    // Later than the first report: nothing may fall.
    expect(await update(month(-3), 30, 300000, 0, 30000)).toMatchObject({ status: 'invalid', fieldErrors: { jobsCreated: [expect.any(String)] } });
    expect(await update(month(-3), 30, 300000, 10, 100)).toMatchObject({ status: 'invalid', fieldErrors: { incomeToVillages: [expect.any(String)] } });
    expect(await counts()).toEqual(before);
    expect((await update(month(-1), 50, 500000, 20, 50000)).status).toBe('ok');
    // Back-dated between the two: above the later report is refused, field by field.
    const middle = await counts();
    expect(await update(month(-2), 60, 300000, 15, 40000)).toMatchObject({ status: 'invalid', fieldErrors: { progressPct: [expect.any(String)] } });
    expect(await update(month(-2), 30, 600000, 15, 40000)).toMatchObject({ status: 'invalid', fieldErrors: { investmentToDate: [expect.any(String)] } });
    expect(await update(month(-2), 30, 300000, 25, 40000)).toMatchObject({ status: 'invalid', fieldErrors: { jobsCreated: [expect.any(String)] } });
    expect(await update(month(-2), 30, 300000, 15, 60000)).toMatchObject({ status: 'invalid', fieldErrors: { incomeToVillages: [expect.any(String)] } });
    // Before the first report: nothing above it.
    expect(await update(month(-5), 10, 100000, 11, 1000)).toMatchObject({ status: 'invalid', fieldErrors: { jobsCreated: [expect.any(String)] } });
    for (const period of ['0000-01', '0001-01', '1999-12', '2020-12', '9999-12']) {
      expect(await update(period, 1, 1, 0, 0), period).toMatchObject({ status: 'invalid', fieldErrors: { period: [expect.any(String)] } });
    }
    expect(await counts()).toEqual(middle);
    expect((await update(month(-2), 30, 300000, 15, 40000)).status).toBe('ok');
    expect((await update('2021-01', 0, 0, 0, 0)).status).toBe('ok');
  });

  it('keeps dates within the program in forms and nominations', async () => {
    const { admin, liaisonA } = world.users;
    const before = await counts();
    expect(await nominateZone(admin, { zoneId: world.zoneB.id, nominatedOn: '1900-01-01' })).toMatchObject({ status: 'invalid', fieldErrors: { nominatedOn: [expect.any(String)] } });
    expect(await nominateZone(admin, { zoneId: world.zoneB.id, nominatedOn: '0001-01-01' })).toMatchObject({ status: 'invalid' });
    expect(await createPairing(admin, { soeId: world.soeA.id, zoneId: world.zoneB.id, since: '1990-05-01' })).toMatchObject({ status: 'invalid', fieldErrors: { since: [expect.any(String)] } });
    const project = {
      name: '日期测试项目', zoneId: String(world.zoneA.id), mode: 'AGRI_FOR_AGRI', method: 'DIRECT_INVESTMENT', outcomeArea: 'FARMER_INCOME', batch: 'INDUSTRY',
      plannedInvestment: '1000', endDate: '', villageIds: [],
    };
    for (const startDate of ['2005-06-01', '0001-01-01', '9999-12-31']) {
      expect(await createProject(liaisonA, { ...project, startDate }), startDate).toMatchObject({ status: 'invalid', fieldErrors: { startDate: [expect.any(String)] } });
    }
    expect(await counts()).toEqual(before);
    expect((await createProject(liaisonA, { ...project, startDate: '2021-01-01' })).status).toBe('ok');
  });
});

describe('text refuses control characters, with a field error', () => {
  it('in names and comments', async () => {
    const { liaisonA, admin, villageA1 } = world.users;
    const before = await counts();
    const q = currentQuarter();
    const quarter = `${q.getUTCFullYear()}-Q${q.getUTCMonth() / 3 + 1}`;
    expect(await giveFeedback(villageA1, { projectId: world.projectA.id, quarter, rating: '4', comment: 'a\u0000b' })).toMatchObject({ status: 'invalid', fieldErrors: { comment: [expect.any(String)] } });
    expect(await saveSoe(admin, { name: '坏\u0007名字', category: 'AGRICULTURE', level: 'MUNICIPAL' })).toMatchObject({ status: 'invalid', fieldErrors: { name: [expect.any(String)] } });
    expect(
      await createProject(liaisonA, { name: '项目\u0000', zoneId: String(world.zoneA.id), mode: 'AGRI_FOR_AGRI', method: 'DIRECT_INVESTMENT', outcomeArea: 'FARMER_INCOME', batch: 'INDUSTRY' }),
    ).toMatchObject({ status: 'invalid', fieldErrors: { name: [expect.any(String)] } });
    expect(await counts()).toEqual(before);
    // A comment over several lines is still a comment.
    expect((await giveFeedback(villageA1, { projectId: world.projectA.id, quarter, rating: '4', comment: '第一行\n第二行' })).status).toBe('ok');
  });

  it('in searches and list filters, which fall back to their defaults', async () => {
    expect(searchText.parse('a\u0000b')).toBeUndefined();
    const filter = auditFilterSchema.parse({ from: '2025-13-45', to: '0000-00-00', actor: 'x\u0000' });
    expect(filter).toMatchObject({ from: undefined, to: undefined, actor: undefined });
    await expect(listAuditEntries(world.users.admin, filter)).resolves.toMatchObject({ total: expect.any(Number) });
    await expect(listProjects(world.users.admin, projectListSchema.parse({ q: '\u0000' }))).resolves.toBeTruthy();
  });
});

describe('two first feedbacks at once', () => {
  it('answers the loser with a conflict, not an error', async () => {
    const { villageA2 } = world.users;
    const q = currentQuarter();
    const quarter = `${q.getUTCFullYear()}-Q${q.getUTCMonth() / 3 + 1}`;
    const project = await database.prisma.project.create({
      data: { name: '并发评议项目', soeId: world.soeA.id, zoneId: world.zoneA.id, mode: 'AGRI_FOR_AGRI', method: 'DIRECT_INVESTMENT', outcomeArea: 'INDUSTRY_BASE' },
    });
    const results = await Promise.allSettled(Array.from({ length: 4 }, (_, i) => giveFeedback(villageA2, { projectId: project.id, quarter, rating: String(i + 1) })));
    expect(results.map((r) => r.status)).toEqual(Array(4).fill('fulfilled'));
    const states = results.map((r) => (r.status === 'fulfilled' ? r.value.status : 'rejected')).sort();
    expect(states).toEqual(['conflict', 'conflict', 'conflict', 'ok']);
  });
});

describe('a confirmed update is final', () => {
  it('cannot be disputed or confirmed again, even posted directly', async () => {
    const { villageA1 } = world.users;
    const update = await database.prisma.projectUpdate.findFirstOrThrow({ where: { projectId: world.projectA.id }, orderBy: { period: 'desc' } });
    const confirmed = await reviewUpdate(villageA1, { updateId: update.id, version: update.version, decision: 'CONFIRMED' });
    expect(confirmed.status).toBe('ok');
    const version = update.version + 1;
    const before = await counts();
    expect(await reviewUpdate(villageA1, { updateId: update.id, version, decision: 'DISPUTED', reason: '改主意了，数据不对' })).toMatchObject({ status: 'invalid', fieldErrors: { decision: [expect.any(String)] } });
    expect(await reviewUpdate(villageA1, { updateId: update.id, version, decision: 'CONFIRMED' })).toMatchObject({ status: 'invalid' });
    expect(await counts()).toEqual(before);
    expect(await database.prisma.projectUpdate.findUniqueOrThrow({ where: { id: update.id } })).toMatchObject({ confirmation: 'CONFIRMED', version });
  });
});
