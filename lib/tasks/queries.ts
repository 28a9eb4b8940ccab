import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db, type Prisma } from '@/lib/db/client';
import { chinaDay } from '@/lib/reminders/config';

/** Overdue, in one place (the zone's list and the to-do lists): not done, and its day has passed (China time). */
export function overdueTaskWhere(now: Date): Prisma.PracticalTaskWhereInput {
  return { status: { not: 'DONE' }, dueOn: { lt: chinaDay(now) } };
}

/** A zone's practical tasks, by due day, each with whether it is overdue and whether the user may move it on; null when unseen. */
export async function getZoneTasks(user: SessionUser, zoneId: number, now = new Date()) {
  const zone = await db().zone.findUnique({ where: { id: zoneId }, select: { pairings: { select: { soe: { select: { id: true, name: true } } } } } });
  if (!zone || !can(user, 'zone.read', { zoneId, soeIds: zone.pairings.map((p) => p.soe.id) })) return null;
  const tasks = await db().practicalTask.findMany({
    where: { zoneId },
    select: { id: true, version: true, title: true, forWhom: true, responsible: true, dueOn: true, status: true, evidence: true, soe: { select: { id: true, name: true } }, source: { select: { isSample: true } } },
    orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
  });
  const overdueBefore = chinaDay(now);
  const owners = new Map(zone.pairings.map((p) => [p.soe.id, p.soe]));
  return {
    canCreate: can(user, 'task.create', { zoneId, soeIds: [...owners.keys()] }),
    owners: [...owners.values()],
    tasks: tasks.map(({ source, soe, ...t }) => ({
      ...t,
      owner: soe,
      isSample: source?.isSample ?? false,
      overdue: t.status !== 'DONE' && t.dueOn < overdueBefore,
      canUpdate: can(user, 'task.update', { zoneId, ownerSoeId: soe?.id ?? null }),
      canEdit: can(user, 'task.edit', { zoneId, ownerSoeId: soe?.id ?? null }),
    })),
  };
}
