import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, homePath, PASSWORD_CHANGE_ACTIONS, projectScope, rules, soeScope, sqlScope, villageScope, zoneScope, type Action, type SessionUser } from '../../lib/auth/policy';
import { projectResource } from '../../lib/projects/resource';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

type UserKey = keyof World['users'];
const ALL: UserKey[] = ['admin', 'viewer', 'liaisonA', 'liaisonB', 'villageA1', 'villageA2', 'villageB1'];
const ORG: UserKey[] = ['admin', 'viewer'];

let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

/** Every resource a rule can be asked about, in and out of each user's scope. */
async function resources() {
  const w = world;
  const project = async (id: number) => (await projectResource(database.prisma, id))!;
  return {
    dashboard: {},
    zoneA: { zoneId: w.zoneA.id, soeIds: [w.soeA.id] },
    zoneB: { zoneId: w.zoneB.id, soeIds: [w.soeB.id] },
    zoneShared: { zoneId: w.zoneShared.id, soeIds: [w.soeA.id, w.soeB.id] },
    villageA1: { villageId: w.villageA1.id, zoneId: w.zoneA.id, soeIds: [w.soeA.id] },
    villageA2: { villageId: w.villageA2.id, zoneId: w.zoneA.id, soeIds: [w.soeA.id] },
    villageB1: { villageId: w.villageB1.id, zoneId: w.zoneB.id, soeIds: [w.soeB.id] },
    soeA: { soeId: w.soeA.id },
    soeB: { soeId: w.soeB.id },
    projectA: await project(w.projectA.id),
    projectB: await project(w.projectB.id),
    projectCity: await project(w.projectCity.id),
    newInZoneA: { soeId: w.soeA.id, zoneId: w.zoneA.id, zoneSoeIds: [w.soeA.id], villageIds: [] },
    newInZoneB: { soeId: w.soeA.id, zoneId: w.zoneB.id, zoneSoeIds: [w.soeB.id], villageIds: [] },
    selfAdmin: { userId: w.users.admin.id },
    selfLiaisonA: { userId: w.users.liaisonA.id },
    selfVillageA1: { userId: w.users.villageA1.id },
    villageImport: { kind: 'villages', soeId: null },
    projectImportA: { kind: 'projects', soeId: w.soeA.id },
    projectImportNoSoe: { kind: 'projects', soeId: null },
    unknownImport: { kind: 'zones', soeId: null },
    villageImportByAdmin: { kind: 'villages', soeId: null, importedById: w.users.admin.id },
    projectImportAByLiaisonA: { kind: 'projects', soeId: w.soeA.id, importedById: w.users.liaisonA.id },
    updateImportA: { kind: 'updates', soeId: w.soeA.id },
    updateImportB: { kind: 'updates', soeId: w.soeB.id },
    updateImportNoSoe: { kind: 'updates', soeId: null },
    updateImportAByLiaisonA: { kind: 'updates', soeId: w.soeA.id, importedById: w.users.liaisonA.id },
    commitmentImport: { kind: 'commitments', soeId: null },
    commitmentImportA: { kind: 'commitments', soeId: w.soeA.id },
    pioneerImportA: { kind: 'pioneers', soeId: w.soeA.id },
    pioneerImportNoSoe: { kind: 'pioneers', soeId: null },
    // Evidence files: known only through their owner record.
    fileOnUpdateA: { kind: 'UPDATE', project: await project(w.projectA.id), uploaderId: w.users.liaisonA.id },
    fileOnUpdateB: { kind: 'UPDATE', project: await project(w.projectB.id), uploaderId: w.users.liaisonB.id },
    fileOnUpdateCity: { kind: 'UPDATE', project: await project(w.projectCity.id) },
    fileOnDisputeA1: { kind: 'UPDATE_EVENT', project: await project(w.projectA.id), actorId: w.users.villageA1.id, uploaderId: w.users.villageA1.id },
    fileOnFeedbackA2: { kind: 'FEEDBACK', project: await project(w.projectA.id), feedbackVillageId: w.villageA2.id },
    fileOnCriterionZoneA: { kind: 'CRITERION', zone: { zoneId: w.zoneA.id, soeIds: [w.soeA.id] }, uploaderId: w.users.admin.id },
    fileOnCriterionZoneB: { kind: 'CRITERION', zone: { zoneId: w.zoneB.id, soeIds: [w.soeB.id] } },
    teamAVillage: { zoneId: w.zoneA.id, soeIds: [w.soeA.id], side: 'VILLAGE' as const },
    teamASoe: { zoneId: w.zoneA.id, soeIds: [w.soeA.id], side: 'SOE' as const },
    teamSharedSoe: { zoneId: w.zoneShared.id, soeIds: [w.soeA.id, w.soeB.id], side: 'SOE' as const },
    taskOfA: { zoneId: w.zoneShared.id, ownerSoeId: w.soeA.id },
    taskOfVillages: { zoneId: w.zoneA.id, ownerSoeId: null },
    ventureInZoneA: { zoneId: w.zoneA.id, soeIds: [w.soeA.id] },
    ventureOfSoeBNoZone: { zoneId: null, soeIds: [w.soeB.id] },
  };
}
type Label = keyof Awaited<ReturnType<typeof resources>>;

// Who may do what, written out by hand from DESIGN.md's role table.
const EXPECTED: Record<Action, Partial<Record<Label, UserKey[]>>> = {
  'dashboard.read': { dashboard: ['admin', 'viewer', 'liaisonA', 'liaisonB'] },
  'zone.read': {
    zoneA: [...ORG, 'liaisonA', 'villageA1', 'villageA2'],
    zoneB: [...ORG, 'liaisonB', 'villageB1'],
    zoneShared: [...ORG, 'liaisonA', 'liaisonB'],
  },
  'zone.manage': { zoneA: ['admin'], zoneB: ['admin'] },
  'zone.accredit': { zoneA: ['admin'], zoneB: ['admin'] },
  'village.read': {
    villageA1: [...ORG, 'liaisonA', 'villageA1', 'villageA2'],
    villageB1: [...ORG, 'liaisonB', 'villageB1'],
  },
  'village.manage': { villageA1: ['admin'], villageB1: ['admin'] },
  'village.reportIncome': { villageA1: ['admin', 'villageA1'], villageA2: ['admin', 'villageA2'], villageB1: ['admin', 'villageB1'] },
  'soe.read': { soeA: [...ORG, 'liaisonA'], soeB: [...ORG, 'liaisonB'] },
  'soe.list': { dashboard: [...ORG, 'liaisonA', 'liaisonB'] },
  'soe.manage': { soeA: ['admin'], soeB: ['admin'] },
  // A liaison team sees its own SOE's scorecard, never another's.
  'soe.scorecard': { soeA: [...ORG, 'liaisonA'], soeB: [...ORG, 'liaisonB'] },
  'commitment.manage': { soeA: ['admin'], soeB: ['admin'] },
  'assessment.read': { dashboard: [...ORG] },
  'assessment.manage': { dashboard: ['admin'] },
  // Village-side members are the org department's to add; a paired SOE's liaison team adds its own side's.
  'pioneer.manageTeam': { teamAVillage: ['admin'], teamASoe: ['admin', 'liaisonA'], teamSharedSoe: ['admin', 'liaisonA', 'liaisonB'] },
  'pioneer.addPost': { projectA: ['admin', 'liaisonA'], projectB: ['admin', 'liaisonB'] },
  'pioneer.removePost': { projectA: ['admin', 'liaisonA'], projectB: ['admin', 'liaisonB'] },
  'task.create': { zoneA: ['admin'], zoneB: ['admin'], zoneShared: ['admin'] },
  // Only the owning SOE's team moves a task on, even in a zone another SOE also pairs with.
  'task.update': { taskOfA: ['admin', 'liaisonA'], taskOfVillages: ['admin'] },
  'task.edit': { taskOfA: ['admin'], taskOfVillages: ['admin'] },
  'cooperative.manage': { zoneA: ['admin'], zoneB: ['admin'] },
  // A village's accountant books its own village's dividend, never a neighbour's.
  'cooperative.recordDividend': { villageA1: ['admin', 'villageA1'], villageA2: ['admin', 'villageA2'], villageB1: ['admin', 'villageB1'] },
  'jointVenture.read': { ventureInZoneA: [...ORG, 'liaisonA', 'villageA1', 'villageA2'], ventureOfSoeBNoZone: [...ORG, 'liaisonB'] },
  'jointVenture.manage': { ventureInZoneA: ['admin'], ventureOfSoeBNoZone: ['admin'] },
  'project.read': {
    projectA: [...ORG, 'liaisonA', 'villageA1', 'villageA2'],
    projectB: [...ORG, 'liaisonB', 'villageB1'],
    projectCity: [...ORG, 'liaisonA'],
  },
  'project.readAll': { dashboard: [...ORG] },
  'project.propose': { dashboard: ['liaisonA', 'liaisonB'] },
  'project.create': { newInZoneA: ['liaisonA'], newInZoneB: [] },
  'project.update': { projectA: ['liaisonA'], projectB: ['liaisonB'], projectCity: ['liaisonA'] },
  'project.postUpdate': { projectA: ['liaisonA'], projectB: ['liaisonB'], projectCity: ['liaisonA'] },
  'project.reviseUpdate': { projectA: ['liaisonA'], projectB: ['liaisonB'], projectCity: ['liaisonA'] },
  'project.returnUpdate': { projectA: ['admin'], projectB: ['admin'], projectCity: ['admin'] },
  'project.closeDispute': { projectA: ['admin'], projectB: ['admin'], projectCity: ['admin'] },
  'project.reopenUpdate': { projectA: ['admin'], projectB: ['admin'], projectCity: ['admin'] },
  'project.confirmUpdate': { projectA: ['villageA1'], projectB: ['villageB1'], projectCity: [] },
  'project.giveFeedback': { projectA: ['villageA1', 'villageA2'], projectB: ['villageB1'], projectCity: [] },
  'attachment.read': {
    fileOnUpdateA: [...ORG, 'liaisonA', 'villageA1', 'villageA2'],
    fileOnUpdateB: [...ORG, 'liaisonB', 'villageB1'],
    fileOnUpdateCity: [...ORG, 'liaisonA'],
    fileOnDisputeA1: [...ORG, 'liaisonA', 'villageA1', 'villageA2'],
    fileOnCriterionZoneA: [...ORG, 'liaisonA', 'villageA1', 'villageA2'],
    fileOnCriterionZoneB: [...ORG, 'liaisonB', 'villageB1'],
  },
  'attachment.add': {
    fileOnUpdateA: ['liaisonA', 'villageA1'],
    fileOnUpdateB: ['liaisonB', 'villageB1'],
    fileOnUpdateCity: ['liaisonA'],
    fileOnDisputeA1: ['villageA1'],
    fileOnFeedbackA2: ['villageA2'],
    fileOnCriterionZoneA: ['admin'],
    fileOnCriterionZoneB: ['admin'],
  },
  'attachment.delete': {
    fileOnUpdateA: ['admin', 'liaisonA'],
    fileOnUpdateB: ['admin', 'liaisonB'],
    fileOnUpdateCity: ['admin'],
    fileOnDisputeA1: ['admin', 'villageA1'],
    fileOnCriterionZoneA: ['admin'],
  },
  'masterData.manage': { dashboard: ['admin'] },
  'accreditation.manage': { dashboard: ['admin'] },
  'program.manage': { dashboard: ['admin'] },
  'user.manage': { dashboard: ['admin'] },
  // Never one's own role: an administrator cannot demote themselves (or the last administrator) by mistake.
  'user.changeAccess': { selfAdmin: [], selfLiaisonA: ['admin'], selfVillageA1: ['admin'] },
  'user.unlock': { selfAdmin: ['admin'], selfLiaisonA: ['admin'], selfVillageA1: ['admin'] },
  'user.changeOwnPassword': { selfAdmin: ['admin'], selfLiaisonA: ['liaisonA'], selfVillageA1: ['villageA1'] },
  'user.endOwnSessions': { selfAdmin: ['admin'], selfLiaisonA: ['liaisonA'], selfVillageA1: ['villageA1'] },
  'audit.read': { dashboard: ['admin'] },
  'notification.read': { selfAdmin: ['admin'], selfLiaisonA: ['liaisonA'], selfVillageA1: ['villageA1'] },
  'notification.deliveries': { dashboard: ['admin'] },
  'todo.village': { dashboard: ['villageA1', 'villageA2', 'villageB1'] },
  'todo.liaison': { dashboard: ['liaisonA', 'liaisonB'] },
  'todo.org': { dashboard: ['admin'] },
  'import.run': { villageImport: ['admin'], projectImportA: ['liaisonA'], projectImportNoSoe: [], unknownImport: [], updateImportA: ['liaisonA'], updateImportB: ['liaisonB'], updateImportNoSoe: [], commitmentImport: ['admin'], commitmentImportA: ['admin'], pioneerImportA: ['admin', 'liaisonA'], pioneerImportNoSoe: ['admin'] },
  'import.read': { villageImport: [...ORG], projectImportA: [...ORG, 'liaisonA'], projectImportNoSoe: [...ORG], updateImportA: [...ORG, 'liaisonA'], updateImportB: [...ORG, 'liaisonB'] },
  'import.undo': { villageImportByAdmin: ['admin'], projectImportAByLiaisonA: ['admin', 'liaisonA'], projectImportNoSoe: ['admin'], updateImportAByLiaisonA: ['admin', 'liaisonA'] },
};

describe('policy matrix: every role × every action × in- and out-of-scope resources', () => {
  it('answers exactly as the role table says', async () => {
    const all = await resources();
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(rules).sort());
    let cases = 0;
    const wrong: string[] = [];
    for (const [action, byResource] of Object.entries(EXPECTED) as [Action, Partial<Record<Label, UserKey[]>>][]) {
      for (const [label, allowed] of Object.entries(byResource) as [Label, UserKey[]][]) {
        for (const key of ALL) {
          cases += 1;
          const answer = can(world.users[key], action, all[label] as never);
          if (answer !== allowed.includes(key)) wrong.push(`${key} ${action} ${label}: got ${answer}`);
        }
      }
    }
    console.log(`policy matrix: ${cases} cases`);
    expect(wrong).toEqual([]);
    expect(cases).toBeGreaterThan(250);
  });

  it('refuses a user who must change an administrator-chosen password everything but changing it and signing out', async () => {
    const all = await resources();
    for (const key of ALL) {
      const user: SessionUser = { ...world.users[key], mustChangePassword: true };
      const self = { userId: user.id };
      for (const [action, byResource] of Object.entries(EXPECTED) as [Action, Partial<Record<Label, UserKey[]>>][]) {
        for (const label of Object.keys(byResource) as Label[]) {
          const allowed = PASSWORD_CHANGE_ACTIONS.includes(action) ? can(world.users[key], action, all[label] as never) : false;
          expect(can(user, action, all[label] as never), `${key} ${action} ${label}`).toBe(allowed);
        }
      }
      expect(can(user, 'user.changeOwnPassword', self)).toBe(true);
      expect(can(user, 'user.endOwnSessions', self)).toBe(true);
      const p = database.prisma;
      expect(await p.project.count({ where: projectScope(user) }), key).toBe(0);
      expect(await p.zone.count({ where: zoneScope(user) }), key).toBe(0);
      expect(await p.village.count({ where: villageScope(user) }), key).toBe(0);
      expect(await p.soe.count({ where: soeScope(user) }), key).toBe(0);
      expect(sqlScope(user)).toEqual({ all: false, soeId: -1, zoneId: -1 });
      expect(homePath(user)).toBe('/account/password');
    }
  });

  it('refuses everything to nobody', async () => {
    const all = await resources();
    for (const action of Object.keys(rules) as Action[]) expect(can(null, action, all.projectA as never)).toBe(false);
  });

  it('scopes lists exactly as it answers single reads', async () => {
    const all = await resources();
    const p = database.prisma;
    for (const key of ALL) {
      const user: SessionUser = world.users[key];
      const projects = (await p.project.findMany({ where: projectScope(user), select: { id: true } })).map((r) => r.id).sort();
      const readable = [world.projectA, world.projectB, world.projectCity]
        .filter((pr, i) => can(user, 'project.read', [all.projectA, all.projectB, all.projectCity][i]!))
        .map((pr) => pr.id)
        .sort();
      expect(projects, key).toEqual(readable);

      const zones = (await p.zone.findMany({ where: zoneScope(user), select: { id: true } })).map((r) => r.id).sort();
      const readableZones = (['zoneA', 'zoneB', 'zoneShared'] as const)
        .filter((z) => can(user, 'zone.read', all[z]))
        .map((z) => all[z].zoneId)
        .sort();
      expect(zones, key).toEqual(readableZones);

      const villages = (await p.village.findMany({ where: villageScope(user), select: { id: true } })).map((r) => r.id).sort();
      const readableVillages = (['villageA1', 'villageA2', 'villageB1'] as const)
        .filter((v) => can(user, 'village.read', all[v]))
        .map((v) => all[v].villageId)
        .sort();
      expect(villages, key).toEqual(readableVillages);

      const soes = (await p.soe.findMany({ where: soeScope(user), select: { id: true } })).map((r) => r.id).sort();
      const readableSoes = (['soeA', 'soeB'] as const).filter((s) => can(user, 'soe.read', all[s])).map((s) => all[s].soeId).sort();
      expect(soes, key).toEqual(readableSoes);
    }
  });
});
