import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';

/** The bell's number: the user's unread notifications. */
export async function unreadCount(user: SessionUser) {
  return db().notification.count({ where: { userId: user.id, readAt: null } });
}

/** The user's own notifications, newest first, with their choice of reminders. */
export async function listNotifications(user: SessionUser, take = 100) {
  const [rows, preferences] = await Promise.all([
    db().notification.findMany({
      where: { userId: user.id },
      orderBy: [{ readAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'desc' }],
      take,
      select: { id: true, kind: true, title: true, body: true, readAt: true, createdAt: true },
    }),
    db().user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, notifyByEmail: true, notifyOff: true } }),
  ]);
  return { rows, preferences };
}

/** Deliveries outside the portal, failures and pending first, for administrators. */
export async function listDeliveries(user: SessionUser, take = 200) {
  if (!can(user, 'notification.deliveries', {})) return { rows: [], counts: [] };
  const [rows, counts] = await Promise.all([
    db().delivery.findMany({
      orderBy: [{ status: 'asc' }, { id: 'desc' }],
      take,
      select: { id: true, kind: true, channel: true, target: true, subject: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, sentAt: true, createdAt: true },
    }),
    db().delivery.groupBy({ by: ['status'], _count: { _all: true } }),
  ]);
  return { rows, counts: counts.map((c) => ({ status: c.status, count: c._count._all })) };
}

/** Where group robots are configured: the org department and each SOE (hosts only, as the page shows them). */
export async function listWebhooks(user: SessionUser) {
  if (!can(user, 'notification.deliveries', {})) return { org: null, soes: [] };
  const host = (url: string | null) => {
    if (!url) return null;
    try {
      return new URL(url).host;
    } catch {
      return '—';
    }
  };
  const [org, soes] = await Promise.all([
    db().orgSetting.findUnique({ where: { id: 1 }, select: { webhookUrl: true } }),
    db().soe.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, webhookUrl: true } }),
  ]);
  return { org: host(org?.webhookUrl ?? null), soes: soes.map((s) => ({ id: s.id, name: s.name, host: host(s.webhookUrl) })) };
}
