import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { DashboardCharts } from '@/components/dashboard/dashboard-charts';
import { DashboardTables } from '@/components/dashboard/dashboard-tables';
import { KpiCard } from '@/components/dashboard/kpi-card';
import { PhaseResult } from '@/components/program/phase-result';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { getDashboard } from '@/lib/dashboard/overview';
import { toLocale } from '@/lib/i18n/config';
import { formatCount, formatDate, formatYuan } from '@/lib/i18n/format';

export default async function DashboardPage() {
  const user = await requireUser();
  const data = await getDashboard(user);
  if (!data) notFound();
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  const asOf = (d: Date | null) => (d ? t('dashboard.asOf', { date: formatDate(d, locale) }) : t('dashboard.noData'));
  const reported = (metric: string, format: (v: string) => string) => {
    const r = data.reported[metric];
    return r ? `${t('dashboard.reported')} · ${t('dashboard.reportedAt', { date: formatDate(r.asOf, locale), value: format(r.value) + (r.isLowerBound ? '+' : '') })}` : undefined;
  };
  const count = (v: string | number) => formatCount(v, locale);
  // The counting rule for cumulative figures, stated under the cards it affects (lib/dashboard/queries.ts).
  const countingRule = t('dashboard.countingRule', { count: count(data.projects.disputedUpdates) });
  const status = Object.fromEntries(data.projects.byStatus.map((s) => [s.status, s.projects]));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">{t('dashboard.title')}</h1>
        <a href="/api/exports/dashboard" className="text-sm text-red-800 underline" download>
          {t('exports.meeting')}
        </a>
      </div>
      <PhaseResult phases={data.phases} locale={locale} canManage={can(user, 'program.manage', {})} />
      <section aria-label={t('dashboard.title')} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <KpiCard
          title={t('dashboard.modelZones')}
          value={t('dashboard.modelZonesValue', { count: data.zones.accredited, target: data.goal.zones })}
          progress={data.zones.progress}
          tone={data.zones.accredited >= data.goal.zones ? 'good' : 'behind'}
          sub={
            <>
              <span className="block">{t('dashboard.candidates', { count: data.zones.candidates })}</span>
              <span className="block">
                {!data.phases.current
                  ? t('program.noForecast')
                  : data.zones.forecast
                  ? data.zones.accredited >= data.goal.zones
                    ? t('dashboard.forecastMet', { date: formatDate(data.zones.forecast, locale) })
                    : t('dashboard.forecast', { date: formatDate(data.zones.forecast, locale), target: data.goal.zones })
                  : t('dashboard.forecastNone')}
              </span>
            </>
          }
          reported={reported('MODEL_ZONES', count)}
          asOf={asOf(data.zones.asOf)}
        />
        <KpiCard
          title={t('dashboard.income', { year: data.year })}
          value={data.income.average ? formatYuan(data.income.average, locale) : t('dashboard.noData')}
          progress={data.income.average ? Math.min(1, Number(data.income.average) / Number(data.goal.income)) : 0}
          tone={data.income.met ? 'good' : 'behind'}
          sub={
            <>
              <span className="block font-medium">{data.income.met ? t('dashboard.incomeMet') : t('dashboard.incomeNotMet')}</span>
              {t('dashboard.incomeSub', { reporting: data.income.reporting, villages: data.income.villages, above: data.income.above })}
            </>
          }
          asOf={asOf(data.income.asOf)}
        />
        <KpiCard
          title={t('dashboard.projects')}
          value={count(data.projects.total)}
          sub={t('dashboard.projectsSub', {
            inProgress: status.IN_PROGRESS ?? 0,
            completed: status.COMPLETED ?? 0,
            preparing: status.PREPARING ?? 0,
            suspended: status.SUSPENDED ?? 0,
          })}
          reported={reported('PROJECTS', count)}
          asOf={asOf(data.projects.asOf)}
        />
        <KpiCard
          title={t('dashboard.participation')}
          value={t('dashboard.participationValue', { soes: data.participation.soes, zones: data.participation.pairedZones })}
          reported={
            data.reported.SOE_PARTY_COMMITTEES && data.reported.PAIRED_JOINT_COMMITTEES
              ? `${t('dashboard.reported')} · ${t('dashboard.reportedAt', {
                  date: formatDate(data.reported.SOE_PARTY_COMMITTEES.asOf, locale),
                  value: t('dashboard.participationValue', {
                    soes: count(data.reported.SOE_PARTY_COMMITTEES.value),
                    zones: count(data.reported.PAIRED_JOINT_COMMITTEES.value),
                  }),
                })}`
              : undefined
          }
          asOf={asOf(data.participation.asOf)}
        />
        <KpiCard
          title={t('dashboard.investment')}
          value={`${formatYuan(data.projects.planned, locale)} / ${formatYuan(data.projects.made, locale)}`}
          sub={countingRule}
          asOf={asOf(data.projects.asOf)}
        />
        <KpiCard title={t('dashboard.jobs')} value={count(data.projects.jobs)} sub={countingRule} asOf={asOf(data.projects.asOf)} />
        <KpiCard title={t('dashboard.incomeToVillages')} value={formatYuan(data.projects.incomeToVillages, locale)} sub={countingRule} asOf={asOf(data.projects.asOf)} />
        <KpiCard
          title={t('dashboard.beneficiaries')}
          value={count(data.participation.beneficiaries)}
          reported={reported('RURAL_BENEFICIARIES', count)}
          asOf={asOf(data.projects.asOf)}
        />
      </section>
      <DashboardCharts data={data} />
      <DashboardTables data={data} />
    </div>
  );
}
