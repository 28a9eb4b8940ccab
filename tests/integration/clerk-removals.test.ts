import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPioneerMember, addPioneerPost, removePioneerMember, removePioneerPost } from '../../lib/pioneers/mutations';
import { getPioneerTeam, getProjectPosts } from '../../lib/pioneers/queries';
import { createTask, editTask, updateTask } from '../../lib/tasks/mutations';
import { getZoneTasks } from '../../lib/tasks/queries';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

// Removing pioneer posts and members (with a reason, audited; a member holding posts is refused),
// and editing a practical task's text (administrators), each through defineMutation and the policy.
let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

const idOf = (state: { status: string; data?: unknown }) => {
  if (state.status !== 'ok') throw new Error(JSON.stringify(state));
  return (state.data as { id: number }).id;
};

describe('removing pioneer posts and members', () => {
  it('ends a post with a reason (its project’s liaison team or an administrator), audited', async () => {
    const { admin, liaisonA, liaisonB, villageA1 } = world.users;
    const member = idOf(await addPioneerMember(admin, { zoneId: world.zoneA.id, name: '王建国', side: 'VILLAGE', role: '队长' }));
    const post = idOf(await addPioneerPost(liaisonA, { projectId: world.projectA.id, memberId: member, title: '技术指导岗' }));
    for (const user of [liaisonB, villageA1, world.users.viewer]) expect((await removePioneerPost(user, { id: post, reason: '岗位调整完毕' })).status).toBe('denied');
    expect(await removePioneerPost(liaisonA, { id: post, reason: '' })).toMatchObject({ status: 'invalid', fieldErrors: { reason: ['请写明原因（至少 4 个字）。'] } });
    expect(await database.prisma.pioneerPost.count({ where: { id: post } })).toBe(1);
    expect((await removePioneerPost(liaisonA, { id: post, reason: '项目转入运营，岗位撤销' })).status).toBe('ok');
    expect(await database.prisma.pioneerPost.count({ where: { id: post } })).toBe(0);
    const entry = await database.prisma.auditLog.findFirstOrThrow({ where: { action: 'pioneer.removePost', entityId: String(post) } });
    expect(entry).toMatchObject({ actorId: liaisonA.id, before: { title: '技术指导岗', memberId: member }, after: { reason: '项目转入运营，岗位撤销' } });
    // Gone: the same answer as never there.
    expect((await removePioneerPost(admin, { id: post, reason: '再撤一次看看' })).status).toBe('denied');
  });

  it('refuses to remove a member who still holds posts, naming them; removes one who holds none, with a reason, audited', async () => {
    const { admin, liaisonA, liaisonB } = world.users;
    const member = idOf(await addPioneerMember(liaisonA, { zoneId: world.zoneA.id, name: '李志强', side: 'SOE', role: '队员' }));
    const post = idOf(await addPioneerPost(liaisonA, { projectId: world.projectA.id, memberId: member, title: '产业发展岗' }));
    const audits = await database.prisma.auditLog.count();
    const refused = await removePioneerMember(liaisonA, { id: member, reason: '调离本企业' });
    expect(refused).toMatchObject({ status: 'invalid', fieldErrors: { reason: ['该队员仍担任 1 个先锋岗（甲项目·产业发展岗），不能移出先锋队：请先在项目页撤下这些岗位。'] } });
    expect(await database.prisma.pioneerMember.count({ where: { id: member } })).toBe(1);
    expect(await database.prisma.auditLog.count()).toBe(audits);

    expect((await removePioneerPost(admin, { id: post, reason: '人员调离，岗位撤销' })).status).toBe('ok');
    expect((await removePioneerMember(liaisonB, { id: member, reason: '调离本企业' })).status).toBe('denied');
    expect((await removePioneerMember(liaisonA, { id: member, reason: '调离本企业' })).status).toBe('ok');
    expect(await database.prisma.pioneerMember.count({ where: { id: member } })).toBe(0);
    const entry = await database.prisma.auditLog.findFirstOrThrow({ where: { action: 'pioneer.removeMember', entityId: String(member) } });
    expect(entry).toMatchObject({ actorId: liaisonA.id, before: { name: '李志强', side: 'SOE', role: '队员' }, after: { reason: '调离本企业' } });
  });

  it('lets a liaison team remove its own side only, as it adds; an administrator either side', async () => {
    const { admin, liaisonA } = world.users;
    const villager = await database.prisma.pioneerMember.findFirstOrThrow({ where: { name: '王建国' } });
    expect((await removePioneerMember(liaisonA, { id: villager.id, reason: '本人申请退出' })).status).toBe('denied');
    const team = (await getPioneerTeam(liaisonA, world.zoneA.id))!;
    expect(team.map((m) => [m.name, m.canRemove])).toEqual([['王建国', false]]);
    expect((await getPioneerTeam(admin, world.zoneA.id))!.map((m) => m.canRemove)).toEqual([true]);
    expect((await getProjectPosts(liaisonA, world.projectA.id))?.canRemove).toBe(true);
    expect((await getProjectPosts(world.users.villageA1, world.projectA.id))?.canRemove).toBe(false);
    expect((await removePioneerMember(admin, { id: villager.id, reason: '本人申请退出' })).status).toBe('ok');
  });
});

describe('editing a practical task’s text', () => {
  it('administrators correct what, for whom, who and by when; the owner’s team and others may not; the version guards it; one audit row', async () => {
    const { admin, liaisonA, liaisonB, villageA1 } = world.users;
    const created = await createTask(admin, { zoneId: world.zoneShared.id, title: '修缮村道', forWhom: '全体村民', responsible: '张主任', soeId: String(world.soeA.id), dueOn: '2026-06-30' });
    const id = idOf(created);
    const text = { id, version: 1, title: '修缮村道两公里', forWhom: '甲一村村民', responsible: '李主任', dueOn: '2026/9/30' };
    for (const user of [liaisonA, liaisonB, villageA1, world.users.viewer]) expect((await editTask(user, text)).status).toBe('denied');
    expect(await editTask(admin, { ...text, title: ' ', dueOn: '2026-02-30' })).toMatchObject({ status: 'invalid', fieldErrors: { title: [expect.any(String)], dueOn: [expect.any(String)] } });
    const audits = await database.prisma.auditLog.count({ where: { action: 'task.edit' } });
    expect(await editTask(admin, text)).toMatchObject({ status: 'ok', data: { version: 2 } });
    const row = await database.prisma.practicalTask.findUniqueOrThrow({ where: { id } });
    expect([row.title, row.forWhom, row.responsible, row.dueOn.toISOString().slice(0, 10), row.soeId, row.status]).toEqual(['修缮村道两公里', '甲一村村民', '李主任', '2026-09-30', world.soeA.id, 'PLANNED']);
    expect(await database.prisma.auditLog.count({ where: { action: 'task.edit' } })).toBe(audits + 1);
    // Someone moved it on meanwhile: the edit from the old version is refused, nothing changes.
    expect((await updateTask(liaisonA, { id, version: 2, status: 'IN_PROGRESS', evidence: '' })).status).toBe('ok');
    expect((await editTask(admin, { ...text, version: 2, title: '过期的修改' })).status).toBe('conflict');
    expect((await database.prisma.practicalTask.findUniqueOrThrow({ where: { id } })).title).toBe('修缮村道两公里');
    const list = (await getZoneTasks(admin, world.zoneShared.id, new Date('2026-01-01T00:00:00Z')))!;
    expect(list.tasks.find((t) => t.id === id)).toMatchObject({ canEdit: true });
    expect((await getZoneTasks(liaisonA, world.zoneShared.id, new Date('2026-01-01T00:00:00Z')))!.tasks.find((t) => t.id === id)).toMatchObject({ canEdit: false, canUpdate: true });
  });
});
