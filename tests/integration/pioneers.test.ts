import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPioneerMember, addPioneerPost } from '../../lib/pioneers/mutations';
import { getPioneerTeam, getProjectPosts } from '../../lib/pioneers/queries';
import { getScorecard } from '../../lib/scorecard/queries';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

// Pioneer teams and posts (issue 21, part 2): a zone's team (name, side, role — nothing more),
// posts attaching members to projects; a liaison adds posts to its own SOE's projects only.
let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

const audits = (entity: string) => database.prisma.auditLog.count({ where: { entity } });

describe('pioneer team', () => {
  it('an administrator adds members of either side; a paired liaison only its SOE side; others none', async () => {
    const { admin, liaisonA, liaisonB, villageA1 } = world.users;
    const zoneId = world.zoneA.id;
    expect((await addPioneerMember(admin, { zoneId, name: '王建国', side: 'VILLAGE', role: '队长' })).status).toBe('ok');
    expect((await addPioneerMember(liaisonA, { zoneId, name: '李志强', side: 'SOE', role: '队员' })).status).toBe('ok');
    expect((await addPioneerMember(liaisonA, { zoneId, name: '张红梅', side: 'VILLAGE', role: '队员' })).status).toBe('denied');
    expect((await addPioneerMember(liaisonB, { zoneId, name: '张红梅', side: 'SOE', role: '队员' })).status).toBe('denied');
    expect((await addPioneerMember(villageA1, { zoneId, name: '张红梅', side: 'VILLAGE', role: '队员' })).status).toBe('denied');
    const twice = await addPioneerMember(admin, { zoneId, name: '王建国', side: 'VILLAGE', role: '队员' }, 'en');
    expect(twice).toMatchObject({ status: 'invalid', fieldErrors: { name: [expect.stringMatching(/already/)] } });
    const blank = await addPioneerMember(admin, { zoneId, name: ' ', side: 'MAYOR', role: '' });
    expect(blank.status).toBe('invalid');
    if (blank.status === 'invalid') expect(Object.keys(blank.fieldErrors).sort()).toEqual(['name', 'role', 'side']);
    expect(await audits('PioneerMember')).toBe(2);
    const team = (await getPioneerTeam(villageA1, zoneId))!;
    expect(team.map((m) => [m.name, m.side, m.role])).toEqual([['王建国', 'VILLAGE', '队长'], ['李志强', 'SOE', '队员']]);
    // Nothing more than name, side and role is kept about a member.
    const columns = await database.prisma.$queryRaw<{ column_name: string }[]>`SELECT column_name FROM information_schema.columns WHERE table_name = 'PioneerMember' ORDER BY 1`;
    expect(columns.map((c) => c.column_name)).toEqual(['createdAt', 'id', 'name', 'role', 'side', 'sourceId', 'zoneId']);
    expect(await getPioneerTeam(world.users.villageB1, zoneId)).toBeNull();
    expect(await getPioneerTeam(liaisonB, zoneId)).toBeNull();
  });
});

describe('pioneer posts', () => {
  it('the project’s liaison team adds a post held by a member of the zone’s team; no one else, no one from another zone', async () => {
    const { admin, liaisonA, liaisonB, villageA1 } = world.users;
    const member = await database.prisma.pioneerMember.findFirstOrThrow({ where: { zoneId: world.zoneA.id, name: '王建国' } });
    const outsider = await database.prisma.pioneerMember.create({ data: { zoneId: world.zoneB.id, name: '赵立新', side: 'VILLAGE', role: '队员' } });
    const post = { projectId: world.projectA.id, memberId: member.id, title: '技术指导岗' };
    expect((await addPioneerPost(liaisonB, post)).status).toBe('denied');
    expect((await addPioneerPost(villageA1, post)).status).toBe('denied');
    const wrongZone = await addPioneerPost(liaisonA, { ...post, memberId: outsider.id }, 'en');
    expect(wrongZone).toMatchObject({ status: 'invalid', fieldErrors: { memberId: [expect.stringMatching(/team of the project/)] } });
    expect((await addPioneerPost(liaisonA, post)).status).toBe('ok');
    expect((await addPioneerPost(liaisonA, post)).status).toBe('invalid');
    expect((await addPioneerPost(admin, { ...post, title: '产业发展岗' })).status).toBe('ok');
    expect((await addPioneerPost(liaisonA, { ...post, projectId: world.projectCity.id })).status).toBe('invalid');
    expect(await audits('PioneerPost')).toBe(2);
    const { posts, team, canAdd } = (await getProjectPosts(liaisonA, world.projectA.id))!;
    expect(canAdd).toBe(true);
    expect((await getProjectPosts(villageA1, world.projectA.id))?.canAdd).toBe(false);
    expect(await getProjectPosts(liaisonB, world.projectA.id)).toBeNull();
    expect(posts.map((p) => [p.title, p.name])).toEqual([['技术指导岗', '王建国'], ['产业发展岗', '王建国']]);
    expect(team.map((m) => m.name)).toEqual(['王建国', '李志强']);
  });

  it('counts in the SOE’s scorecard: its zones’ team members by side and the posts on its projects', async () => {
    const card = (await getScorecard(world.users.admin, world.soeA.id, 2025, new Date('2026-11-29T04:00:00Z')))!;
    const [expected] = await database.prisma.$queryRaw<{ soe: number; village: number; posts: number }[]>`
      SELECT (SELECT count(*)::int FROM "PioneerMember" m WHERE m.side = 'SOE' AND m."zoneId" IN (SELECT "zoneId" FROM "Pairing" WHERE "soeId" = ${world.soeA.id})) AS soe,
             (SELECT count(*)::int FROM "PioneerMember" m WHERE m.side = 'VILLAGE' AND m."zoneId" IN (SELECT "zoneId" FROM "Pairing" WHERE "soeId" = ${world.soeA.id})) AS village,
             (SELECT count(*)::int FROM "PioneerPost" p JOIN "Project" pj ON pj.id = p."projectId" WHERE pj."soeId" = ${world.soeA.id}) AS posts`;
    expect(card.pioneers).toEqual({ soeMembers: expected!.soe, villageMembers: expected!.village, posts: expected!.posts });
    expect(card.pioneers.posts).toBe(2);
  });
});
