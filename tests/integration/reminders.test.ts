import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrismaPg } from '@prisma/adapter-pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../lib/db/generated/client';
import { markNotificationsRead, setWebhook, updateNotificationPreferences } from '../../lib/notifications/mutations';
import { listDeliveries, unreadCount } from '../../lib/notifications/queries';
import { reminderConfig } from '../../lib/reminders/config';
import { claimDeliveries } from '../../lib/reminders/mutations';
import { runReminderCycle } from '../../lib/reminders/worker';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

// The schedule end to end: a real SMTP server (smtp-server) and a local HTTP receiver standing in
// for the 企业微信 / 钉钉 group robots, two workers at once, a restart, and SMTP down then up.

type Mail = { to: string[]; subject: string; text: string };
const mails: Mail[] = [];
const hooks: { path: string; body: { msgtype: string; text: { content: string } } }[] = [];
let hookFailures = 0;

/** Decodes RFC 2047 words and the body's transfer encoding, enough for what nodemailer writes. */
function decodeMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const word = (s: string) =>
    s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
    );
  const qp = (s: string) => Buffer.from(s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  const subject = word(/^Subject: (.*)$/im.exec(headers)?.[1] ?? '').trim();
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const body = rest.join('\n\n');
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? qp(body) : body;
  return { subject, text: text.trim() };
}

function smtpServer() {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), ...decodeMail(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
}

let smtp: SMTPServer;
let smtpPort = 0;
let receiver: http.Server;
let hookBase = '';
let database: TestDatabase;
let world: World;

const clients: PrismaClient[] = [];
const client = () => {
  const c = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  clients.push(c);
  return c;
};
const config = () => reminderConfig({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, portalUrl: 'http://portal.test', backoffBaseMs: 300, backoffMaxMs: 1_000, includeSample: false });
// 10:00 China time on 5 November 2026: October's update is due by the 10th, September's overdue
// 26 days, August's 56 days (escalated to the org department).
const NOW = new Date('2026-11-05T02:00:00Z');
const at = (days: number) => () => new Date(NOW.getTime() + days * 86_400_000);

beforeAll(async () => {
  smtp = smtpServer();
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  smtpPort = (smtp.server.address() as AddressInfo).port;
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (hookFailures > 0) {
        hookFailures -= 1;
        res.writeHead(502).end('down');
        return;
      }
      hooks.push({ path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  hookBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
  const p = database.prisma;
  await p.project.update({ where: { id: world.projectA.id }, data: { status: 'IN_PROGRESS', startDate: new Date('2026-10-01') } });
  await p.project.update({ where: { id: world.projectB.id }, data: { status: 'IN_PROGRESS', startDate: new Date('2026-08-15') } });
  // Sample data: in progress with nothing reported, yet nothing is sent for it.
  await p.project.update({ where: { id: world.projectCity.id }, data: { status: 'IN_PROGRESS', sourceId: world.source.id } });
  await p.soe.update({ where: { id: world.soeA.id }, data: { webhookUrl: `${hookBase}/wecom/soe-a` } });
  await p.orgSetting.create({ data: { id: 1, webhookUrl: `${hookBase}/dingtalk/org` } });
  await p.user.update({ where: { id: world.users.liaisonA.id }, data: { email: 'liaison-a@example.test' } });
  await p.user.update({ where: { id: world.users.liaisonB.id }, data: { email: 'liaison-b@example.test' } });
  await p.user.update({ where: { id: world.users.admin.id }, data: { email: 'admin@example.test' } });
  await p.user.update({ where: { id: world.users.villageA1.id }, data: { email: 'village-a1@example.test' } });
  // The viewer has an address but chose no e-mail; village B1 chose not to hear of confirmations.
  await p.user.update({ where: { id: world.users.viewer.id }, data: { email: 'viewer@example.test', notifyByEmail: false } });
  await p.user.update({ where: { id: world.users.villageB1.id }, data: { email: 'village-b1@example.test', notifyOff: ['UPDATE_TO_CONFIRM'] } });
  // An update of project A awaiting village A1's confirmation.
  await p.projectUpdate.create({ data: { projectId: world.projectA.id, period: new Date('2026-09-01'), progressPct: 10, investmentToDate: '1000.00' } });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  await database?.drop();
  receiver?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const EXPECTED_MAILS = [
  ['admin@example.test', '【逾期超过30天】「乙项目」2026年8月进展未填报'],
  ['liaison-a@example.test', '「甲项目」2026年10月进展待填报'],
  ['liaison-b@example.test', '「乙项目」2026年10月进展待填报'],
  ['liaison-b@example.test', '【逾期】「乙项目」2026年9月进展未填报'],
  ['liaison-b@example.test', '【逾期超过30天】「乙项目」2026年8月进展未填报'],
  ['village-a1@example.test', '「甲项目」2026年9月进展待确认'],
  ['village-a1@example.test', '「甲项目」2026年第四季度评价待提交'],
  ['village-a1@example.test', '甲一村2025年村集体经济收入待填报'],
  // Village B1 turned confirmations off, not these.
  ['village-b1@example.test', '「乙项目」2026年第四季度评价待提交'],
  ['village-b1@example.test', '乙一村2025年村集体经济收入待填报'],
];

describe('reminders', () => {
  it('two workers at once: one mail per due item and recipient, one webhook message each, in Chinese with a link', async () => {
    const [a, b] = await Promise.all([
      runReminderCycle(client(), { name: 'worker-1', config: config(), now: at(0) }),
      runReminderCycle(client(), { name: 'worker-2', config: config(), now: at(0) }),
    ]);
    expect([a.schedule.ran, b.schedule.ran].sort()).toEqual([false, true]);
    expect(a.sent + b.sent).toBe(EXPECTED_MAILS.length + 2);
    expect(a.failed + b.failed).toBe(0);

    expect(mails.map((m) => [m.to.join(','), m.subject]).sort()).toEqual([...EXPECTED_MAILS].sort());
    const overdue = mails.find((m) => m.subject.startsWith('【逾期超过30天】'))!;
    expect(overdue.text).toContain('乙集团的项目「乙项目」2026年8月的进展应于2026年9月10日前填报，已逾期56天');
    expect(overdue.text).toContain(`http://portal.test/projects/${world.projectB.id}`);

    expect(hooks.map((h) => h.path).sort()).toEqual(['/dingtalk/org', '/wecom/soe-a']);
    for (const h of hooks) expect(h.body.msgtype).toBe('text');
    expect(hooks.find((h) => h.path === '/wecom/soe-a')!.body.text.content).toContain(`「甲项目」2026年10月进展待填报\n甲集团的项目「甲项目」2026年10月的进展请于2026年11月10日前填报：http://portal.test/projects/${world.projectA.id}`);
    expect(hooks.find((h) => h.path === '/dingtalk/org')!.body.text.content).toContain('已逾期56天');

    const p = database.prisma;
    expect(await p.reminderRun.count()).toBe(1);
    expect(await p.auditLog.count({ where: { action: 'reminders.schedule' } })).toBe(1);
    // In the portal: the viewer (no e-mail) is not escalated to; the admin is; sample data reminds no one.
    expect(await p.notification.count({ where: { userId: world.users.admin.id } })).toBe(1);
    expect(await p.notification.count({ where: { userId: world.users.villageB1.id, kind: 'UPDATE_TO_CONFIRM' } })).toBe(0);
    // Village A2 has no e-mail address and no project: its income report, in the portal only.
    expect((await p.notification.findMany({ where: { userId: world.users.villageA2.id }, select: { kind: true } })).map((n) => n.kind).sort()).toEqual(['INCOME_DUE']);
    expect(await p.notification.count({ where: { entityId: world.projectCity.id, entity: 'project' } })).toBe(0);
    expect(await p.delivery.count({ where: { status: { not: 'SENT' } } })).toBe(0);
    expect(await p.deliveryAttempt.count({ where: { ok: true } })).toBe(EXPECTED_MAILS.length + 2);
  });

  it('after a restart, and on the next days, nothing is sent again', async () => {
    const before = { mails: mails.length, hooks: hooks.length, notifications: await database.prisma.notification.count() };
    for (const days of [0, 1, 2]) {
      const results = await Promise.all([
        runReminderCycle(client(), { name: `restarted-1-${days}`, config: config(), now: at(days) }),
        runReminderCycle(client(), { name: `restarted-2-${days}`, config: config(), now: at(days) }),
      ]);
      expect(results.map((r) => r.sent + r.failed)).toEqual([0, 0]);
    }
    expect(await database.prisma.reminderRun.count()).toBe(3);
    expect({ mails: mails.length, hooks: hooks.length, notifications: await database.prisma.notification.count() }).toEqual(before);
  });

  it('a done item is marked read and its unsent deliveries dropped', async () => {
    const p = database.prisma;
    await p.projectUpdate.updateMany({ where: { projectId: world.projectA.id }, data: { confirmation: 'CONFIRMED' } });
    await runReminderCycle(client(), { name: 'settle', config: config(), now: at(2) });
    const n = await p.notification.findFirstOrThrow({ where: { kind: 'UPDATE_TO_CONFIRM', userId: world.users.villageA1.id } });
    expect(n.readAt).not.toBeNull();
  });

  it('in the portal: an unread count per user, read when opened, nobody else\'s', async () => {
    const liaisonB = world.users.liaisonB;
    expect(await unreadCount(liaisonB)).toBe(3);
    const n = await database.prisma.notification.findFirstOrThrow({ where: { userId: liaisonB.id, readAt: null }, orderBy: { id: 'asc' } });
    expect(await markNotificationsRead(world.users.liaisonA, { id: String(n.id) })).toMatchObject({ status: 'denied' });
    expect(await markNotificationsRead(liaisonB, { id: String(n.id) })).toEqual({ status: 'ok', data: { count: 1, link: `http://portal.test/projects/${world.projectB.id}` } });
    expect(await unreadCount(liaisonB)).toBe(2);
    expect(await unreadCount(world.users.liaisonA)).toBe(1);
    expect((await listDeliveries(world.users.liaisonA)).rows).toEqual([]);
    expect((await listDeliveries(world.users.admin)).rows.length).toBe(EXPECTED_MAILS.length + 2);
  });

  it('each user chooses: no e-mail, or no reminders of a kind', async () => {
    const viewer = world.users.viewer;
    expect(await updateNotificationPreferences(viewer, { email: 'not an address', notifyByEmail: 'on', on: [] })).toMatchObject({ status: 'invalid' });
    expect(await updateNotificationPreferences(viewer, { email: 'viewer@example.test', notifyByEmail: 'on', on: ['UPDATE_DUE'] })).toMatchObject({ status: 'ok' });
    expect(await database.prisma.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { email: true, notifyByEmail: true, notifyOff: true } })).toEqual({
      email: 'viewer@example.test',
      notifyByEmail: true,
      notifyOff: ['UPDATE_OVERDUE', 'UPDATE_TO_CONFIRM', 'FEEDBACK_DUE', 'INCOME_DUE'],
    });
    // Back as it was: no e-mail for the viewer.
    expect(await updateNotificationPreferences(viewer, { email: '', on: ['UPDATE_DUE', 'UPDATE_OVERDUE', 'UPDATE_TO_CONFIRM', 'FEEDBACK_DUE', 'INCOME_DUE'] })).toMatchObject({ status: 'ok' });
  });

  it('an administrator sets the group robots; the audit keeps the host, not the key', async () => {
    const p = database.prisma;
    expect(await setWebhook(world.users.liaisonA, { soeId: String(world.soeA.id), url: 'https://qyapi.weixin.qq.com/x?key=1' })).toMatchObject({ status: 'denied' });
    expect(await setWebhook(world.users.admin, { soeId: String(world.soeA.id), url: 'ftp://x' })).toMatchObject({ status: 'invalid' });
    expect(await setWebhook(world.users.admin, { soeId: String(world.soeB.id), url: 'https://oapi.dingtalk.com/robot/send?access_token=secret' })).toMatchObject({ status: 'ok' });
    expect((await p.soe.findUniqueOrThrow({ where: { id: world.soeB.id } })).webhookUrl).toBe('https://oapi.dingtalk.com/robot/send?access_token=secret');
    const row = await p.auditLog.findFirstOrThrow({ where: { action: 'notification.webhook' }, orderBy: { id: 'desc' } });
    expect(JSON.stringify([row.before, row.after])).not.toContain('secret');
    expect(row.after).toEqual({ host: 'oapi.dingtalk.com' });
    expect(await setWebhook(world.users.admin, { soeId: String(world.soeB.id), url: '' })).toMatchObject({ status: 'ok' });
    expect((await p.soe.findUniqueOrThrow({ where: { id: world.soeB.id } })).webhookUrl).toBeNull();
    // The org department's robot stays as the test set it.
    expect(await setWebhook(world.users.admin, { soeId: '', url: `${hookBase}/dingtalk/org` })).toMatchObject({ status: 'ok' });
  });

  it('with SMTP down and the webhook failing, deliveries are retried with backoff and every attempt recorded', async () => {
    const p = database.prisma;
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    hookFailures = 2;
    // Backoff long enough that an immediate second pass finds nothing due, on a busy machine too.
    const slow = { ...config(), backoffBaseMs: 3_000, backoffMaxMs: 3_000 };
    const mailsBefore = mails.length;
    const hooksBefore = hooks.length;
    // A week later: October's updates are overdue, September's now more than 30 days (escalated: the
    // administrator and the org department's robot hear of it for the first time).
    const later = () => new Date('2026-11-12T02:00:00Z');
    const first = await runReminderCycle(client(), { name: 'down', config: slow, now: later });
    expect(first.schedule.ran).toBe(true);
    expect(first.sent).toBe(0);
    expect(first.failed).toBe(5);
    const pending = await p.delivery.findMany({ where: { status: { not: 'SENT' } }, orderBy: [{ channel: 'asc' }, { target: 'asc' }] });
    expect(pending.map((d) => [d.channel, d.target, d.status, d.attempts])).toEqual([
      ['EMAIL', 'admin@example.test', 'PENDING', 1],
      ['EMAIL', 'liaison-a@example.test', 'PENDING', 1],
      ['EMAIL', 'liaison-b@example.test', 'PENDING', 1],
      ['WEBHOOK', `${hookBase}/dingtalk/org`, 'PENDING', 1],
      ['WEBHOOK', `${hookBase}/wecom/soe-a`, 'PENDING', 1],
    ]);
    for (const d of pending.slice(0, 3)) expect(d.lastError).toMatch(/ECONNREFUSED|connect/i);
    for (const d of pending.slice(3)) expect(d.lastError).toContain('502');
    expect(pending.every((d) => d.nextAttemptAt.getTime() > Date.now() - 1_000)).toBe(true);

    // Immediately again: still backing off, nothing tried.
    expect((await runReminderCycle(client(), { name: 'down', config: slow, now: later })).failed).toBe(0);

    smtp = smtpServer();
    smtp.listen(smtpPort, '127.0.0.1');
    await once(smtp.server, 'listening');
    await new Promise((r) => setTimeout(r, 3_100));
    const [x, y] = await Promise.all([
      runReminderCycle(client(), { name: 'up-1', config: slow, now: later }),
      runReminderCycle(client(), { name: 'up-2', config: slow, now: later }),
    ]);
    expect(x.sent + y.sent).toBe(5);
    expect(mails.slice(mailsBefore).map((m) => [m.to.join(','), m.subject]).sort()).toEqual([
      ['admin@example.test', '【逾期超过30天】「乙项目」2026年9月进展未填报'],
      ['liaison-a@example.test', '【逾期】「甲项目」2026年10月进展未填报'],
      ['liaison-b@example.test', '【逾期】「乙项目」2026年10月进展未填报'],
    ]);
    expect(hooks.length - hooksBefore).toBe(2);
    for (const d of pending) {
      const attempts = await p.deliveryAttempt.findMany({ where: { deliveryId: d.id }, orderBy: { id: 'asc' } });
      expect(attempts.map((a) => a.ok)).toEqual([false, true]);
    }
    expect(await p.delivery.count({ where: { status: { not: 'SENT' } } })).toBe(0);
  });

  it('a worker that dies after claiming leaves a lease that lapses; another then sends it once', async () => {
    const p = database.prisma;
    await p.delivery.create({
      data: { dedupKey: 'test:crash', kind: 'UPDATE_DUE', entity: 'project', entityId: world.projectA.id, period: new Date('2026-12-01'), channel: 'EMAIL', target: 'crash@example.test', subject: '租约测试', body: '租约测试' },
    });
    const claimed = await claimDeliveries(client(), 'crashed', 10, { ...config(), leaseMs: 60_000 });
    expect(claimed.map((d) => d.target)).toEqual(['crash@example.test']);
    // The worker is gone; while its lease holds, nobody else sends.
    expect((await runReminderCycle(client(), { name: 'survivor', config: config(), now: at(10) })).sent).toBe(0);
    // The lease lapses (its end moved into the past rather than waited for, so load cannot change the outcome).
    await p.$executeRaw`UPDATE "Delivery" SET "leaseUntil" = now() - interval '1 second' WHERE "dedupKey" = 'test:crash'`;
    expect((await runReminderCycle(client(), { name: 'survivor', config: config(), now: at(10) })).sent).toBe(1);
    expect(mails.filter((m) => m.to.includes('crash@example.test'))).toHaveLength(1);
    expect(await p.delivery.findUniqueOrThrow({ where: { dedupKey: 'test:crash' } })).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('gives up after the configured number of attempts, and says so', async () => {
    const p = database.prisma;
    await p.user.update({ where: { id: world.users.liaisonB.id }, data: { email: 'liaison-b2@example.test' } });
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    const cfg = { ...config(), maxAttempts: 2, backoffBaseMs: 50, backoffMaxMs: 50 };
    await runReminderCycle(client(), { name: 'give-up', config: cfg, now: () => new Date('2026-11-13T02:00:00Z') });
    await new Promise((r) => setTimeout(r, 120));
    await runReminderCycle(client(), { name: 'give-up', config: cfg, now: () => new Date('2026-11-13T02:00:00Z') });
    const failed = await p.delivery.findMany({ where: { status: 'FAILED' } });
    expect(failed.length).toBeGreaterThan(0);
    for (const d of failed) {
      expect(d.target).toBe('liaison-b2@example.test');
      expect(d.attempts).toBe(2);
      expect(d.lastError).toBeTruthy();
    }
  });
});
