import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { PrismaClient } from '@/lib/db/client';
import { reminderConfig, type ReminderConfig } from './config';
import { claimDeliveries, recordAttempt, scheduleReminders, settleDone } from './mutations';
import { closeTransports, defaultSender, type Sender } from './send';

export type WorkerOptions = {
  /** Names this worker in ReminderRun and DeliveryAttempt rows. */
  name?: string;
  config?: ReminderConfig;
  sender?: Sender;
  now?: () => Date;
  /** Deliveries taken per claim. */
  batch?: number;
};

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * One pass: the day's schedule (once per day across every worker), then every delivery due now,
 * each claimed by this worker alone, sent, and its attempt recorded.
 */
export async function runReminderCycle(prisma: PrismaClient, options: WorkerOptions = {}) {
  const config = options.config ?? reminderConfig();
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const sender = options.sender ?? defaultSender(config);
  const now = (options.now ?? (() => new Date()))();
  const schedule = await scheduleReminders(prisma, now, name, config);
  await settleDone(prisma);
  let sent = 0;
  let failed = 0;
  for (;;) {
    const claimed = await claimDeliveries(prisma, name, options.batch ?? 10, config);
    if (claimed.length === 0) break;
    for (const delivery of claimed) {
      let error: string | null = null;
      try {
        await sender(delivery);
      } catch (e) {
        error = describe(e);
      }
      await recordAttempt(prisma, delivery, error, name, config);
      if (error === null) sent++;
      else failed++;
    }
  }
  return { schedule, sent, failed };
}

/**
 * Runs cycles every REMINDER_POLL_MS until stopped. Any number of workers may run, in one process
 * or many: the database decides who computes and who sends.
 */
export function startReminderWorker(prisma: PrismaClient, options: WorkerOptions = {}) {
  const config = options.config ?? reminderConfig();
  const name = options.name ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runReminderCycle(prisma, { ...options, config, name })
      .then(({ schedule }) => {
        // One line a day, so an operator (and the launcher's test) sees the worker at work.
        if (schedule.ran) console.log(`[reminders] today's reminders: ${schedule.notifications} in the portal, ${schedule.deliveries} to send (worker ${name})`);
      })
      .catch((error) => console.error(`[reminders] ${describe(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, config.pollMs);
      });
  };
  tick();
  return {
    name,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      // A send in flight is not waited for past a second: its lease lapses and another worker retries it.
      await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
      closeTransports();
    },
  };
}
