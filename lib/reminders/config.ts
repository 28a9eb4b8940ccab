/**
 * Reminder settings, each named once, read from the environment:
 * - UPDATE_DUE_DAY: the day of month M+1 by which the update for month M is due (default 10);
 * - REMINDER_SCHEDULE: the hour of the day (0–23, China time) from which the day's reminders are
 *   computed (default 7); the schedule runs daily;
 * - REMINDER_POLL_MS: how often a worker looks for work (default 60 s);
 * - SMTP_URL: e.g. smtp://user:pass@host:25 — no e-mail is sent when unset; SMTP_FROM the sender;
 * - PORTAL_URL: the portal's address, for links in messages (default http://localhost:3000);
 * - REMINDERS_FOR_SAMPLE_DATA=1: remind about sample records too (never by default);
 * - DISPUTE_OPEN_DAYS: a dispute open longer than this many days is on the org department's to-do (default 14).
 */
export const DEFAULTS = {
  updateDueDay: 10,
  scheduleHour: 7,
  pollMs: 60_000,
  escalateAfterDays: 30,
  disputeOpenDays: 14,
  maxAttempts: 8,
  backoffBaseMs: 30_000,
  backoffMaxMs: 3_600_000,
  leaseMs: 120_000,
  portalUrl: 'http://localhost:3000',
  from: '国企联村 <noreply@localhost>',
} as const;

/** China time, where the day and the schedule's hour are counted. */
export const TZ_OFFSET_MS = 8 * 3_600_000;

function int(name: string, fallback: number, min: number, max: number) {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

export type ReminderConfig = {
  updateDueDay: number;
  scheduleHour: number;
  pollMs: number;
  escalateAfterDays: number;
  disputeOpenDays: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  leaseMs: number;
  portalUrl: string;
  smtpUrl: string | null;
  from: string;
  includeSample: boolean;
};

export function reminderConfig(overrides: Partial<ReminderConfig> = {}): ReminderConfig {
  return {
    ...DEFAULTS,
    updateDueDay: int('UPDATE_DUE_DAY', DEFAULTS.updateDueDay, 1, 28),
    scheduleHour: int('REMINDER_SCHEDULE', DEFAULTS.scheduleHour, 0, 23),
    pollMs: int('REMINDER_POLL_MS', DEFAULTS.pollMs, 100, 86_400_000),
    disputeOpenDays: int('DISPUTE_OPEN_DAYS', DEFAULTS.disputeOpenDays, 1, 365),
    portalUrl: (process.env.PORTAL_URL || DEFAULTS.portalUrl).replace(/\/+$/, ''),
    smtpUrl: process.env.SMTP_URL || null,
    from: process.env.SMTP_FROM || DEFAULTS.from,
    includeSample: process.env.REMINDERS_FOR_SAMPLE_DATA === '1',
    ...overrides,
  };
}

/** The calendar day (China time) of an instant, as a UTC midnight Date. */
export function chinaDay(now: Date) {
  const local = new Date(now.getTime() + TZ_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

/** A dispute raised before this instant has been open longer than DISPUTE_OPEN_DAYS. */
export function longDisputeCutoff(now: Date, config: Pick<ReminderConfig, 'disputeOpenDays'>) {
  return new Date(now.getTime() - config.disputeOpenDays * 86_400_000);
}

/** Wait before attempt n+1 after n failed attempts: base × 2^(n−1), at most max. */
export function backoffMs(attempts: number, config: Pick<ReminderConfig, 'backoffBaseMs' | 'backoffMaxMs'>) {
  return Math.min(config.backoffMaxMs, config.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
}
