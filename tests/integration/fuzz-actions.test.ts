import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessCriterion, closeAccreditation, nominateZone } from '../../lib/accreditation/mutations';
import type { Mutation } from '../../lib/action';
import { changeProjectStatus, createProject, postProjectUpdate, updateProject } from '../../lib/projects/mutations';
import { giveFeedback, reviewUpdate } from '../../lib/projects/review-mutations';
import { changeOwnPassword, createUser, resetPassword, setUserActive } from '../../lib/users/mutations';
import { reportIncome } from '../../lib/villages/mutations';
import { createPairing, endPairing } from '../../lib/pairings/mutations';
import { saveSoe } from '../../lib/soes/mutations';
import { saveVillage } from '../../lib/villages/mutations';
import { saveZone } from '../../lib/zones/mutations';
import { undoImport } from '../../lib/imports/mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

// Random and malformed payloads at every mutation, as every kind of user:
// each call must end in a state (never an unhandled error), and only an "ok"
// may write — checked through the audit trail and the row counts.
let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

const MUTATIONS: Record<string, [Mutation<unknown>, string[]]> = {
  createUser: [createUser, ['username', 'displayName', 'role', 'soeId', 'villageId', 'password']],
  resetPassword: [resetPassword, ['userId', 'version', 'password']],
  setUserActive: [setUserActive, ['userId', 'version', 'active']],
  changeOwnPassword: [changeOwnPassword, ['currentPassword', 'newPassword', 'confirmPassword']],
  createProject: [createProject, ['name', 'zoneId', 'mode', 'method', 'outcomeArea', 'batch', 'plannedInvestment', 'startDate', 'endDate', 'villageIds']],
  updateProject: [updateProject, ['projectId', 'version', 'name', 'mode', 'method', 'outcomeArea', 'batch', 'plannedInvestment', 'villageIds']],
  changeProjectStatus: [changeProjectStatus, ['projectId', 'version', 'status']],
  postProjectUpdate: [postProjectUpdate, ['projectId', 'period', 'progressPct', 'investmentToDate', 'jobsCreated', 'incomeToVillages', 'beneficiaries']],
  reviewUpdate: [reviewUpdate, ['updateId', 'version', 'decision', 'reason']],
  giveFeedback: [giveFeedback, ['projectId', 'quarter', 'rating', 'comment', 'version']],
  reportIncome: [reportIncome, ['villageId', 'year', 'amount', 'version']],
  nominateZone: [nominateZone, ['zoneId', 'nominatedOn']],
  assessCriterion: [assessCriterion, ['accreditationId', 'version', 'criterion', 'result', 'assessedOn', 'assessorName']],
  closeAccreditation: [closeAccreditation, ['accreditationId', 'version', 'closedOn', 'reason']],
  saveSoe: [saveSoe, ['id', 'version', 'name', 'shortName', 'category', 'level']],
  saveZone: [saveZone, ['id', 'version', 'name', 'districtId', 'townshipId', 'mechanisms']],
  saveVillage: [saveVillage, ['id', 'version', 'name', 'zoneId', 'population', 'households']],
  createPairing: [createPairing, ['soeId', 'zoneId', 'since']],
  endPairing: [endPairing, ['pairingId', 'version', 'until']],
  undoImport: [undoImport, ['importId', 'version']],
};

/** Values that look almost right, and values that are plainly wrong. */
const nasty = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', '1', '2', '1e309', '99999999999', '2147483648', 'NaN', '2025-02-30', '2026-13', '9999-99', "'; DROP TABLE \"User\";--", '<script>x</script>', '𠮷'.repeat(300), 'ORG_ADMIN', 'PASS', 'DISPUTED', '__proto__'),
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
  return Promise.all([p.auditLog.count(), p.user.count(), p.project.count(), p.projectUpdate.count(), p.feedback.count(), p.villageIncome.count(), p.accreditation.count(), p.assessment.count(), p.soe.count(), p.zone.count(), p.village.count(), p.pairing.count()]);
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
