import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsOfEvents, attachmentsOfFeedback } from '../../lib/attachments/queries';
import { uploadAttachment } from '../../lib/attachments/upload';
import { FolderStore } from '../../lib/files/storage';
import { answerDispute } from '../../lib/projects/correction-mutations';
import { getProject } from '../../lib/projects/queries';
import { giveFeedback, reviewUpdate } from '../../lib/projects/review-mutations';
import { currentQuarter, quarterKey } from '../../lib/dates';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { photoWithExif, smallPdf } from '../helpers/evidence-files';
import { buildWorld, type World } from '../helpers/fixtures';

// What the project page shows and offers for evidence on a dispute, an answer and feedback (issue 18):
// the files through the owner's read rule, the upload to the step's author only.
let database: TestDatabase;
let world: World;
let dir: string;
let store: FolderStore;
let updateA: number;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
  dir = await mkdtemp(path.join(os.tmpdir(), 'portal-clerk-evidence-'));
  store = new FolderStore(path.join(dir, 'files'));
  updateA = (await database.prisma.projectUpdate.create({ data: { projectId: world.projectA.id, period: new Date('2025-03-01'), progressPct: 30, investmentToDate: '300000', authorId: world.users.liaisonA.id } })).id;
});
afterAll(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

const upload = (user: keyof World['users'], ownerKind: string, ownerId: number, bytes: Buffer, name: string) =>
  uploadAttachment(world.users[user], { ownerKind, ownerId: String(ownerId) }, { bytes, name }, { store });
const stepsOf = async (user: keyof World['users']) => (await getProject(world.users[user], world.projectA.id))!.updates.find((u) => u.id === updateA)!.events;

describe('evidence on a dispute and its answer', () => {
  it('the village adds to its dispute, the liaison to its answer; each sees the other’s; no one else adds or sees', async () => {
    expect((await reviewUpdate(world.users.villageA1, { updateId: updateA, version: 1, decision: 'DISPUTED', reason: '现场只建成一半' })).status).toBe('ok');
    const disputed = await database.prisma.updateEvent.findFirstOrThrow({ where: { updateId: updateA, kind: 'DISPUTED' } });
    expect((await stepsOf('villageA1')).find((e) => e.id === disputed.id)).toMatchObject({ canAttach: true, actorId: world.users.villageA1.id });
    expect((await stepsOf('liaisonA')).find((e) => e.id === disputed.id)).toMatchObject({ canAttach: false });

    expect(await upload('villageA1', 'UPDATE_EVENT', disputed.id, await photoWithExif(), '现场.jpg')).toMatchObject({ status: 'ok' });
    expect(await upload('liaisonA', 'UPDATE_EVENT', disputed.id, smallPdf(), '不该在这里.pdf')).toMatchObject({ status: 'denied' });
    expect(await upload('villageA2', 'UPDATE_EVENT', disputed.id, smallPdf(), '旁村.pdf')).toMatchObject({ status: 'denied' });

    const version = (await database.prisma.projectUpdate.findUniqueOrThrow({ where: { id: updateA } })).version;
    expect((await answerDispute(world.users.liaisonA, { updateId: updateA, version, answer: '按合同节点计算进度' })).status).toBe('ok');
    const answered = await database.prisma.updateEvent.findFirstOrThrow({ where: { updateId: updateA, kind: 'ANSWERED' } });
    expect((await stepsOf('liaisonA')).find((e) => e.id === answered.id)).toMatchObject({ canAttach: true });
    expect((await stepsOf('villageA1')).find((e) => e.id === answered.id)).toMatchObject({ canAttach: false });
    expect(await upload('liaisonA', 'UPDATE_EVENT', answered.id, smallPdf('Schedule'), '节点确认单.pdf')).toMatchObject({ status: 'ok' });

    const ids = [disputed.id, answered.id];
    for (const reader of ['liaisonA', 'villageA1', 'villageA2', 'admin', 'viewer'] as const) {
      const seen = await attachmentsOfEvents(world.users[reader], ids);
      expect([seen.get(disputed.id)?.map((a) => a.name), seen.get(answered.id)?.map((a) => a.name)], reader).toEqual([['现场.jpg'], ['节点确认单.pdf']]);
    }
    // Another SOE's team and another zone's village see nothing of it.
    for (const outsider of ['liaisonB', 'villageB1'] as const) expect((await attachmentsOfEvents(world.users[outsider], ids)).size).toBe(0);
  });
});

describe('evidence on feedback', () => {
  it('the village whose feedback adds to it; the liaison sees it and is offered no upload', async () => {
    expect((await giveFeedback(world.users.villageA1, { projectId: world.projectA.id, quarter: quarterKey(currentQuarter()), rating: '4', comment: '带动务工明显' })).status).toBe('ok');
    const feedback = await database.prisma.feedback.findFirstOrThrow({ where: { projectId: world.projectA.id, villageId: world.villageA1.id } });
    expect((await getProject(world.users.villageA1, world.projectA.id))!.feedback.find((f) => f.id === feedback.id)).toMatchObject({ canAttach: true });
    expect((await getProject(world.users.liaisonA, world.projectA.id))!.feedback.find((f) => f.id === feedback.id)).toMatchObject({ canAttach: false });
    expect((await getProject(world.users.villageA2, world.projectA.id))!.feedback.find((f) => f.id === feedback.id)).toMatchObject({ canAttach: false });
    expect(await upload('villageA2', 'FEEDBACK', feedback.id, await photoWithExif(), '旁村.jpg')).toMatchObject({ status: 'denied' });
    expect(await upload('villageA1', 'FEEDBACK', feedback.id, await photoWithExif(800, 600), '签到表.jpg')).toMatchObject({ status: 'ok' });
    expect((await attachmentsOfFeedback(world.users.liaisonA, [feedback.id])).get(feedback.id)?.map((a) => a.name)).toEqual(['签到表.jpg']);
    expect((await attachmentsOfFeedback(world.users.liaisonB, [feedback.id])).size).toBe(0);
  });
});
