import { afterEach, describe, expect, it } from 'vitest';
import { backoffMs, chinaDay, DEFAULTS, reminderConfig } from '../../lib/reminders/config';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('reminder settings', () => {
  it('takes its defaults when unset or out of range', () => {
    delete process.env.UPDATE_DUE_DAY;
    delete process.env.SMTP_URL;
    delete process.env.REMINDERS_FOR_SAMPLE_DATA;
    process.env.REMINDER_SCHEDULE = '25';
    const c = reminderConfig();
    expect(c).toMatchObject({ updateDueDay: DEFAULTS.updateDueDay, scheduleHour: DEFAULTS.scheduleHour, smtpUrl: null, includeSample: false });
  });

  it('reads the environment', () => {
    process.env.UPDATE_DUE_DAY = '15';
    process.env.REMINDER_SCHEDULE = '0';
    process.env.SMTP_URL = 'smtp://mail.example.cn:25';
    process.env.REMINDERS_FOR_SAMPLE_DATA = '1';
    process.env.PORTAL_URL = 'https://portal.example.cn/';
    expect(reminderConfig()).toMatchObject({ updateDueDay: 15, scheduleHour: 0, smtpUrl: 'smtp://mail.example.cn:25', includeSample: true, portalUrl: 'https://portal.example.cn' });
  });

  it('counts days in China time', () => {
    expect(chinaDay(new Date('2026-11-30T15:59:59Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(chinaDay(new Date('2026-11-30T16:00:00Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('backs off doubling, up to a limit', () => {
    const c = { backoffBaseMs: 30_000, backoffMaxMs: 3_600_000 };
    expect([1, 2, 3, 8, 20].map((n) => backoffMs(n, c))).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
  });
});
