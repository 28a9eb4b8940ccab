'use server';

import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { serverAction } from '@/lib/server-action';
import { markNotificationsRead, setWebhook, updateNotificationPreferences } from './mutations';

export const markAllReadAction = serverAction(markNotificationsRead, ['/notifications']);
export const preferencesAction = serverAction(updateNotificationPreferences, ['/notifications']);
export const webhookAction = serverAction(setWebhook, ['/admin/notifications']);

/** Opening a notification marks it read, then goes where it points (a path in the portal only). */
export async function openNotificationAction(form: FormData) {
  const state = await markNotificationsRead(await getCurrentUser(), { id: form.get('id') });
  const link = state.status === 'ok' ? state.data?.link : null;
  let path = '/notifications';
  if (link) {
    const url = new URL(link, 'http://portal.invalid');
    if (url.pathname.startsWith('/')) path = url.pathname;
  }
  redirect(path);
}
