import { defineMutation, FieldError } from '@/lib/action';
import { markReadSchema, preferencesSchema, webhookSchema } from './schemas';

/** Marks one of the user's notifications read (opened), or all of them. */
export const markNotificationsRead = defineMutation({
  schema: markReadSchema,
  action: 'notification.read',
  resource: async (tx, input, user) => {
    if (input.id === undefined) return { userId: user.id };
    return tx.notification.findUnique({ where: { id: input.id }, select: { userId: true } });
  },
  async run({ tx, user, input, audit }) {
    const { count } = await tx.notification.updateMany({
      where: { userId: user.id, readAt: null, ...(input.id === undefined ? {} : { id: input.id }) },
      data: { readAt: new Date() },
    });
    await audit({ action: 'notification.read', entity: 'Notification', entityId: input.id ?? null, after: { count } });
    const link = input.id === undefined ? null : (await tx.notification.findUnique({ where: { id: input.id }, select: { link: true } }))?.link ?? null;
    return { count, link };
  },
});

/** The user's own choice of reminders: an e-mail address, e-mail on or off, kinds turned off. */
export const updateNotificationPreferences = defineMutation({
  schema: preferencesSchema,
  action: 'notification.read',
  resource: async (_tx, _input, user) => ({ userId: user.id }),
  async run({ tx, user, input, audit }) {
    const select = { email: true, notifyByEmail: true, notifyOff: true } as const;
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select });
    const after = await tx.user.update({ where: { id: user.id }, data: input, select });
    await audit({ action: 'notification.preferences', entity: 'User', entityId: user.id, before, after });
  },
});

/** The URL's host only: the rest carries the robot's key, which the audit trail does not keep. */
const hostOf = (url: string | null) => (url ? new URL(url).host : null);

/** An administrator sets (or clears) the org department's or an SOE's group robot. */
export const setWebhook = defineMutation({
  schema: webhookSchema,
  action: 'notification.deliveries',
  resource: async () => ({}),
  async run({ tx, input, audit }) {
    if (input.soeId === null) {
      const before = await tx.orgSetting.findUnique({ where: { id: 1 }, select: { webhookUrl: true } });
      await tx.orgSetting.upsert({ where: { id: 1 }, create: { id: 1, webhookUrl: input.url }, update: { webhookUrl: input.url } });
      await audit({ action: 'notification.webhook', entity: 'OrgSetting', entityId: 1, before: { host: hostOf(before?.webhookUrl ?? null) }, after: { host: hostOf(input.url) } });
      return;
    }
    const soe = await tx.soe.findUnique({ where: { id: input.soeId }, select: { webhookUrl: true } });
    if (!soe) throw new FieldError('soeId', 'validation.soeRequired');
    await tx.soe.update({ where: { id: input.soeId }, data: { webhookUrl: input.url } });
    await audit({ action: 'notification.webhook', entity: 'Soe', entityId: input.soeId, before: { host: hostOf(soe.webhookUrl) }, after: { host: hostOf(input.url) } });
  },
});
