import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProject } from '../../lib/projects/mutations';
import type { SessionUser } from '../../lib/auth/policy';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, projectEdit, type World } from '../helpers/fixtures';

// 50 clients at once on one project, and 50 on 50 projects: every accepted
// write is stored, every refused one got a conflict, audit rows = accepted.
let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

const auditRows = () => database.prisma.auditLog.count({ where: { action: 'project.update' } });

describe('concurrent edits', () => {
  it('50 clients on the same project: one wins, 49 are told of the conflict, nothing is lost', async () => {
    const { liaisonA } = world.users;
    const before = await auditRows();
    const edits = await Promise.all(Array.from({ length: 50 }, (_, i) => projectEdit(database.prisma, world.projectA.id, { name: `并发编辑 ${i}` })));
    const results = await Promise.all(edits.map((edit) => updateProject(liaisonA, edit)));
    const accepted = results.flatMap((r, i) => (r.status === 'ok' ? [i] : []));
    const conflicts = results.filter((r) => r.status === 'conflict').length;
    console.log(`same project: 50 attempted, ${accepted.length} accepted, ${conflicts} conflicted, 0 lost`);
    expect(accepted).toHaveLength(1);
    expect(conflicts).toBe(49);
    const row = await database.prisma.project.findUniqueOrThrow({ where: { id: world.projectA.id } });
    expect(row.name).toBe(`并发编辑 ${accepted[0]}`);
    expect(await auditRows()).toBe(before + 1);
  });

  it('50 clients on 50 projects: every write is stored with its audit row', async () => {
    const soe = world.soeA;
    const liaison: SessionUser = world.users.liaisonA;
    const projects = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        database.prisma.project.create({
          data: { name: `并发项目 ${i}`, soeId: soe.id, zoneId: world.zoneA.id, mode: 'AGRI_FOR_AGRI', method: 'DIRECT_INVESTMENT', outcomeArea: 'FARMER_INCOME' },
        }),
      ),
    );
    const before = await auditRows();
    const edits = await Promise.all(projects.map((p, i) => projectEdit(database.prisma, p.id, { plannedInvestment: `${1000 + i}.50` })));
    const results = await Promise.all(edits.map((edit) => updateProject(liaison, edit)));
    const accepted = results.filter((r) => r.status === 'ok').length;
    console.log(`different projects: 50 attempted, ${accepted} accepted, ${50 - accepted} conflicted, 0 lost`);
    expect(accepted).toBe(50);
    for (const [i, p] of projects.entries()) {
      const stored = await database.prisma.project.findUniqueOrThrow({ where: { id: p.id } });
      expect(stored.plannedInvestment?.toString()).toBe(`${1000 + i}.5`);
    }
    expect(await auditRows()).toBe(before + 50);
  });
});
