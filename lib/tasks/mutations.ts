import { defineMutation, FieldError } from '@/lib/action';
import type { Prisma } from '@/lib/db/client';
import { taskProgressSchema, taskSchema, taskTextSchema } from './schemas';

// A zone's list of practical tasks (实事清单): the org department enters what the zone decided
// (议事决策); the owning SOE's liaison team (or an administrator) moves it on, with evidence when done.

export const createTask = defineMutation({
  schema: taskSchema,
  action: 'task.create',
  resource: async (tx, input) => {
    const zone = await tx.zone.findUnique({ where: { id: input.zoneId }, select: { pairings: { select: { soeId: true } } } });
    return zone ? { zoneId: input.zoneId, soeIds: zone.pairings.map((p) => p.soeId) } : null;
  },
  async run({ tx, input, audit }) {
    // The owner is one of the zone's paired SOEs, or its villages.
    if (input.soeId !== null && !(await tx.pairing.count({ where: { zoneId: input.zoneId, soeId: input.soeId } }))) throw new FieldError('soeId', 'validation.taskOwnerNotPaired');
    const after = await tx.practicalTask.create({ data: input });
    await audit({ action: 'task.create', entity: 'PracticalTask', entityId: after.id, after });
    return { id: after.id, version: after.version };
  },
});

type Tx = Prisma.TransactionClient;

/** The task's own resource for the policy: its zone and owning SOE. */
async function taskResource(tx: Tx, id: number) {
  const task = await tx.practicalTask.findUnique({ where: { id }, select: { zoneId: true, soeId: true } });
  return task ? { zoneId: task.zoneId, ownerSoeId: task.soeId } : null;
}

/** Corrects a task's text (what, for whom, responsible, by when); its owner and progress stay. */
export const editTask = defineMutation({
  schema: taskTextSchema,
  action: 'task.edit',
  resource: (tx, input) => taskResource(tx, input.id),
  versioned: (input) => ({ table: 'PracticalTask', id: input.id, version: input.version }),
  async run({ tx, input: { id, version: _seen, ...text }, audit }) {
    const before = await tx.practicalTask.findUniqueOrThrow({ where: { id } });
    const after = await tx.practicalTask.update({ where: { id }, data: { ...text, sourceId: null, version: { increment: 1 } } });
    await audit({ action: 'task.edit', entity: 'PracticalTask', entityId: id, before, after });
    return { id, version: after.version };
  },
});

export const updateTask = defineMutation({
  schema: taskProgressSchema,
  action: 'task.update',
  resource: (tx, input) => taskResource(tx, input.id),
  versioned: (input) => ({ table: 'PracticalTask', id: input.id, version: input.version }),
  async run({ tx, input: { id, version: _seen, ...change }, audit }) {
    // Done means shown: the evidence says where the receipt, photo or minutes are.
    if (change.status === 'DONE' && !change.evidence) throw new FieldError('evidence', 'validation.taskEvidence');
    const before = await tx.practicalTask.findUniqueOrThrow({ where: { id } });
    const after = await tx.practicalTask.update({ where: { id }, data: { ...change, sourceId: null, version: { increment: 1 } } });
    await audit({ action: 'task.update', entity: 'PracticalTask', entityId: id, before, after });
    return { id, version: after.version };
  },
});
