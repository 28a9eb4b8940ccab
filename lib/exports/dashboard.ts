import 'server-only';
import type { SessionUser } from '@/lib/auth/policy';
import { portalNow } from '@/lib/clock';
import { getDashboard, REPORTED_TOTALS } from '@/lib/dashboard/overview';
import { getSoeLeaderboard } from '@/lib/dashboard/queries';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';
import { caption, districtTable, incomeSourcesTable, soeTable, withSampleMarks, yuan } from './registry';
import type { Table } from './tabular';

// The "会议用" workbook: every table of the citywide dashboard in one XLSX, a
// sheet each, scoped as the dashboard is (null for a user who may not see it);
// amounts as numbers, in yuan, with their unit in the header. Each figure
// carries its definition (口径) on the overview sheet, and every sheet marks the
// rows computed from sample records (a 示例 column and a note), as the page does.

export async function dashboardTables(user: SessionUser, locale: Locale, now = portalNow()): Promise<Table[] | null> {
  const data = await getDashboard(user, now, { fresh: true });
  if (!data) return null;
  const t = translator(locale);
  const sheet = (name: string, columns: Table['columns'], rows: Table['rows'], filters: string[] = []): Table => ({ name, caption: caption(t, name, filters, now), columns, rows });
  const p = data.projects;
  const m = data.sample;
  const deadline = data.goal.zonesDeadline.toISOString().slice(0, 10);
  const d = {
    zones: t('dashboard.defs.modelZones', { target: data.goal.zones, deadline }),
    income: t('dashboard.defs.income', { year: data.year }),
    projects: t('dashboard.defs.projects'),
    investment: t('dashboard.defs.investment'),
    participation: t('dashboard.defs.participation'),
  };
  // [metric, value, unit, definition, computed from sample records]; targets and reported figures are facts.
  type OverviewRow = [string, Table['rows'][number][string], string, string, boolean];
  const overviewRows: OverviewRow[] = [
    [t('dashboard.modelZones'), data.zones.accredited, t('exports.unitZones'), d.zones, m.zones],
    [t('dashboard.target'), data.goal.zones, t('exports.unitZones'), '', false],
    [t('exports.candidates'), data.zones.candidates, t('exports.unitZones'), d.zones, m.zones],
    [t('dashboard.income', { year: data.year }), data.income.average, t('exports.unitYuan'), d.income, m.income],
    [t('dashboard.target'), data.goal.income, t('exports.unitYuan'), '', false],
    [t('exports.villagesPaired'), data.income.villages, t('exports.unitVillages'), d.income, m.income],
    [t('exports.villagesReporting'), data.income.reporting, t('exports.unitVillages'), d.income, m.income],
    [t('dashboard.above'), data.income.above, t('exports.unitVillages'), d.income, m.income],
    [t('dashboard.projects'), p.total, t('exports.unitProjects'), d.projects, m.projects],
    [t('dashboard.planned'), p.planned, t('exports.unitYuan'), d.investment, m.projects],
    [t('dashboard.made'), p.made, t('exports.unitYuan'), d.investment, m.projects],
    [t('exports.madeUnplanned'), p.madeUnplanned, t('exports.unitYuan'), d.investment, m.projects],
    [t('dashboard.jobs'), p.jobs, t('exports.unitPeople'), t('dashboard.defs.jobs'), m.projects],
    [t('dashboard.incomeToVillages'), p.incomeToVillages, t('exports.unitYuan'), t('dashboard.defs.incomeToVillages'), m.projects],
    [t('dashboard.beneficiaries'), data.participation.beneficiaries, t('exports.unitPersonCounts'), t('dashboard.defs.beneficiaries'), m.beneficiaries],
    [t('exports.soes'), data.participation.soes, t('exports.unitSoes'), d.participation, m.participation],
    [t('dashboard.pairedZones'), data.participation.pairedZones, t('exports.unitZones'), d.participation, m.participation],
    ...REPORTED_TOTALS.flatMap((metric) => {
      const r = data.reported[metric];
      if (!r) return [];
      const when = r.asOf ? r.asOf.toISOString().slice(0, 10) : t('dashboard.reportedUndated', { asOfText: r.asOfText ?? '' });
      const row: OverviewRow = [`${t('dashboard.reported')}：${t(`dashboard.reportedMetric.${metric}`)}`, Number(r.value), '', `${r.source} · ${when}`, false];
      return [row];
    }),
  ];
  const overview = withSampleMarks(
    t,
    sheet(
      t('exports.overview'),
      [
        { key: 'metric', header: t('exports.metric') },
        { key: 'value', header: t('exports.value'), kind: 'number' },
        { key: 'unit', header: t('exports.unit') },
        { key: 'definition', header: t('exports.definition') },
      ],
      overviewRows.map(([metric, value, unit, definition]) => ({ metric, value, unit, definition })),
    ),
    overviewRows.map((r) => r[4]),
  );
  const groupColumns = (first: string): Table['columns'] => [
    { key: 'key', header: first },
    { key: 'projects', header: t('dashboard.count'), kind: 'count' },
    { key: 'planned', header: yuan(t, t('dashboard.planned')), kind: 'money' },
    { key: 'made', header: yuan(t, t('dashboard.made')), kind: 'money' },
    { key: 'jobs', header: t('dashboard.jobs'), kind: 'count' },
    { key: 'incomeToVillages', header: yuan(t, t('dashboard.incomeToVillages')), kind: 'money' },
  ];
  const group = (rows: { key: string; projects: number; planned: string; made: string; jobs: number; incomeToVillages: string }[], label: (key: string) => string) =>
    rows.map(({ key, projects, planned, made, jobs, incomeToVillages }) => ({ key: label(key), projects, planned, made, jobs, incomeToVillages }));
  const marked = (keys: readonly (string | number)[], rows: { key: string | number }[]) => rows.map((r) => keys.includes(r.key));
  const f = data.flags;
  return [
    overview,
    soeTable(t, await getSoeLeaderboard(now), now, m),
    districtTable(t, data.districts, data.year, now, m),
    withSampleMarks(
      t,
      sheet(
        t('dashboard.chartIncome'),
        [
          { key: 'year', header: t('dashboard.year') },
          { key: 'average', header: yuan(t, t('dashboard.average')), kind: 'money' },
          { key: 'villages', header: t('exports.villagesReporting'), kind: 'count' },
          { key: 'eligible', header: t('exports.villagesPaired'), kind: 'count' },
          { key: 'above', header: t('dashboard.above'), kind: 'count' },
        ],
        data.income.byYear,
      ),
      marked(m.incomeYears, data.income.byYear.map((r) => ({ key: r.year }))),
    ),
    withSampleMarks(
      t,
      sheet(
        t('exports.distribution', { year: data.year }),
        [
          { key: 'band', header: t('dashboard.band') },
          { key: 'villages', header: t('dashboard.villages'), kind: 'count' },
        ],
        data.income.distribution.map((d) => ({
          band: d.band >= 10 ? t('dashboard.bandOpen', { from: d.band * 10 }) : t('dashboard.bandLabel', { from: d.band * 10, to: d.band * 10 + 10 }),
          villages: d.villages,
        })),
      ),
      marked(m.bands, data.income.distribution.map((r) => ({ key: r.band }))),
    ),
    incomeSourcesTable(t, data.incomeSources, now),
    withSampleMarks(
      t,
      sheet(t('exports.byStatus'), groupColumns(t('dashboard.status')), group(p.byStatus.map((s) => ({ ...s, key: s.status })), (k) => t(`status.${k}` as 'status.PREPARING'))),
      marked(m.statuses, p.byStatus.map((s) => ({ key: s.status }))),
    ),
    withSampleMarks(
      t,
      sheet(t('dashboard.chartMode'), groupColumns(t('projectForm.mode')), group(p.byMode, (k) => t(`enum.CooperationMode.${k}` as 'enum.CooperationMode.OTHER'))),
      marked(m.modes, p.byMode),
    ),
    withSampleMarks(
      t,
      sheet(t('dashboard.chartOutcome'), groupColumns(t('exports.outcomeArea')), group(p.byOutcome, (k) => t(`enum.OutcomeArea.${k}` as 'enum.OutcomeArea.INDUSTRY_BASE'))),
      marked(m.outcomes, p.byOutcome),
    ),
    withSampleMarks(
      t,
      sheet(
        t('dashboard.chartAccreditation'),
        [
          { key: 'month', header: t('dashboard.month') },
          { key: 'total', header: t('dashboard.actual'), kind: 'count' },
        ],
        data.zones.history,
      ),
      data.zones.history.map(() => m.zones),
    ),
    sheet(
      t('dashboard.flags'),
      [
        { key: 'kind', header: t('exports.flagKind') },
        { key: 'item', header: t('exports.flagItem') },
      ],
      [
        ...f.stale.map((s) => ({ kind: t('dashboard.staleProjects'), item: `${s.name} · ${s.soe} · ${s.lastUpdate?.toISOString().slice(0, 10) ?? '—'}` })),
        ...f.missingIncome.map((v) => ({ kind: t('dashboard.missingIncome', { year: data.year }), item: `${v.zone} · ${v.name}` })),
        ...f.overPopulation.map((b) => ({ kind: t('dashboard.overPopulation'), item: `${b.project} · ${b.village}: ${b.people} > ${b.population}` })),
        ...f.incomeJumps.map((j) => ({ kind: t('dashboard.incomeJumps'), item: `${j.village} ${j.year}: ${j.previous} → ${j.current}` })),
      ],
    ),
  ];
}
