import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTask, updateTask } from '../../lib/tasks/mutations';
import { getZoneTasks } from '../../lib/tasks/queries';
import { getTodo } from '../../lib/todo/queries';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

// The list of practical tasks (实事清单, issue 21 part 3): administrators enter a zone's tasks; the
// owning SOE's liaison team moves them on (evidence when done); villages read their zone's list;
// overdue tasks are on each role's to-do.
let database: TestDatabase;
let world: World;
const NOW = new Date('2026-11-29T04:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

describe('practical tasks', () => {
  it('an administrator enters a task owned by a paired SOE or the villages; nobody else; an unpaired owner is refused', async () => {
    const { admin, liaisonA, villageA1 } = world.users;
    const task = { zoneId: world.zoneShared.id, title: '修缮村组道路路灯', forWhom: '片区各村村民', responsible: '联村工作队', soeId: world.soeA.id, dueOn: '2026-09-30' };
    expect((await createTask(liaisonA, task)).status).toBe('denied');
    expect((await createTask(villageA1, task)).status).toBe('denied');
    const unpaired = await createTask(admin, { ...task, zoneId: world.zoneA.id, soeId: world.soeB.id }, 'en');
    expect(unpaired).toMatchObject({ status: 'invalid', fieldErrors: { soeId: ['The owner must be an SOE paired with this zone'] } });
    const bad = await createTask(admin, { ...task, title: '', dueOn: '2026-02-30' });
    expect(bad.status).toBe('invalid');
    if (bad.status === 'invalid') expect(Object.keys(bad.fieldErrors).sort()).toEqual(['dueOn', 'title']);
    expect((await createTask(admin, task)).status).toBe('ok');
    expect((await createTask(admin, { ...task, zoneId: world.zoneA.id, soeId: '', title: '开办老年食堂', dueOn: '2027-06-30' })).status).toBe('ok');
    expect(await database.prisma.practicalTask.count()).toBe(2);
    expect(await database.prisma.auditLog.count({ where: { entity: 'PracticalTask' } })).toBe(2);
  });

  it('only the owning SOE’s liaison team (or an administrator) moves a task on; done needs evidence; a stale version is refused', async () => {
    const { liaisonA, liaisonB, villageA1 } = world.users;
    const task = await database.prisma.practicalTask.findFirstOrThrow({ where: { soeId: world.soeA.id } });
    const change = { id: task.id, version: task.version, status: 'IN_PROGRESS', evidence: '' };
    // liaisonB's SOE is paired with the shared zone too, but does not own the task.
    expect((await updateTask(liaisonB, change)).status).toBe('denied');
    expect((await updateTask(villageA1, change)).status).toBe('denied');
    const noEvidence = await updateTask(liaisonA, { ...change, status: 'DONE' }, 'zh-CN');
    expect(noEvidence).toMatchObject({ status: 'invalid', fieldErrors: { evidence: ['标记为已完成时须填写完成佐证'] }, values: { status: 'DONE' } });
    expect((await updateTask(liaisonA, { ...change, status: 'DONE', evidence: '验收单存村委会' })).status).toBe('ok');
    expect((await updateTask(liaisonA, { ...change, status: 'IN_PROGRESS' })).status).toBe('conflict');
    expect(await database.prisma.practicalTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'DONE', evidence: '验收单存村委会', version: task.version + 1 });
  });

  it('villages read their zone’s list; overdue tasks are on the to-do of the owner, the zone’s villages and the org department', async () => {
    const { admin, liaisonA, liaisonB, villageA1, villageB1 } = world.users;
    const late = await createTask(admin, { zoneId: world.zoneA.id, title: '整治村湾人居环境', forWhom: '村民', responsible: '联村工作队', soeId: world.soeA.id, dueOn: '2026-10-30' });
    expect(late.status).toBe('ok');
    const list = (await getZoneTasks(villageA1, world.zoneA.id, NOW))!;
    expect(list.canCreate).toBe(false);
    expect(list.tasks.map((t) => [t.title, t.overdue, t.canUpdate])).toEqual([['整治村湾人居环境', true, false], ['开办老年食堂', false, false]]);
    expect((await getZoneTasks(liaisonA, world.zoneA.id, NOW))!.tasks.map((t) => t.canUpdate)).toEqual([true, false]);
    expect(await getZoneTasks(villageB1, world.zoneA.id, NOW)).toBeNull();
    const overdue = async (user: typeof admin) => {
      const todo = await getTodo(user, NOW);
      return todo.sections ? todo.sections.overdueTasks.map((t) => t.title) : null;
    };
    expect(await overdue(liaisonA)).toEqual(['整治村湾人居环境']);
    expect(await overdue(liaisonB)).toEqual([]);
    expect(await overdue(villageA1)).toEqual(['整治村湾人居环境']);
    expect(await overdue(villageB1)).toEqual([]);
    expect(await overdue(admin)).toEqual(['整治村湾人居环境']);
    // Not overdue on its own day (China time), overdue the day after.
    const onTheDay = await getTodo(liaisonA, new Date('2026-10-30T15:00:00Z'));
    expect(onTheDay.sections && 'overdueTasks' in onTheDay.sections ? onTheDay.sections.overdueTasks.length : -1).toBe(0);
    const dayAfter = await getTodo(liaisonA, new Date('2026-10-30T16:30:00Z'));
    expect(dayAfter.sections && 'overdueTasks' in dayAfter.sections ? dayAfter.sections.overdueTasks.length : -1).toBe(1);
  });
});
