import { getLocale, getTranslations } from 'next-intl/server';
import type { Dashboard } from '@/lib/dashboard/overview';
import { toLocale } from '@/lib/i18n/config';
import { formatCount, formatDate, formatYuan, moneyAxis } from '@/lib/i18n/format';
import { ChartFrame } from './chart-frame';
import { AccreditationChart, CountBarChart, IncomeChart, InvestmentChart } from './lazy-charts';

export async function DashboardCharts({ data }: { data: Dashboard }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  const axis = moneyAxis(locale);
  const asOf = (d: Date | null) => (d ? t('dashboard.asOf', { date: formatDate(d, locale) }) : undefined);

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
  const byDimension = (rows: Dashboard['projects']['byMode'], enumName: 'CooperationMode' | 'OutcomeArea') =>
    rows.map((r) => ({ label: t(`enum.${enumName}.${r.key}` as 'enum.OutcomeArea.GOVERNANCE'), projects: r.projects, planned: r.planned, made: r.made }));
  const modes = byDimension(data.projects.byMode, 'CooperationMode');
  const outcomes = byDimension(data.projects.byOutcome, 'OutcomeArea');
  const investmentColumns = [
    { key: 'label', label: t('dashboard.status') },
    { key: 'projects', label: t('dashboard.count'), numeric: true },
    { key: 'planned', label: t('dashboard.planned'), numeric: true },
    { key: 'made', label: t('dashboard.made'), numeric: true },
  ];
  const investmentRows = (rows: typeof modes) =>
    rows.map((r) => ({ ...r, planned: formatYuan(r.planned, locale), made: formatYuan(r.made, locale) }));

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartFrame
        id="chart-accreditation"
        title={t('dashboard.chartAccreditation')}
        description={t('dashboard.chartAccreditationDesc', { target: data.goal.zones, deadline: formatDate(data.goal.zonesDeadline, locale) })}
        asOf={asOf(data.zones.asOf)}
        columns={[
          { key: 'month', label: t('dashboard.month') },
          { key: 'total', label: t('dashboard.actual'), numeric: true },
        ]}
        rows={data.zones.history}
      >
        <AccreditationChart
          points={accreditation}
          target={data.goal.zones}
          labels={{ actual: t('dashboard.actual'), trajectory: t('dashboard.trajectory'), target: t('dashboard.target') }}
        />
      </ChartFrame>
      <ChartFrame
        id="chart-income"
        title={t('dashboard.chartIncome')}
        description={t('dashboard.chartIncomeDesc')}
        asOf={asOf(data.income.asOf)}
        columns={[
          { key: 'year', label: t('dashboard.year') },
          { key: 'average', label: t('dashboard.average'), numeric: true },
          { key: 'villages', label: t('dashboard.villages'), numeric: true },
          { key: 'above', label: t('dashboard.above'), numeric: true },
        ]}
        rows={data.income.byYear.map((r) => ({ ...r, average: formatYuan(r.average, locale) }))}
      >
        <IncomeChart
          points={data.income.byYear.map((r) => ({ year: String(r.year), average: Number(r.average) }))}
          target={Number(data.goal.income)}
          label={t('dashboard.average')}
          axis={axis}
        />
      </ChartFrame>
      <ChartFrame
        id="chart-distribution"
        title={t('dashboard.chartDistribution', { year: data.year })}
        asOf={asOf(data.income.asOf)}
        columns={[
          { key: 'band', label: t('dashboard.band') },
          { key: 'villages', label: t('dashboard.villages'), numeric: true },
        ]}
        rows={data.income.distribution.map((r) => ({ band: band(r.band), villages: formatCount(r.villages, locale) }))}
      >
        <CountBarChart points={data.income.distribution.map((r) => ({ label: band(r.band), value: r.villages }))} label={t('dashboard.villages')} />
      </ChartFrame>
      <ChartFrame id="chart-mode" title={t('dashboard.chartMode')} asOf={asOf(data.projects.asOf)} columns={investmentColumns} rows={investmentRows(modes)}>
        <InvestmentChart
          points={modes.map((r) => ({ label: r.label, planned: Number(r.planned), made: Number(r.made) }))}
          labels={{ planned: t('dashboard.planned'), made: t('dashboard.made') }}
          axis={axis}
        />
      </ChartFrame>
      <ChartFrame id="chart-outcome" title={t('dashboard.chartOutcome')} asOf={asOf(data.projects.asOf)} columns={investmentColumns} rows={investmentRows(outcomes)}>
        <InvestmentChart
          points={outcomes.map((r) => ({ label: r.label, planned: Number(r.planned), made: Number(r.made) }))}
          labels={{ planned: t('dashboard.planned'), made: t('dashboard.made') }}
          axis={axis}
        />
      </ChartFrame>
    </div>
  );
}
