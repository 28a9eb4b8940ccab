import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
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
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-2">
          <DataTable
            rows={rows}
            rowKey={(d) => d.id}
            columns={[
              { label: t('status'), cellClassName: (d) => (d.status === 'FAILED' ? 'font-semibold text-red-800' : ''), cell: (d) => t(`statusName.${d.status}`) },
              { label: t('channel'), cell: (d) => (d.channel === 'EMAIL' ? 'E-mail' : 'Webhook') },
              // A webhook URL carries its robot's key: only the host is shown.
              { label: t('target'), cellClassName: () => 'break-all', cell: (d) => (d.channel === 'WEBHOOK' ? safeHost(d.target) : d.target) },
              { label: t('subject'), cell: (d) => d.subject },
              { label: t('attempts'), cell: (d) => d.attempts },
              { label: t('lastError'), wide: true, cellClassName: () => 'break-words text-red-800', cell: (d) => d.lastError ?? '' },
              { label: t('sentAt'), cell: (d) => (d.sentAt ? time.format(d.sentAt) : '') },
              { label: t('nextAttempt'), cell: (d) => (d.status === 'PENDING' ? time.format(d.nextAttemptAt) : '') },
            ]}
          />
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
