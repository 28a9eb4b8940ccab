import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessCriterion, closeAccreditation, nominateZone } from '../../lib/accreditation/mutations';
import type { Mutation } from '../../lib/action';
import { changeProjectStatus, createProject, postProjectUpdate, updateProject } from '../../lib/projects/mutations';
import { giveFeedback, reviewUpdate } from '../../lib/projects/review-mutations';
import { answerDispute, closeDispute, reopenUpdate, returnUpdate, reviseUpdate } from '../../lib/projects/correction-mutations';
import { changeOwnPassword, changeUserAccess, createUser, resetPassword, setUserActive, unlockUser } from '../../lib/users/mutations';
import { reportIncome } from '../../lib/villages/mutations';
import { createPairing, endPairing } from '../../lib/pairings/mutations';
import { savePhase } from '../../lib/program/mutations';
import { saveCommitment, saveWeights } from '../../lib/scorecard/mutations';
import { addPioneerMember, addPioneerPost, removePioneerMember, removePioneerPost } from '../../lib/pioneers/mutations';
import { createTask, editTask, updateTask } from '../../lib/tasks/mutations';
import { saveSoe } from '../../lib/soes/mutations';
import { saveVillage } from '../../lib/villages/mutations';
import { saveZone } from '../../lib/zones/mutations';
import { undoImport } from '../../lib/imports/mutations';
import { markNotificationsRead, setWebhook, updateNotificationPreferences } from '../../lib/notifications/mutations';
import { markFeedbackSeen } from '../../lib/todo/mutations';
import { addAttachment, deleteAttachment } from '../../lib/attachments/mutations';
import { recordDividend, saveCooperative, saveShare, setCooperativeProjects } from '../../lib/cooperatives/mutations';
import { saveJointVenture } from '../../lib/joint-ventures/mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

// Random and malformed payloads at every mutation, as every kind of user:
// each call must end in a state (never an unhandled error), and only an "ok"
// may write — checked through the audit trail and the row counts.
let database: TestDatabase;
let world: World;
let pairingA: number;
let memberA: number;
let taskA: number;
let spareMember: number;
let postA: number;
let cooperativeA: number;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
  pairingA = (await database.prisma.pairing.findFirstOrThrow({ where: { soeId: world.soeA.id, zoneId: world.zoneA.id } })).id;
  taskA = (await database.prisma.practicalTask.create({ data: { zoneId: world.zoneA.id, title: '甲事项', forWhom: '村民', responsible: '工作队', soeId: world.soeA.id, dueOn: new Date('2026-09-30') } })).id;
  memberA = (await database.prisma.pioneerMember.create({ data: { zoneId: world.zoneA.id, name: '甲队员', side: 'VILLAGE', role: '队员' } })).id;
  spareMember = (await database.prisma.pioneerMember.create({ data: { zoneId: world.zoneA.id, name: '乙队员', side: 'SOE', role: '队员' } })).id;
  postA = (await database.prisma.pioneerPost.create({ data: { projectId: world.projectA.id, memberId: memberA, title: '甲岗' } })).id;
  cooperativeA = (await database.prisma.cooperative.create({ data: { zoneId: world.zoneA.id, name: '甲联合社' } })).id;
});
afterAll(() => database.drop());

const MUTATIONS: Record<string, [Mutation<unknown>, string[]]> = {
  createUser: [createUser, ['username', 'displayName', 'role', 'soeId', 'villageId', 'password']],
  resetPassword: [resetPassword, ['userId', 'version', 'password']],
  setUserActive: [setUserActive, ['userId', 'version', 'active']],
  changeUserAccess: [changeUserAccess, ['userId', 'version', 'role', 'soeId', 'villageId']],
  unlockUser: [unlockUser, ['userId', 'version']],
  changeOwnPassword: [changeOwnPassword, ['currentPassword', 'newPassword', 'confirmPassword']],
  createProject: [createProject, ['name', 'zoneId', 'mode', 'method', 'outcomeArea', 'batch', 'plannedInvestment', 'startDate', 'endDate', 'villageIds']],
  updateProject: [updateProject, ['projectId', 'version', 'name', 'mode', 'method', 'outcomeArea', 'batch', 'plannedInvestment', 'villageIds']],
  changeProjectStatus: [changeProjectStatus, ['projectId', 'version', 'status']],
  postProjectUpdate: [postProjectUpdate, ['projectId', 'period', 'progressPct', 'investmentToDate', 'jobsCreated', 'incomeToVillages', 'beneficiaries']],
  reviewUpdate: [reviewUpdate, ['updateId', 'version', 'decision', 'reason']],
  reviseUpdate: [reviseUpdate, ['updateId', 'version', 'progressPct', 'investmentToDate', 'jobsCreated', 'incomeToVillages', 'narrative', 'reason']],
  answerDispute: [answerDispute, ['updateId', 'version', 'answer']],
  returnUpdate: [returnUpdate, ['updateId', 'version', 'reason']],
  closeDispute: [closeDispute, ['updateId', 'version', 'decision', 'reason']],
  reopenUpdate: [reopenUpdate, ['updateId', 'version', 'reason']],
  giveFeedback: [giveFeedback, ['projectId', 'quarter', 'rating', 'comment', 'version']],
  reportIncome: [reportIncome, ['villageId', 'year', 'amount', 'version', 'reason']],
  nominateZone: [nominateZone, ['zoneId', 'nominatedOn']],
  assessCriterion: [assessCriterion, ['accreditationId', 'version', 'criterion', 'result', 'assessedOn', 'assessorName']],
  closeAccreditation: [closeAccreditation, ['accreditationId', 'version', 'closedOn', 'reason']],
  saveSoe: [saveSoe, ['id', 'version', 'name', 'shortName', 'category', 'level']],
  saveZone: [saveZone, ['id', 'version', 'name', 'districtId', 'townshipId', 'mechanisms']],
  saveVillage: [saveVillage, ['id', 'version', 'name', 'zoneId', 'population', 'households']],
  createPairing: [createPairing, ['soeId', 'zoneId', 'since']],
  endPairing: [endPairing, ['pairingId', 'version', 'until']],
  undoImport: [undoImport, ['importId', 'version']],
  markNotificationsRead: [markNotificationsRead, ['id']],
  updateNotificationPreferences: [updateNotificationPreferences, ['email', 'notifyByEmail', 'on']],
  setWebhook: [setWebhook, ['soeId', 'url']],
  markFeedbackSeen: [markFeedbackSeen, ['projectId', 'upTo']],
  savePhase: [savePhase, ['id', 'version', 'name', 'startsOn', 'endsOn', 'zonesTarget', 'incomeTarget']],
  // A file can only come from the server's own inspection: form input never makes one (always refused).
  addAttachment: [addAttachment, ['ownerKind', 'ownerId', 'criterion', 'file']],
  deleteAttachment: [deleteAttachment, ['id', 'reason']],
  saveCommitment: [saveCommitment, ['id', 'version', 'pairingId', 'year', 'investment', 'projects', 'jobs', 'purchases', 'trainingSessions', 'staffStationed', 'purchasesDone', 'trainingDone', 'staffDone']],
  saveWeights: [saveWeights, ['id', 'version', 'year', 'delivery', 'accreditation', 'income', 'feedback', 'timeliness', 'disputes']],
  addPioneerMember: [addPioneerMember, ['zoneId', 'name', 'side', 'role']],
  addPioneerPost: [addPioneerPost, ['projectId', 'memberId', 'title']],
  createTask: [createTask, ['zoneId', 'title', 'forWhom', 'responsible', 'soeId', 'dueOn']],
  updateTask: [updateTask, ['id', 'version', 'status', 'evidence']],
  editTask: [editTask, ['id', 'version', 'title', 'forWhom', 'responsible', 'dueOn']],
  removePioneerMember: [removePioneerMember, ['id', 'reason']],
  removePioneerPost: [removePioneerPost, ['id', 'reason']],
  saveCooperative: [saveCooperative, ['id', 'version', 'zoneId', 'name', 'foundedOn', 'plan']],
  saveShare: [saveShare, ['cooperativeId', 'villageId', 'landMu', 'amount', 'percent', 'asOf', 'version']],
  recordDividend: [recordDividend, ['villageId', 'year', 'amount', 'paidOn', 'version']],
  setCooperativeProjects: [setCooperativeProjects, ['cooperativeId', 'version', 'projectIds']],
  saveJointVenture: [saveJointVenture, ['id', 'version', 'name', 'registeredOn', 'zoneId', 'villageId', 'description', 'partners', 'projectIds']],
};

/** Values that look almost right, and values that are plainly wrong. */
const nasty = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', '1', '2', '1e309', '99999999999', '2147483648', 'NaN', '2025-02-30', '2026-13', '9999-99', "'; DROP TABLE \"User\";--", '<script>x</script>', '𠮷'.repeat(300), 'ORG_ADMIN', 'PASS', 'DISPUTED', '__proto__'),
  // Control characters, impossible dates, periods and dates outside the program's years (issue 14).
  fc.constantFrom('\u0000', 'a\u0000b', '名\u0007字', '\u001b[31m', '\u007f', '2025-13-45', '0000-01', '0001-01', '0000-01-01', '1900-01-01', '0001-01-01', '9999-12-31', '2020-12', '2021-Q1', '0000-Q1'),
  fc.string({ unit: fc.constantFrom('a', '1', '-', '\u0000', '\u0001', '\u001f', '\n', '甲') }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 4 }),
  fc.object({ maxDepth: 2 }),
);

async function counts() {
  const p = database.prisma;
  return Promise.all([p.auditLog.count(), p.user.count(), p.project.count(), p.projectUpdate.count(), p.updateEvent.count(), p.feedback.count(), p.villageIncome.count(), p.accreditation.count(), p.assessment.count(), p.soe.count(), p.zone.count(), p.village.count(), p.pairing.count(), p.projectSeen.count(), p.programPhase.count(), p.programTarget.count(), p.attachment.count(), p.pairingCommitment.count(), p.assessmentWeights.count(), p.pioneerMember.count(), p.pioneerPost.count(), p.practicalTask.count(), p.cooperative.count(), p.cooperativeShare.count(), p.cooperativeDividend.count(), p.jointVenture.count(), p.jointVenturePartner.count()]);
}

describe('every mutation under random and malformed input', () => {
  for (const [name, [mutation, fields]] of Object.entries(MUTATIONS)) {
    it(`${name}: always answers with a state, writes nothing unless ok`, async () => {
      const users = [null, ...Object.values(world.users)];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...users),
          fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...fields), nasty, { maxKeys: fields.length })),
          async (user, payload) => {
            const before = await counts();
            const state = await mutation(user, payload);
            expect(['ok', 'invalid', 'denied', 'conflict']).toContain(state.status);
            if (state.status !== 'ok') expect(await counts()).toEqual(before);
            else expect((await counts())[0]).toBe(before[0] + 1);
          },
        ),
        { numRuns: 40, seed: 20261128 },
      );
    });
  }
});

/**
 * A valid payload per mutation, as its form sends it, so that one malformed field at a time
 * gets past the others to the checks behind it (and to the database): control characters,
 * impossible dates, periods and dates outside the program's years.
 */
function validPayloads(): Record<string, [Mutation<unknown>, Record<string, unknown>]> {
  const q = new Date();
  const quarter = `${q.getUTCFullYear()}-Q${Math.floor(q.getUTCMonth() / 3) + 1}`;
  return {
    createProject: [createProject, { name: '模糊测试项目', zoneId: String(world.zoneA.id), mode: 'AGRI_FOR_AGRI', method: 'DIRECT_INVESTMENT', outcomeArea: 'FARMER_INCOME', batch: 'INDUSTRY', plannedInvestment: '1000', startDate: '2024-01-01', endDate: '2026-01-01', description: '说明', villageIds: [] }],
    postProjectUpdate: [postProjectUpdate, { projectId: String(world.projectA.id), period: '2024-05', progressPct: '10', investmentToDate: '100', jobsCreated: '1', incomeToVillages: '10', narrative: '正常' }],
    giveFeedback: [giveFeedback, { projectId: String(world.projectA.id), quarter, rating: '3', comment: '好' }],
    nominateZone: [nominateZone, { zoneId: String(world.zoneB.id), nominatedOn: '2024-01-01' }],
    saveSoe: [saveSoe, { name: '模糊集团', shortName: '模糊', nameEn: 'Fuzz', category: 'AGRICULTURE', level: 'MUNICIPAL', liaisonLead: '张三' }],
    saveZone: [saveZone, { name: '模糊片区', districtId: String(world.district.id), secretary: '李四', firstSecretary: '王五', mechanisms: [] }],
    saveVillage: [saveVillage, { name: '模糊村', zoneId: String(world.zoneA.id), population: '10', households: '3' }],
    createPairing: [createPairing, { soeId: String(world.soeB.id), zoneId: String(world.zoneA.id), since: '2024-01-01' }],
    createUser: [createUser, { username: 'fuzzuser', displayName: '模糊', role: 'ORG_VIEWER', password: 'Fuzz-pass-2026' }],
    reportIncome: [reportIncome, { villageId: String(world.villageA1.id), year: '2024', amount: '1000' }],
    updateNotificationPreferences: [updateNotificationPreferences, { email: 'fuzz@example.test', notifyByEmail: 'on', on: ['UPDATE_DUE'] }],
    setWebhook: [setWebhook, { soeId: String(world.soeA.id), url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=fuzz' }],
    markFeedbackSeen: [markFeedbackSeen, { projectId: String(world.projectA.id), upTo: new Date().toISOString() }],
    savePhase: [savePhase, { name: '模糊阶段', startsOn: '2040-01-01', endsOn: '2044-12-31', zonesTarget: '10', incomeTarget: '1000' }],
    saveCommitment: [saveCommitment, { pairingId: String(pairingA), year: '2024', investment: { text: '10', unit: '万元' }, projects: '2', jobs: '5', purchases: '', trainingSessions: '3', staffStationed: '1', purchasesDone: '', trainingDone: '2', staffDone: '1' }],
    addPioneerMember: [addPioneerMember, { zoneId: String(world.zoneA.id), name: '模糊队员', side: 'SOE', role: '队员' }],
    addPioneerPost: [addPioneerPost, { projectId: String(world.projectA.id), memberId: String(memberA), title: '模糊岗' }],
    createTask: [createTask, { zoneId: String(world.zoneA.id), title: '模糊事项', forWhom: '村民', responsible: '工作队', soeId: String(world.soeA.id), dueOn: '2026-09-30' }],
    updateTask: [updateTask, { id: String(taskA), version: '1', status: 'IN_PROGRESS', evidence: '' }],
    editTask: [editTask, { id: String(taskA), version: '1', title: '模糊修改', forWhom: '村民', responsible: '工作队', dueOn: '2026-10-31' }],
    removePioneerPost: [removePioneerPost, { id: String(postA), reason: '模糊测试原因' }],
    removePioneerMember: [removePioneerMember, { id: String(spareMember), reason: '模糊测试原因' }],
    saveCooperative: [saveCooperative, { zoneId: String(world.zoneB.id), name: '乙联合社', foundedOn: '2021-01-01', plan: '' }],
    saveShare: [saveShare, { cooperativeId: String(cooperativeA), villageId: String(world.villageA1.id), landMu: '10', amount: { text: '1', unit: '万元' }, percent: '10', asOf: '2024-12-31' }],
    recordDividend: [recordDividend, { villageId: String(world.villageA1.id), year: '2024', amount: { text: '100', unit: '元' }, paidOn: '2025-01-15' }],
    setCooperativeProjects: [setCooperativeProjects, { cooperativeId: String(cooperativeA), version: '1', projectIds: [String(world.projectA.id)] }],
    saveJointVenture: [saveJointVenture, { name: '模糊合资公司', registeredOn: '2022-01-01', zoneId: String(world.zoneA.id), villageId: '', description: '', partners: [{ partner: `SOE:${world.soeA.id}`, percent: '50' }, { partner: `ZONE_COMMITTEE:${world.zoneA.id}`, percent: '50' }], projectIds: [] }],
    saveWeights: [saveWeights, { year: '2030', delivery: '30', accreditation: '20', income: '15', feedback: '10', timeliness: '15', disputes: '10' }],
  };
}

describe('every mutation with one malformed field in an otherwise valid payload', () => {
  it('always answers with a state, writes nothing unless ok', async () => {
    for (const [name, [mutation, base]] of Object.entries(validPayloads())) {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.values(world.users)), fc.constantFrom(...Object.keys(base)), nasty, async (user, field, value) => {
          const before = await counts();
          const state = await mutation(user, { ...base, [field]: value });
          expect(['ok', 'invalid', 'denied', 'conflict'], name).toContain(state.status);
          if (state.status !== 'ok') expect(await counts(), name).toEqual(before);
          else expect((await counts())[0], name).toBe(before[0] + 1);
        }),
        { numRuns: 60, seed: 20261129 },
      );
    }
  }, 300_000);
});
