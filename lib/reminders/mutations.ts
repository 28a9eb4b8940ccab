import type { Prisma, PrismaClient } from '@/lib/db/client';
import { writeAudit } from '@/lib/audit/log';
import { backoffMs, chinaDay, TZ_OFFSET_MS, type ReminderConfig } from './config';
import { computeDue } from './due';

// The reminder job's writes. They are made by the schedule, not by a signed-in user, so they do
// not go through defineMutation; every one is idempotent by a unique key in the database:
// - ReminderRun (one row per day): the first worker to insert it computes the day's reminders;
// - Notification (userId, kind, entityId, period) and Delivery.dedupKey: computing twice, by two
//   workers or after a restart, adds nothing;
// - a Delivery is claimed with FOR UPDATE SKIP LOCKED and a lease, so one worker sends it.

export type ScheduleResult = { ran: boolean; notifications: number; deliveries: number };

export const dedupKey = (d: { kind: string; entity: string; entityId: number; period: Date; channel: string; target: string }) =>
  `${d.kind}:${d.entity}:${d.entityId}:${d.period.toISOString().slice(0, 10)}:${d.channel}:${d.target}`;

/**
 * Computes the day's reminders once (the first worker past REMINDER_SCHEDULE's hour), in one
 * transaction: notifications in the portal, deliveries queued, one audit row.
 */
export async function scheduleReminders(prisma: PrismaClient, now: Date, worker: string, config: ReminderConfig): Promise<ScheduleResult> {
  const localHour = new Date(now.getTime() + TZ_OFFSET_MS).getUTCHours();
  if (localHour < config.scheduleHour) return { ran: false, notifications: 0, deliveries: 0 };
  const day = chinaDay(now);
  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ day: Date }[]>`
        INSERT INTO "ReminderRun" (day, worker) VALUES (${day}::date, ${worker}) ON CONFLICT (day) DO NOTHING RETURNING day`;
      if (claimed.length === 0) return { ran: false, notifications: 0, deliveries: 0 };
      const result = await queueDue(tx, now, config);
      await tx.reminderRun.update({ where: { day }, data: { created: result.notifications + result.deliveries, finishedAt: new Date() } });
      await writeAudit(tx, { actorId: null, actorName: `reminders:${worker}`, action: 'reminders.schedule', entity: 'ReminderRun', entityId: day.toISOString().slice(0, 10), after: result });
      return { ran: true, ...result };
    },
    { timeout: 120_000 },
  );
}

/** Queues what is due now; what was queued before is left as it is. Exported for tests of idempotency. */
export async function queueDue(tx: Prisma.TransactionClient, now: Date, config: ReminderConfig) {
  const items = await computeDue(tx, now, config);
  const userIds = [...new Set(items.flatMap((i) => i.userIds))];
  const users = new Map(
    (await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, notifyByEmail: true, notifyOff: true } })).map((u) => [u.id, u]),
  );
  const notifications: Prisma.NotificationCreateManyInput[] = [];
  const deliveries: Prisma.DeliveryCreateManyInput[] = [];
  for (const item of items) {
    const base = { kind: item.kind, entity: item.entity, entityId: item.entityId, period: item.period };
    for (const userId of new Set(item.userIds)) {
      const user = users.get(userId);
      if (!user || user.notifyOff.includes(item.kind)) continue;
      notifications.push({ ...base, userId, title: item.title, body: item.body, link: item.link });
      if (config.smtpUrl && user.email && user.notifyByEmail) {
        deliveries.push({ ...base, channel: 'EMAIL', target: user.email, userId, subject: item.title, body: item.body, dedupKey: dedupKey({ ...base, channel: 'EMAIL', target: user.email }) });
      }
    }
    for (const url of new Set(item.webhooks)) {
      deliveries.push({ ...base, channel: 'WEBHOOK', target: url, subject: item.title, body: `${item.title}\n${item.body}`, dedupKey: dedupKey({ ...base, channel: 'WEBHOOK', target: url }) });
    }
  }
  const n = await tx.notification.createMany({ data: notifications, skipDuplicates: true });
  const d = await tx.delivery.createMany({ data: deliveries, skipDuplicates: true });
  return { notifications: n.count, deliveries: d.count };
}

export type ClaimedDelivery = { id: number; channel: 'EMAIL' | 'WEBHOOK'; target: string; subject: string; body: string; attempts: number };

/** Takes up to `limit` deliveries that are due (or whose sender's lease lapsed) for this worker alone. */
export async function claimDeliveries(prisma: PrismaClient, worker: string, limit: number, config: ReminderConfig): Promise<ClaimedDelivery[]> {
  void worker;
  return prisma.$queryRaw<ClaimedDelivery[]>`
    UPDATE "Delivery" SET status = 'SENDING', attempts = attempts + 1,
           "leaseUntil" = now() + make_interval(secs => ${config.leaseMs / 1000}::float8)
     WHERE id IN (SELECT id FROM "Delivery"
                   WHERE (status = 'PENDING' AND "nextAttemptAt" <= now())
                      OR (status = 'SENDING' AND "leaseUntil" < now())
                   ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, channel::text AS channel, target, subject, body, attempts`;
}

/** Records one attempt: sent, or failed and retried after a backoff, or given up after maxAttempts. */
export async function recordAttempt(prisma: PrismaClient, delivery: ClaimedDelivery, error: string | null, worker: string, config: ReminderConfig) {
  await prisma.$transaction(async (tx) => {
    await tx.deliveryAttempt.create({ data: { deliveryId: delivery.id, ok: error === null, error: error?.slice(0, 2000), worker } });
    if (error === null) {
      await tx.delivery.updateMany({ where: { id: delivery.id, status: 'SENDING' }, data: { status: 'SENT', sentAt: new Date(), leaseUntil: null } });
    } else {
      const giveUp = delivery.attempts >= config.maxAttempts;
      await tx.delivery.updateMany({
        where: { id: delivery.id, status: 'SENDING' },
        data: {
          status: giveUp ? 'FAILED' : 'PENDING',
          lastError: error.slice(0, 2000),
          leaseUntil: null,
          nextAttemptAt: new Date(Date.now() + backoffMs(delivery.attempts, config)),
        },
      });
    }
  });
}

/**
 * Items done since they were reminded: their notifications are marked read and their unsent
 * deliveries dropped (a project's update was posted; an update was confirmed or disputed).
 */
export async function settleDone(prisma: PrismaClient) {
  return prisma.$transaction(async (tx) => {
    const read = await tx.$executeRaw`
      UPDATE "Notification" n SET "readAt" = now()
       WHERE n."readAt" IS NULL AND (
             (n.kind IN ('UPDATE_DUE', 'UPDATE_OVERDUE') AND EXISTS (SELECT 1 FROM "ProjectUpdate" u WHERE u."projectId" = n."entityId" AND u.period = n.period))
          OR (n.kind = 'UPDATE_TO_CONFIRM' AND EXISTS (SELECT 1 FROM "ProjectUpdate" u WHERE u.id = n."entityId" AND u.confirmation <> 'PENDING'))
          OR (n.kind = 'FEEDBACK_DUE' AND EXISTS (SELECT 1 FROM "Feedback" f JOIN "User" us ON us.id = n."userId" WHERE f."projectId" = n."entityId" AND f.period = n.period AND f."villageId" = us."villageId"))
          OR (n.kind = 'INCOME_DUE' AND EXISTS (SELECT 1 FROM "VillageIncome" i WHERE i."villageId" = n."entityId" AND i.year = extract(year FROM n.period)::int)))`;
    const dropped = await tx.$executeRaw`
      DELETE FROM "Delivery" d
       WHERE d.status = 'PENDING' AND d.attempts = 0 AND (
             (d.kind IN ('UPDATE_DUE', 'UPDATE_OVERDUE') AND EXISTS (SELECT 1 FROM "ProjectUpdate" u WHERE u."projectId" = d."entityId" AND u.period = d.period))
          OR (d.kind = 'UPDATE_TO_CONFIRM' AND EXISTS (SELECT 1 FROM "ProjectUpdate" u WHERE u.id = d."entityId" AND u.confirmation <> 'PENDING'))
          OR (d.kind = 'FEEDBACK_DUE' AND EXISTS (SELECT 1 FROM "Feedback" f JOIN "User" us ON us.id = d."userId" WHERE f."projectId" = d."entityId" AND f.period = d.period AND f."villageId" = us."villageId"))
          OR (d.kind = 'INCOME_DUE' AND EXISTS (SELECT 1 FROM "VillageIncome" i WHERE i."villageId" = d."entityId" AND i.year = extract(year FROM d.period)::int)))`;
    return { read, dropped };
  });
}
