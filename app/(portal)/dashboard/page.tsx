import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { DashboardCharts } from '@/components/dashboard/dashboard-charts';
import { DashboardTables } from '@/components/dashboard/dashboard-tables';
import { FiguresAsOf } from '@/components/dashboard/figures-as-of';
import { headlineValues } from '@/components/dashboard/headline';
import { KpiCard } from '@/components/dashboard/kpi-card';
import { IncomeSourcesFigure } from '@/components/dashboard/income-sources-figure';
import { ProgramMap } from '@/components/map/program-map';
import { PhaseResult } from '@/components/program/phase-result';
import { TodoPanel } from '@/components/todo/todo-panel';
import { requireUser } from '@/lib/auth/current-user';
import { can, homePath } from '@/lib/auth/policy';
import { drill } from '@/lib/dashboard/links';
import { getDashboard, PROGRAM_START, REPORTED_TOTALS, type Dashboard } from '@/lib/dashboard/overview';
import { toLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';
import { parseMeasure } from '@/lib/map/model';
import { getMapModel } from '@/lib/map/queries';
import { firstValues, type SearchParams } from '@/lib/lists/params';
import { formatCount, formatDate, formatYuan } from '@/lib/i18n/format';

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const data = await getDashboard(user);
  if (!data) notFound();
  const measure = parseMeasure(firstValues(await searchParams).measure);
  const [t, locale, map] = await Promise.all([getTranslations(), getLocale().then(toLocale), getMapModel(user, data, measure)]);
  const asOf = (d: Date | null) => (d ? t('dashboard.asOf', { date: formatDate(d, locale) }) : t('dashboard.noData'));
  const count = (v: string | number) => formatCount(v, locale);
  const headline = headlineValues(data, translator(locale), locale);
  // A reported figure names its source and its date as the source gives it (no assumed day where it gives none).
  const when = (r: Dashboard['reported'][string]) =>
    r.asOf ? formatDate(r.asOf, locale) : t('dashboard.reportedUndated', { asOfText: r.asOfText ?? '' });
  const reportedValue = (r: Dashboard['reported'][string]) => count(r.value) + (r.isLowerBound ? '+' : '');
  const reported = (metric: string) => {
    const r = data.reported[metric];
    return r ? t('dashboard.reportedBy', { source: r.source, when: when(r), value: reportedValue(r) }) : undefined;
  };
  // The counting rule for cumulative figures, stated under the cards it affects (lib/dashboard/queries.ts).
  const countingRule = t('dashboard.countingRule', { count: count(data.projects.disputedUpdates) });
  const status = Object.fromEntries(data.projects.byStatus.map((s) => [s.status, s.projects]));
  const def = t('dashboard.definition');
  const s = data.sample;
  const soeReport = data.reported.SOE_PARTY_COMMITTEES;
  const zoneReport = data.reported.PAIRED_JOINT_COMMITTEES;
  const defs = [
    { title: t('dashboard.modelZones'), text: t('dashboard.defs.modelZones', { target: data.goal.zones, deadline: formatDate(data.goal.zonesDeadline, locale) }) },
    { title: t('dashboard.income', { year: data.year }), text: t('dashboard.defs.income', { year: data.year }) },
    { title: t('dashboard.projects'), text: t('dashboard.defs.projects') },
    { title: t('dashboard.participation'), text: t('dashboard.defs.participation') },
    { title: t('dashboard.investment'), text: t('dashboard.defs.investment') },
    { title: t('dashboard.jobs'), text: t('dashboard.defs.jobs') },
    { title: t('dashboard.incomeToVillages'), text: t('dashboard.defs.incomeToVillages') },
    { title: t('dashboard.beneficiaries'), text: t('dashboard.defs.beneficiaries') },
    { title: t('dashboard.chartAccreditation'), text: t('dashboard.defs.accreditationChart', { start: formatDate(PROGRAM_START, locale) }) },
    { title: t('dashboard.chartIncome'), text: t('dashboard.defs.incomeChart') },
    { title: t('dashboard.chartDistribution', { year: data.year }), text: t('dashboard.defs.distributionChart', { year: data.year }) },
    { title: t('dashboard.chartMode'), text: t('dashboard.defs.modeChart') },
    { title: t('dashboard.chartOutcome'), text: t('dashboard.defs.outcomeChart') },
    { title: t('dashboard.soeBoard'), text: t('dashboard.defs.soeBoard') },
    { title: t('dashboard.districts'), text: t('dashboard.defs.districts', { year: data.year }) },
    { title: t('dashboard.stale'), text: t('dashboard.defs.stale') },
    { title: t('dashboard.countingRuleTitle'), text: t('dashboard.defs.counting') },
    { title: t('dashboard.sampleMarkTitle'), text: t('dashboard.defs.sample') },
  ];
  const card = { definitionLabel: def };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold">{t('dashboard.title')}</h1>
          <FiguresAsOf {...data.figuresAsOf} />
        </div>
        <span className="flex gap-4 text-sm print:hidden">
          <a href="#definitions" className="text-red-800 underline">{t('dashboard.definitions')}</a>
          <a href="/dashboard/compare" className="text-red-800 underline">{t('compare.link')}</a>
          <a href="/briefing" className="text-red-800 underline">{t('briefing.open')}</a>
          <a href="/api/exports/dashboard" className="text-red-800 underline" download>
            {t('exports.meeting')}
          </a>
        </span>
      </div>
      {homePath(user) === '/dashboard' && <TodoPanel user={user} limit={5} />}
      <PhaseResult phases={data.phases} locale={locale} canManage={can(user, 'program.manage', {})} />
      <section aria-label={t('dashboard.title')} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <KpiCard
          {...card}
          id="modelZones"
          title={t('dashboard.modelZones')}
          value={headline.modelZones}
          href={drill.zones({ modelZone: 'accredited' })}
          definition={defs[0]!.text}
          sample={s.zones}
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
          reported={reported('MODEL_ZONES')}
          asOf={asOf(data.zones.asOf)}
        />
        <KpiCard
          {...card}
          id="income"
          title={t('dashboard.income', { year: data.year })}
          value={headline.income}
          href={drill.villages({ year: data.year })}
          definition={defs[1]!.text}
          sample={s.income}
          progress={data.income.average ? Math.min(1, Number(data.income.average) / Number(data.goal.income)) : 0}
          tone={data.income.met ? 'good' : 'behind'}
          sub={
            <>
              <span className="block font-medium">
                {data.income.met ? t('dashboard.incomeMet') : t('dashboard.incomeNotMet')} ·{' '}
                <span data-share>{t('dashboard.incomeShare', { reporting: count(data.income.reporting), villages: count(data.income.villages) })}</span>
              </span>
              {t('dashboard.incomeSub', { reporting: data.income.reporting, villages: data.income.villages, above: data.income.above })}
            </>
          }
          asOf={asOf(data.income.asOf)}
        />
        <KpiCard
          {...card}
          id="projects"
          title={t('dashboard.projects')}
          value={headline.projects}
          href={drill.projects()}
          definition={defs[2]!.text}
          sample={s.projects}
          sub={t('dashboard.projectsSub', {
            inProgress: status.IN_PROGRESS ?? 0,
            completed: status.COMPLETED ?? 0,
            preparing: status.PREPARING ?? 0,
            suspended: status.SUSPENDED ?? 0,
          })}
          reported={reported('PROJECTS')}
          asOf={asOf(data.projects.asOf)}
        />
        <KpiCard
          {...card}
          id="participation"
          title={t('dashboard.participation')}
          value={headline.participation}
          href={drill.soes()}
          definition={defs[3]!.text}
          sample={s.participation}
          sub={t('dashboard.participationSub', { soes: data.participation.soes, all: data.participation.soesAllLevels })}
          reported={
            soeReport && zoneReport
              ? t('dashboard.reportedBy', {
                  source: soeReport.source,
                  when: when(soeReport),
                  value: t('dashboard.participationValue', { soes: reportedValue(soeReport), zones: reportedValue(zoneReport) }),
                })
              : undefined
          }
          asOf={asOf(data.participation.asOf)}
        />
        <KpiCard
          {...card}
          id="investment"
          title={t('dashboard.investment')}
          value={headline.investment}
          href={drill.projects({ sort: 'planned', dir: 'desc' })}
          definition={defs[4]!.text}
          sample={s.projects}
          sub={
            <>
              {Number(data.projects.madeUnplanned) > 0 && (
                <span className="block text-amber-800" data-unplanned>
                  {t('dashboard.unplanned', { amount: formatYuan(data.projects.madeUnplanned, locale), count: data.projects.projectsUnplanned })}
                </span>
              )}
              {countingRule}
            </>
          }
          asOf={asOf(data.projects.asOf)}
        />
        <KpiCard {...card} id="jobs" title={t('dashboard.jobs')} value={headline.jobs} href={drill.projects({ status: 'IN_PROGRESS' })} definition={defs[5]!.text} sample={s.projects} sub={countingRule} asOf={asOf(data.projects.asOf)} />
        <KpiCard
          {...card}
          id="incomeToVillages"
          title={t('dashboard.incomeToVillages')}
          value={headline.incomeToVillages}
          href={drill.projects({ status: 'IN_PROGRESS' })}
          definition={defs[6]!.text}
          sample={s.projects}
          sub={countingRule}
          asOf={asOf(data.projects.asOf)}
        />
        <KpiCard
          {...card}
          id="beneficiaries"
          title={t('dashboard.beneficiaries')}
          value={headline.beneficiaries}
          href={drill.projects()}
          definition={defs[7]!.text}
          sample={s.beneficiaries}
          sub={data.participation.beneficiaryOverlaps > 0 ? t('dashboard.overlaps', { count: data.participation.beneficiaryOverlaps }) : undefined}
          reported={reported('RURAL_BENEFICIARIES')}
          asOf={asOf(data.projects.asOf)}
        />
      </section>
      <ProgramMap model={map} locale={locale} year={data.year} measureHref={(m) => `/dashboard?measure=${m}#program-map-heading`} />
      <IncomeSourcesFigure data={data.incomeSources} />
      <DashboardCharts data={data} />
      <DashboardTables data={data} />
      <section aria-labelledby="reported-totals" className="rounded-lg border border-sky-200 bg-sky-50/40 p-4 shadow-sm">
        <h2 id="reported-totals" className="font-semibold">{t('dashboard.reportedTotals')}</h2>
        <p className="text-xs text-slate-600">{t('dashboard.reportedTotalsDesc')}</p>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {REPORTED_TOTALS.map((metric) => {
            const r = data.reported[metric];
            return r ? (
              <div key={metric} className="flex flex-wrap justify-between gap-2 border-b border-sky-100 py-1" data-reported={metric}>
                <dt>{t(`dashboard.reportedMetric.${metric}`)}</dt>
                <dd className="tabular-nums">
                  <span className="font-semibold">{reportedValue(r)}</span>{' '}
                  <span className="text-xs text-slate-500">
                    {r.source} · {when(r)}
                  </span>
                </dd>
              </div>
            ) : null;
          })}
        </dl>
      </section>
      <section id="definitions" aria-labelledby="definitions-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="definitions-title" className="font-semibold">{t('dashboard.definitions')}</h2>
        <p className="text-xs text-slate-600">{t('dashboard.definitionsDesc')}</p>
        <dl className="mt-2 space-y-2 text-sm">
          {defs.map((d) => (
            <div key={d.title}>
              <dt className="font-medium">{d.title}</dt>
              <dd className="text-slate-700">{d.text}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
