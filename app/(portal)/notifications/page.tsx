import { getLocale, getTranslations } from 'next-intl/server';
import { MarkAllReadForm, PreferencesForm } from '@/components/notifications/notification-forms';
import { requireUser } from '@/lib/auth/current-user';
import { toLocale } from '@/lib/i18n/config';
import { openNotificationAction } from '@/lib/notifications/actions';
import { listNotifications } from '@/lib/notifications/queries';

export default async function NotificationsPage() {
  const user = await requireUser();
  const [t, locale, { rows, preferences }] = await Promise.all([getTranslations('notifications'), getLocale().then(toLocale), listNotifications(user)]);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        {rows.some((r) => !r.readAt) && <MarkAllReadForm />}
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rows.map((n) => (
            <li key={n.id} className={`flex flex-wrap items-start gap-3 p-3 text-sm ${n.readAt ? 'text-slate-600' : ''}`}>
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {!n.readAt && <span className="mr-2 rounded bg-red-800 px-1.5 py-0.5 text-xs text-white">{t('unread')}</span>}
                  {n.title}
                </p>
                <p className="mt-1 break-words">{n.body}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {t(`kind.${n.kind}`)} · {time.format(n.createdAt)}
                </p>
              </div>
              <form action={openNotificationAction}>
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="rounded border border-red-800 px-3 py-1 text-red-800 hover:bg-red-50">
                  {t('open')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <PreferencesForm email={preferences.email} notifyByEmail={preferences.notifyByEmail} notifyOff={preferences.notifyOff} />
    </div>
  );
}
