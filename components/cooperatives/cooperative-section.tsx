import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ExportLinks } from '@/components/lists/list-controls';
import { DataTable } from '@/components/ui/data-table';
import { SampleTag } from '@/components/ui/sample-banner';
import type { SessionUser } from '@/lib/auth/policy';
import { portalNow } from '@/lib/clock';
import { getZoneCooperative } from '@/lib/cooperatives/queries';
import { toLocale } from '@/lib/i18n/config';
import { formatDate, formatYuan } from '@/lib/i18n/format';
import { latestCompleteYear } from '@/lib/metrics/trajectory';
import { CooperativeForm, CooperativeProjectsForm, DividendForm, ShareForm } from './cooperative-forms';

const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/** The zone's joint-stock cooperative: the villages' shares, the projects it brought in, the dividends by year (each beside the village's income). */
export async function CooperativeSection({ user, zoneId }: { user: SessionUser; zoneId: number }) {
  const [t, locale, data] = await Promise.all([getTranslations(), getLocale().then(toLocale), getZoneCooperative(user, zoneId)]);
  if (!data) return null;
  const c = data.cooperative;
  const mu = (v: string) => (locale === 'zh-CN' ? `${v} 亩` : `${v} mu`);
  return (
    <section id="cooperative" aria-labelledby="cooperative-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="cooperative-title" className="font-semibold">
        {t('cooperative.heading')}
        {c && <> · {c.name}{c.isSample && <SampleTag />}</>}
      </h2>
      <p className="text-xs text-slate-600">{t('cooperative.intro')}</p>
      {!c ? (
        <p className="text-sm text-slate-500">{t('cooperative.none')}</p>
      ) : (
        <>
          <dl className="grid gap-2 text-sm sm:grid-cols-3">
            <div><dt className="text-slate-500">{t('cooperative.foundedOn')}</dt><dd>{c.foundedOn ? formatDate(c.foundedOn, locale) : '—'}</dd></div>
            <div className="sm:col-span-2"><dt className="text-slate-500">{t('cooperative.plan')}</dt><dd>{c.plan ?? '—'}</dd></div>
          </dl>
          {c.sourceNote && <p className="text-xs text-slate-500">{t('sample.factTag')}: {c.sourceTitle} — {c.sourceNote}</p>}
          <h3 className="text-sm font-semibold">{t('cooperative.shares')}</h3>
          {c.shares.length === 0 ? (
            <p className="text-sm text-slate-500">{t('cooperative.noShares')}</p>
          ) : (
            <DataTable
              className="text-sm"
              rows={c.shares}
              rowKey={(s) => s.villageId}
              columns={[
                { label: t('cooperative.village'), cell: (s) => <>{s.village}{s.isSample && <SampleTag />}</> },
                { label: t('cooperative.landMu'), numeric: true, cell: (s) => (s.landMu ? mu(s.landMu) : '—') },
                { label: t('cooperative.amount'), numeric: true, cell: (s) => (s.amount ? formatYuan(s.amount, locale) : '—') },
                { label: t('cooperative.percent'), numeric: true, cell: (s) => (s.percent ? `${s.percent}%` : '—') },
                { label: t('cooperative.asOf'), cell: (s) => formatDate(s.asOf, locale) },
              ]}
            />
          )}
          {data.canManage && (
            <details className="rounded border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium">{t('cooperative.addShare')}</summary>
              <div className="mt-2">
                <ShareForm cooperativeId={c.id} villages={data.villages} versions={Object.fromEntries(c.shares.map((s) => [s.villageId, s.version]))} />
              </div>
            </details>
          )}
          <h3 className="text-sm font-semibold">{t('cooperative.projects')}</h3>
          <ul className="space-y-1 text-sm">
            {data.projects.filter((p) => p.broughtIn).map((p) => (
              <li key={p.id}><Link href={`/projects/${p.id}`} className="text-red-900 hover:underline">{p.name}</Link>{p.isSample && <SampleTag />}</li>
            ))}
            {!data.projects.some((p) => p.broughtIn) && <li className="text-slate-500">{t('cooperative.noProjects')}</li>}
          </ul>
          {data.canManage && data.projects.length > 0 && (
            <details className="rounded border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium">{t('cooperative.chooseProjects')}</summary>
              <div className="mt-2"><CooperativeProjectsForm cooperativeId={c.id} version={c.version} projects={data.projects} /></div>
            </details>
          )}
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="text-sm font-semibold">{t('cooperative.dividends')}</h3>
            <ExportLinks path="/api/exports/dividends" current={{ zone: String(zoneId) }} />
          </div>
          {c.dividends.length === 0 ? (
            <p className="text-sm text-slate-500">{t('cooperative.noDividends')}</p>
          ) : (
            <DataTable
              className="text-sm"
              rows={c.dividends}
              rowKey={(d) => `${d.villageId}-${d.year}`}
              columns={[
                { label: t('cooperative.year'), cell: (d) => d.year },
                { label: t('cooperative.village'), cell: (d) => <Link href={`/villages/${d.villageId}`} className="text-red-900 hover:underline">{d.village}</Link> },
                {
                  label: t('cooperative.dividend'),
                  numeric: true,
                  cell: (d) => (
                    <>
                      {formatYuan(d.amount, locale)}
                      {d.isSample && <sup className="ml-0.5 text-amber-800" title={t('sample.tag')}>*</sup>}
                      {d.exceedsIncome && <span className="ml-2 rounded bg-rose-100 px-1 text-xs text-rose-800">{t('cooperative.aboveIncome')}</span>}
                    </>
                  ),
                },
                { label: t('cooperative.income'), numeric: true, cell: (d) => (d.income ? formatYuan(d.income, locale) : '—') },
                { label: t('cooperative.paidOn'), cell: (d) => (d.paidOn ? formatDate(d.paidOn, locale) : '—') },
              ]}
            />
          )}
          {data.dividendVillages.length > 0 && (
            <details className="rounded border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium">{t('cooperative.recordDividend')}</summary>
              <div className="mt-2">
                <DividendForm villages={data.dividendVillages} year={latestCompleteYear(portalNow())} versions={Object.fromEntries(c.dividends.map((d) => [`${d.villageId}:${d.year}`, d.version]))} />
              </div>
            </details>
          )}
        </>
      )}
      {data.canManage && (
        <details className="rounded border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">{c ? t('cooperative.edit') : t('cooperative.create')}</summary>
          <div className="mt-2">
            <CooperativeForm zoneId={zoneId} record={c && { id: c.id, version: c.version, name: c.name, foundedOn: iso(c.foundedOn), plan: c.plan }} />
          </div>
        </details>
      )}
    </section>
  );
}
