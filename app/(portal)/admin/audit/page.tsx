import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { inputClassName } from '@/components/ui/styles';
import { requirePermission } from '@/lib/auth/current-user';
import { AuditChanges } from '@/components/audit/audit-changes';
import { DataTable } from '@/components/ui/data-table';
import { auditRecordName, describeAuditChanges } from '@/lib/audit/describe';
import { AUDIT_PAGE_SIZE, auditFilterSchema, auditNames, listAuditEntities, listAuditEntries } from '@/lib/audit/queries';
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
  const names = await auditNames(rows);
  const changeLabels = { before: t('before'), after: t('after'), none: t('noChanges'), colon: locale === 'zh-CN' ? '：' : ': ' };
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
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-2">
        <DataTable
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { label: t('at'), cellClassName: () => 'whitespace-nowrap tabular-nums', cell: (r) => time.format(r.at) },
            { label: t('actor'), cell: (r) => r.actorName ?? t('system') },
            { label: t('action'), cell: (r) => <span title={r.action}>{label(`auditAction.${r.action}`, r.action)}</span> },
            {
              label: t('record'),
              cell: (r) => {
                const record = auditRecordName(r, locale, names);
                return (
                  <>
                    <span className="text-slate-600">{label(`auditEntity.${r.entity}`, r.entity)}</span>{' '}
                    {/* Beside the kind's name, so underlined: colour alone does not tell it apart. */}
                    {record && (record.href ? <Link href={record.href} className="text-red-900 underline">{record.name}</Link> : record.name)}
                  </>
                );
              },
            },
            { label: t('changes'), wide: true, cell: (r) => <AuditChanges changes={describeAuditChanges(r, locale, names)} labels={changeLabels} /> },
          ]}
        />
      </div>
      <nav className="flex items-center gap-4 text-sm" aria-label={t('page', { page: filter.page, pages })}>
        {filter.page > 1 && <Link href={pageLink(filter.page - 1)}>{t('prev')}</Link>}
        <span>{t('page', { page: filter.page, pages })}</span>
        {filter.page < pages && <Link href={pageLink(filter.page + 1)}>{t('next')}</Link>}
      </nav>
    </div>
  );
}
