import { getLocale, getTranslations } from 'next-intl/server';
import type { Dashboard } from '@/lib/dashboard/overview';
import { drill, isFewVillages } from '@/lib/dashboard/links';
import { PROGRAM_START } from '@/lib/dates';
import { toLocale } from '@/lib/i18n/config';
import { formatCount, formatDate, formatYuan } from '@/lib/i18n/format';
import { ChartFrame } from './chart-frame';
import { AccreditationChart, CountBarChart, IncomeChart, InvestmentChart } from './lazy-charts';

export async function DashboardCharts({ data }: { data: Dashboard }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  const asOf = (d: Date | null) => (d ? t('dashboard.asOf', { date: formatDate(d, locale) }) : undefined);
  const count = (v: number) => formatCount(v, locale);
  const sample = data.sample;

  // One series per month: accredited to date (stepping) and the steady pace.
  const months = [...new Set([...data.zones.trajectory.map((p) => p.month), ...data.zones.history.map((h) => h.month)])].sort();
  const nowMonth = data.now.toISOString().slice(0, 7);
  const trajectory = new Map(data.zones.trajectory.map((p) => [p.month, p.value]));
  const accreditedBy = (month: string) => data.zones.history.findLast((h) => h.month <= month)?.total ?? 0;
  const accreditation = months.map((month) => ({
    month,
    actual: month <= nowMonth ? accreditedBy(month) : undefined,
    trajectory: trajectory.get(month),
  }));

  const band = (b: number) =>
    b >= 10 ? t('dashboard.bandOpen', { from: b * 10 }) : t('dashboard.bandLabel', { from: b * 10, to: (b + 1) * 10 });
  const share = (r: { villages: number; eligible: number }) => `${count(r.villages)}/${count(r.eligible)}`;
  const years = data.income.byYear.map((r) => ({ ...r, few: isFewVillages(r.villages, r.eligible) }));

  const byDimension = (rows: Dashboard['projects']['byMode'], enumName: 'CooperationMode' | 'OutcomeArea', marked: string[]) =>
    rows.map((r) => ({
      key: r.key,
      label: t(`enum.${enumName}.${r.key}` as 'enum.OutcomeArea.GOVERNANCE'),
      projects: r.projects,
      planned: r.planned,
      made: r.made,
      href: enumName === 'CooperationMode' ? drill.projects({ mode: r.key }) : drill.projects({ outcome: r.key }),
      sample: marked.includes(r.key),
    }));
  const modes = byDimension(data.projects.byMode, 'CooperationMode', sample.modes);
  const outcomes = byDimension(data.projects.byOutcome, 'OutcomeArea', sample.outcomes);
  const investmentColumns = (first: string) => [
    { key: 'label', label: first },
    { key: 'projects', label: t('dashboard.count'), numeric: true },
    { key: 'planned', label: t('dashboard.planned'), numeric: true },
    { key: 'made', label: t('dashboard.made'), numeric: true },
  ];
  const investmentRows = (rows: typeof modes) =>
    rows.map((r) => ({
      cells: { label: r.label, projects: count(r.projects), planned: formatYuan(r.planned, locale), made: formatYuan(r.made, locale) },
      href: r.href,
      sample: r.sample,
    }));
  const investmentPoints = (rows: typeof modes) => rows.map((r) => ({ label: r.label, planned: Number(r.planned), made: Number(r.made), href: r.href }));

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartFrame
        id="chart-accreditation"
        title={t('dashboard.chartAccreditation')}
        definition={t('dashboard.defs.accreditationChart', { start: formatDate(PROGRAM_START, locale) })}
        sample={sample.zones}
        description={t('dashboard.chartAccreditationDesc', { target: data.goal.zones, deadline: formatDate(data.goal.zonesDeadline, locale) })}
        asOf={asOf(data.zones.asOf)}
        columns={[
          { key: 'month', label: t('dashboard.month') },
          { key: 'total', label: t('dashboard.actual'), numeric: true },
        ]}
        rows={data.zones.history.map((h) => ({ cells: h, sample: sample.zones }))}
      >
        <AccreditationChart
          points={accreditation}
          target={data.goal.zones}
          labels={{ actual: t('dashboard.actual'), trajectory: t('dashboard.trajectory'), target: t('dashboard.target'), unit: t('exports.unitZones') }}
        />
      </ChartFrame>
      <ChartFrame
        id="chart-income"
        title={t('dashboard.chartIncome')}
        definition={t('dashboard.defs.incomeChart')}
        sample={sample.incomeYears.length > 0}
        description={t('dashboard.chartIncomeDesc')}
        note={years.some((y) => y.few) ? t('dashboard.fewVillagesNote') : undefined}
        asOf={asOf(data.income.asOf)}
        columns={[
          { key: 'year', label: t('dashboard.year') },
          { key: 'average', label: t('dashboard.average'), numeric: true },
          { key: 'share', label: t('dashboard.reportingShare'), numeric: true },
          { key: 'above', label: t('dashboard.above'), numeric: true },
        ]}
        rows={years.map((r) => ({
          cells: { year: r.few ? `${r.year} *` : String(r.year), average: formatYuan(r.average, locale), share: share(r), above: count(r.above) },
          href: drill.villages({ year: r.year }),
          sample: sample.incomeYears.includes(r.year),
        }))}
      >
        <IncomeChart
          points={years.map((r) => ({
            year: r.few ? `${r.year} *` : String(r.year),
            average: Number(r.average),
            share: share(r),
            few: r.few ? t('dashboard.fewVillages', { reporting: count(r.villages), villages: count(r.eligible) }) : undefined,
            href: drill.villages({ year: r.year }),
          }))}
          target={Number(data.goal.income)}
          label={t('dashboard.average')}
          locale={locale}
        />
      </ChartFrame>
      <ChartFrame
        id="chart-distribution"
        title={t('dashboard.chartDistribution', { year: data.year })}
        definition={t('dashboard.defs.distributionChart', { year: data.year })}
        sample={sample.bands.length > 0}
        asOf={asOf(data.income.asOf)}
        columns={[
          { key: 'band', label: t('dashboard.band') },
          { key: 'villages', label: t('dashboard.villages'), numeric: true },
        ]}
        rows={data.income.distribution.map((r) => ({
          cells: { band: band(r.band), villages: count(r.villages) },
          href: drill.villages({ year: data.year, band: r.band }),
          sample: sample.bands.includes(r.band),
        }))}
      >
        <CountBarChart
          points={data.income.distribution.map((r) => ({ label: band(r.band), value: r.villages, href: drill.villages({ year: data.year, band: r.band }) }))}
          label={t('dashboard.villages')}
          unit={locale === 'zh-CN' ? ` ${t('exports.unitVillages')}` : ''}
        />
      </ChartFrame>
      <ChartFrame
        id="chart-mode"
        title={t('dashboard.chartMode')}
        definition={t('dashboard.defs.modeChart')}
        sample={sample.modes.length > 0}
        description={t('dashboard.chartClickHint')}
        asOf={asOf(data.projects.asOf)}
        columns={investmentColumns(t('dashboard.mode'))}
        rows={investmentRows(modes)}
      >
        <InvestmentChart points={investmentPoints(modes)} labels={{ planned: t('dashboard.planned'), made: t('dashboard.made') }} locale={locale} />
      </ChartFrame>
      <ChartFrame
        id="chart-outcome"
        title={t('dashboard.chartOutcome')}
        definition={t('dashboard.defs.outcomeChart')}
        sample={sample.outcomes.length > 0}
        description={t('dashboard.chartClickHint')}
        asOf={asOf(data.projects.asOf)}
        columns={investmentColumns(t('dashboard.outcomeArea'))}
        rows={investmentRows(outcomes)}
      >
        <InvestmentChart points={investmentPoints(outcomes)} labels={{ planned: t('dashboard.planned'), made: t('dashboard.made') }} locale={locale} />
      </ChartFrame>
    </div>
  );
}
