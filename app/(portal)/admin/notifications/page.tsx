import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { toLocale } from '@/lib/i18n/config';
import { WebhookForm } from '@/components/notifications/notification-forms';
import { listDeliveries, listWebhooks } from '@/lib/notifications/queries';

export default async function DeliveriesPage() {
  const user = await requirePermission('notification.deliveries', {});
  const [t, locale, { rows, counts }, webhooks] = await Promise.all([getTranslations('deliveries'), getLocale().then(toLocale), listDeliveries(user), listWebhooks(user)]);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Shanghai' });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
        <h2 className="font-semibold">{t('webhooks')}</h2>
        <ul className="text-sm">
          <li>{t('org')}: {webhooks.org ?? t('none')}</li>
          {webhooks.soes.filter((s) => s.host).map((s) => (
            <li key={s.id}>{s.name}: {s.host}</li>
          ))}
        </ul>
        <WebhookForm soes={webhooks.soes} />
      </section>
      <p className="text-sm text-slate-600">
        {counts.map((c) => `${t(`statusName.${c.status}`)} ${c.count}`).join(' · ')}
      </p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="p-2">{t('status')}</th>
                <th scope="col" className="p-2">{t('channel')}</th>
                <th scope="col" className="p-2">{t('target')}</th>
                <th scope="col" className="p-2">{t('subject')}</th>
                <th scope="col" className="p-2">{t('attempts')}</th>
                <th scope="col" className="p-2">{t('lastError')}</th>
                <th scope="col" className="p-2">{t('sentAt')}</th>
                <th scope="col" className="p-2">{t('nextAttempt')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id} className="border-b border-slate-100 align-top">
                  <td className={`p-2 ${d.status === 'FAILED' ? 'font-semibold text-red-800' : ''}`}>{t(`statusName.${d.status}`)}</td>
                  <td className="p-2">{d.channel === 'EMAIL' ? 'E-mail' : 'Webhook'}</td>
                  {/* A webhook URL carries its robot's key: only the host is shown. */}
                  <td className="p-2 break-all">{d.channel === 'WEBHOOK' ? safeHost(d.target) : d.target}</td>
                  <td className="p-2">{d.subject}</td>
                  <td className="p-2">{d.attempts}</td>
                  <td className="p-2 break-words text-red-800">{d.lastError ?? ''}</td>
                  <td className="p-2">{d.sentAt ? time.format(d.sentAt) : ''}</td>
                  <td className="p-2">{d.status === 'PENDING' ? time.format(d.nextAttemptAt) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function safeHost(url: string) {
  try {
    return new URL(url).host;
  } catch {
    return '—';
  }
}
