import 'server-only';
import type { SessionUser } from '@/lib/auth/policy';
import { portalNow } from '@/lib/clock';
import { getDashboard } from '@/lib/dashboard/overview';
import { getSoeLeaderboard } from '@/lib/dashboard/queries';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';
import { caption, districtTable, soeTable, yuan } from './registry';
import type { Table } from './tabular';

// The "会议用" workbook: every table of the citywide dashboard in one XLSX, a
// sheet each, scoped as the dashboard is (null for a user who may not see it);
// amounts as numbers, in yuan, with their unit in the header.

export async function dashboardTables(user: SessionUser, locale: Locale, now = portalNow()): Promise<Table[] | null> {
  const data = await getDashboard(user, now);
  if (!data) return null;
  const t = translator(locale);
  const sheet = (name: string, columns: Table['columns'], rows: Table['rows'], filters: string[] = []): Table => ({ name, caption: caption(t, name, filters, now), columns, rows });
  const p = data.projects;
  const overview = sheet(
    t('exports.overview'),
    [
      { key: 'metric', header: t('exports.metric') },
      { key: 'value', header: t('exports.value'), kind: 'number' },
      { key: 'unit', header: t('exports.unit') },
    ],
    [
      [t('dashboard.modelZones'), data.zones.accredited, t('exports.unitZones')],
      [t('dashboard.target'), data.goal.zones, t('exports.unitZones')],
      [t('exports.candidates'), data.zones.candidates, t('exports.unitZones')],
      [t('dashboard.income', { year: data.year }), data.income.average, t('exports.unitYuan')],
      [t('dashboard.target'), data.goal.income, t('exports.unitYuan')],
      [t('exports.villagesPaired'), data.income.villages, t('exports.unitVillages')],
      [t('exports.villagesReporting'), data.income.reporting, t('exports.unitVillages')],
      [t('dashboard.above'), data.income.above, t('exports.unitVillages')],
      [t('dashboard.projects'), p.total, t('exports.unitProjects')],
      [t('dashboard.planned'), p.planned, t('exports.unitYuan')],
      [t('dashboard.made'), p.made, t('exports.unitYuan')],
      [t('dashboard.jobs'), p.jobs, t('exports.unitPeople')],
      [t('dashboard.incomeToVillages'), p.incomeToVillages, t('exports.unitYuan')],
      [t('dashboard.beneficiaries'), data.participation.beneficiaries, t('exports.unitPeople')],
      [t('exports.soes'), data.participation.soes, t('exports.unitSoes')],
      [t('dashboard.pairedZones'), data.participation.pairedZones, t('exports.unitZones')],
    ].map(([metric, value, unit]) => ({ metric, value, unit }) as Table['rows'][number]),
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
  const f = data.flags;
  return [
    overview,
    soeTable(t, await getSoeLeaderboard(now), now),
    districtTable(t, data.districts, data.year, now),
    sheet(
      t('dashboard.chartIncome'),
      [
        { key: 'year', header: t('dashboard.year') },
        { key: 'average', header: yuan(t, t('dashboard.average')), kind: 'money' },
        { key: 'villages', header: t('exports.villagesReporting'), kind: 'count' },
        { key: 'above', header: t('dashboard.above'), kind: 'count' },
      ],
      data.income.byYear,
    ),
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
    sheet(t('exports.byStatus'), groupColumns(t('dashboard.status')), group(p.byStatus.map((s) => ({ ...s, key: s.status })), (k) => t(`status.${k}` as 'status.PREPARING'))),
    sheet(t('dashboard.chartMode'), groupColumns(t('projectForm.mode')), group(p.byMode, (k) => t(`enum.CooperationMode.${k}` as 'enum.CooperationMode.OTHER'))),
    sheet(t('dashboard.chartOutcome'), groupColumns(t('exports.outcomeArea')), group(p.byOutcome, (k) => t(`enum.OutcomeArea.${k}` as 'enum.OutcomeArea.INDUSTRY_BASE'))),
    sheet(
      t('dashboard.chartAccreditation'),
      [
        { key: 'month', header: t('dashboard.month') },
        { key: 'total', header: t('dashboard.actual'), kind: 'count' },
      ],
      data.zones.history,
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
