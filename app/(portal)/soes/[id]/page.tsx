import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { SampleTag } from '@/components/ui/sample-banner';
import { requireUser } from '@/lib/auth/current-user';
import { parseId } from '@/lib/ids';
import { toLocale } from '@/lib/i18n/config';
import { formatDate, formatYuan } from '@/lib/i18n/format';
import { getSoe } from '@/lib/soes/queries';
import { can } from '@/lib/auth/policy';
import { SoeForm } from '@/components/master/master-forms';

export default async function SoePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = parseId((await params).id);
  const soe = id === null ? null : await getSoe(user, id);
  if (!soe) notFound();
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  const canEdit = can(user, 'masterData.manage', {});
  return (
    <article className="space-y-4">
      <header>
        <h1 className="text-xl font-semibold">
          {soe.name}
          {!soe.nameVerified && <span className="ml-2 text-sm text-rose-700">({t('soe.unverified')})</span>}
          {soe.source?.isSample && <SampleTag />}
        </h1>
        <p className="text-sm text-slate-600">
          {t(`enum.SoeCategory.${soe.category}`)} · {t(`enum.SoeLevel.${soe.level}`)}
          {soe.nameEn ? ` · ${soe.nameEn}` : ''}
        </p>
        {soe.sourceNote && !soe.source?.isSample && <p className="text-xs text-slate-500">{t('sample.factTag')}: {soe.source?.title} — {soe.sourceNote}</p>}
        {can(user, 'soe.scorecard', { soeId: soe.id }) && (
          <p className="text-sm">
            <Link href={`/soes/${soe.id}/scorecard`} className="text-red-900 hover:underline">{t('scorecard.link')}</Link>
          </p>
        )}
      </header>
      {canEdit && (
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold">{t('master.editSoe')}</summary>
          <div className="mt-2">
            <SoeForm record={{ id: soe.id, version: soe.version, name: soe.name, shortName: soe.shortName, nameEn: soe.nameEn, category: soe.category, level: soe.level, liaisonLead: soe.liaisonLead }} />
          </div>
        </details>
      )}
      <section aria-labelledby="soe-zones" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="soe-zones" className="font-semibold">{t('soe.zones')}</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {soe.pairings.map((p) => (
            <li key={`${p.zone.id}-${p.since.toISOString()}`}>
              <Link href={`/zones/${p.zone.id}`} className="text-red-900 hover:underline">{p.zone.name}</Link> · {p.zone.district.name} ·{' '}
              {t('zones.since', { date: formatDate(p.since, locale) })}
              {p.source?.isSample && <SampleTag />}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="soe-projects" className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="soe-projects" className="font-semibold">{t('soe.projects')}</h2>
        {soe.projects.some((p) => p.latest?.isSample && !p.isSample) && <p className="text-xs text-amber-800">* {t('sample.updateNote')}</p>}
        <DataTable
          className="mt-2 text-sm"
          rows={soe.projects}
          rowKey={(p) => p.id}
          columns={[
            {
              label: t('projects.name'),
              cell: (p) => (
                <>
                  <Link href={`/projects/${p.id}`} className="text-red-900 hover:underline">{p.name}</Link>
                  {p.isSample && <SampleTag />}
                </>
              ),
            },
            { label: t('projects.zone'), cell: (p) => p.zone ?? t('projects.cityWide') },
            { label: t('projects.status'), cell: (p) => t(`status.${p.status}`) },
            { label: t('dashboard.planned'), numeric: true, cell: (p) => (p.plannedInvestment ? formatYuan(p.plannedInvestment, locale) : '—') },
            {
              label: t('dashboard.made'),
              numeric: true,
              cell: (p) => (
                <>
                  {p.latest ? formatYuan(p.latest.investmentToDate, locale) : '—'}
                  {p.latest?.isSample && !p.isSample && <sup className="ml-0.5 text-amber-800" title={t('sample.tag')}>*</sup>}
                </>
              ),
            },
            { label: t('dashboard.lastUpdate'), cell: (p) => (p.latest ? `${formatDate(p.latest.period, locale)} · ${p.latest.progressPct}%` : '—') },
          ]}
        />
      </section>
    </article>
  );
}
