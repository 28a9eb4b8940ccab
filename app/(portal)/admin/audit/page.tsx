import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { inputClassName } from '@/components/ui/styles';
import { requirePermission } from '@/lib/auth/current-user';
import { AUDIT_PAGE_SIZE, auditFilterSchema, listAuditEntities, listAuditEntries } from '@/lib/audit/queries';
import { toLocale } from '@/lib/i18n/config';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('audit.read', {});
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === 'string' && v !== ''));
  const filter = auditFilterSchema.parse(raw);
  const [t, tAll, locale, { rows, total }, entities] = await Promise.all([
    getTranslations('audit'),
    getTranslations(),
    getLocale().then(toLocale),
    listAuditEntries(user, filter),
    listAuditEntities(user),
  ]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  // Known actions and records by name; anything newer shows its code.
  const label = (key: string, fallback: string) => (tAll.has(key as never) ? tAll(key as never) : fallback);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Shanghai' });
  const pageLink = (page: number) => `?${new URLSearchParams({ ...(raw as Record<string, string>), page: String(page) })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <form method="get" className="grid gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-6">
        <label>
          {t('entity')}
          <select name="entity" defaultValue={filter.entity ?? ''} className={inputClassName}>
            <option value="">{t('all')}</option>
            {entities.map((e) => (
              <option key={e} value={e}>{label(`auditEntity.${e}`, e)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('action')}
          <input name="action" defaultValue={filter.action ?? ''} className={inputClassName} />
        </label>
        <label>
          {t('actor')}
          <input name="actor" defaultValue={filter.actor ?? ''} className={inputClassName} />
        </label>
        <label>
          {t('from')}
          <input type="date" name="from" defaultValue={filter.from ?? ''} className={inputClassName} />
        </label>
        <label>
          {t('to')}
          <input type="date" name="to" defaultValue={filter.to ?? ''} className={inputClassName} />
        </label>
        <div className="flex items-end">
          <button type="submit" className="rounded bg-red-800 px-4 py-2 text-white">
            {t('filter')}
          </button>
        </div>
      </form>
      <p className="text-sm text-slate-600">{t('total', { count: total })}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="p-2">{t('at')}</th>
              <th scope="col" className="p-2">{t('actor')}</th>
              <th scope="col" className="p-2">{t('action')}</th>
              <th scope="col" className="p-2">{t('entity')}</th>
              <th scope="col" className="p-2">{t('changes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 align-top">
                <td className="whitespace-nowrap p-2 tabular-nums">{time.format(r.at)}</td>
                <td className="p-2">{r.actorName ?? t('system')}</td>
                <td className="p-2" title={r.action}>{label(`auditAction.${r.action}`, r.action)}</td>
                <td className="p-2">
                  {label(`auditEntity.${r.entity}`, r.entity)} {r.entityId && <span className="text-slate-500">#{r.entityId}</span>}
                </td>
                <td className="max-w-md p-2">
                  {r.before != null && (
                    <details>
                      <summary className="cursor-pointer text-xs">{t('before')}</summary>
                      <pre className="overflow-x-auto text-xs">{JSON.stringify(r.before, null, 1)}</pre>
                    </details>
                  )}
                  {r.after != null && (
                    <details>
                      <summary className="cursor-pointer text-xs">{t('after')}</summary>
                      <pre className="overflow-x-auto text-xs">{JSON.stringify(r.after, null, 1)}</pre>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="flex items-center gap-4 text-sm" aria-label={t('page', { page: filter.page, pages })}>
        {filter.page > 1 && <Link href={pageLink(filter.page - 1)}>{t('prev')}</Link>}
        <span>{t('page', { page: filter.page, pages })}</span>
        {filter.page < pages && <Link href={pageLink(filter.page + 1)}>{t('next')}</Link>}
      </nav>
    </div>
  );
}
