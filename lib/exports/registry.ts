import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { getYearOnYear, type CompareFigures } from '@/lib/dashboard/compare';
import { getDistrictBreakdown, getSoeLeaderboard } from '@/lib/dashboard/queries';
import { portalNow } from '@/lib/clock';
import { getSampleMarks, type SampleMarks } from '@/lib/dashboard/sample-marks';
import { db } from '@/lib/db/client';
import { latestCompleteYear } from '@/lib/metrics/trajectory';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';
import { listZones, zoneListSchema } from '@/lib/zones/queries';
import { listProjects, projectListSchema } from '@/lib/projects/queries';
import { getRanking, scorecardYearSchema } from '@/lib/scorecard/queries';
import { ASSESSMENT_COMPONENTS } from '@/lib/scorecard/schemas';
import { dividendListSchema, listDividends } from '@/lib/cooperatives/queries';
import { getIncomeSources } from '@/lib/dashboard/income-sources';
import { MAX_EXPORT_ROWS, type Table } from './tabular';

/** null: the user may not see this table (the route answers 404). */
type Exporter = (user: SessionUser, params: Record<string, string>, locale: Locale, now?: Date) => Promise<Table | null>;
type T = ReturnType<typeof translator>;

/** A money column's header with its unit: "计划投资（元）". */
export const yuan = (t: T, header: string) => t('exports.yuan', { header });

/** The XLSX's lines above the header: the list, its filters, the moment it was taken. */
export function caption(t: T, title: string, filters: string[], now: Date) {
  const stamp = now.toISOString().slice(0, 16).replace('T', ' ');
  return [title, `${t('exports.filters')}${filters.length ? filters.join('；') : t('exports.noFilters')}　${t('exports.asOf', { time: `${stamp} UTC` })}`];
}

/** The filters of a list in words ("状态：实施中"), only those the query takes. */
async function filterWords(
  t: T,
  params: { q?: string; status?: string; mode?: string; soe?: number; district?: number; modelZone?: string; outcome?: string; citywide?: string; stale?: string; paired?: string },
) {
  const words: string[] = [];
  if (params.q) words.push(`${t('list.search')}：${params.q}`);
  if (params.status) words.push(`${t('projects.status')}：${t(`status.${params.status}` as 'status.PREPARING')}`);
  if (params.mode) words.push(`${t('projectForm.mode')}：${t(`enum.CooperationMode.${params.mode}` as 'enum.CooperationMode.OTHER')}`);
  if (params.soe) words.push(`${t('projects.soe')}：${(await db().soe.findUnique({ where: { id: params.soe }, select: { name: true } }))?.name ?? params.soe}`);
  if (params.district) words.push(`${t('zones.district')}：${(await db().district.findUnique({ where: { id: params.district }, select: { name: true } }))?.name ?? params.district}`);
  if (params.outcome) words.push(`${t('exports.outcomeArea')}：${t(`enum.OutcomeArea.${params.outcome}` as 'enum.OutcomeArea.INDUSTRY_BASE')}`);
  if (params.citywide) words.push(t('dashboard.citywide'));
  if (params.stale) words.push(t('dashboard.staleProjects'));
  if (params.paired) words.push(t('zones.pairedNow'));
  if (params.modelZone) {
    const label = { accredited: t('zones.accredited'), candidate: t('zones.candidate'), none: t('zones.notAccredited') }[params.modelZone] ?? params.modelZone;
    words.push(`${t('zones.modelZoneFilter')}：${label}`);
  }
  return words;
}

/** Every list that can be exported, each through the same scoped query as its page. */
export const exporters: Record<string, Exporter> = {
  async zones(user, params, locale, now = new Date()) {
    const t = translator(locale);
    const query = zoneListSchema.parse(params);
    const { rows } = await listZones(user, { ...query, page: 1 }, MAX_EXPORT_ROWS + 1);
    return {
      name: t('zones.title'),
      caption: caption(t, t('zones.title'), await filterWords(t, query), now),
      columns: [
        { key: 'name', header: t('zones.title') },
        { key: 'district', header: t('zones.district') },
        { key: 'township', header: t('zone.township') },
        { key: 'villages', header: t('dashboard.villages'), kind: 'count' },
        { key: 'projects', header: t('dashboard.count'), kind: 'count' },
        { key: 'soes', header: t('zones.soes') },
        { key: 'accreditedAt', header: t('zones.accreditedAt'), kind: 'date' },
        { key: 'sample', header: t('sample.tag') },
      ],
      rows: rows.map(({ isSample, ...z }) => ({
        ...z,
        soes: z.soes.join('、'),
        accreditedAt: z.accreditedAt?.toISOString().slice(0, 10) ?? null,
        sample: isSample ? t('sample.tag') : '',
      })),
    };
  },
  async projects(user, params, locale, now = new Date()) {
    const t = translator(locale);
    const query = projectListSchema.parse(params);
    const { rows } = await listProjects(user, { ...query, page: 1 }, MAX_EXPORT_ROWS + 1, now);
    return {
      name: t('projects.title'),
      caption: caption(t, t('projects.title'), await filterWords(t, query), now),
      columns: [
        { key: 'id', header: 'ID', kind: 'count' },
        { key: 'name', header: t('projects.name') },
        { key: 'soe', header: t('projects.soe') },
        { key: 'zone', header: t('projects.zone') },
        { key: 'status', header: t('projects.status') },
        { key: 'mode', header: t('projectForm.mode') },
        { key: 'plannedInvestment', header: yuan(t, t('projects.planned')), kind: 'money' },
        { key: 'lastUpdate', header: t('dashboard.lastUpdate') },
        { key: 'progressPct', header: t('exports.progressPct'), kind: 'number' },
        { key: 'sample', header: t('sample.tag') },
      ],
      rows: rows.map(({ isSample, ...p }) => ({
        ...p,
        mode: t(`enum.CooperationMode.${p.mode}` as 'enum.CooperationMode.OTHER'),
        lastUpdate: p.lastUpdate?.toISOString().slice(0, 7) ?? null,
        zone: p.zone ?? t('projects.cityWide'),
        status: t(`status.${p.status}` as 'status.PREPARING'),
        sample: isSample ? t('sample.tag') : '',
      })),
    };
  },
  async 'soe-leaderboard'(user, _params, locale, now = new Date()) {
    if (!can(user, 'dashboard.read', {})) return null;
    const t = translator(locale);
    const [rows, marks] = await Promise.all([getSoeLeaderboard(now), getSampleMarks(latestCompleteYear(now), now)]);
    return soeTable(t, rows, now, marks);
  },
  /** 同比 by SOE or by district (`by`), for `year` (the running year by default). */
  async compare(user, params, locale, now = portalNow()) {
    if (!can(user, 'dashboard.read', {})) return null;
    const t = translator(locale);
    const year = Number(params.year);
    const { periods, soes, districts, sample } = await getYearOnYear(now, Number.isInteger(year) && year >= 2000 && year <= now.getUTCFullYear() ? year : undefined, { fresh: true });
    const bySoe = params.by !== 'district';
    const title = `${t(bySoe ? 'compare.exportTitleSoe' : 'compare.exportTitleDistrict')} ${periods.year}`;
    const measure = (key: keyof CompareFigures & string, label: string, kind: 'money' | 'count') => [
      { key, header: kind === 'money' ? yuan(t, t('compare.thisPeriod', { label })) : t('compare.thisPeriod', { label }), kind },
      { key: `${key}Last`, header: kind === 'money' ? yuan(t, t('compare.lastPeriod', { label })) : t('compare.lastPeriod', { label }), kind },
    ];
    const rows = bySoe ? soes : districts;
    return withSampleMarks(
      t,
      {
        name: title,
        caption: [...caption(t, title, [], now), t('compare.definition')],
        columns: [
          { key: 'name', header: t(bySoe ? 'compare.soe' : 'compare.district') },
          ...measure('investment', t('compare.investment'), 'money'),
          ...measure('jobs', t('compare.jobs'), 'count'),
          ...measure('incomeToVillages', t('compare.incomeToVillages'), 'money'),
          ...measure('accredited', t('compare.accredited'), 'count'),
          { key: 'averageIncome', header: yuan(t, `${t('dashboard.avgIncome')} ${periods.incomeYear}`), kind: 'money' },
          { key: 'averageIncomeLast', header: yuan(t, `${t('dashboard.avgIncome')} ${periods.incomeYear - 1}`), kind: 'money' },
        ] as Table['columns'],
        rows: rows.map(({ id: _id, ...r }) => ({ ...r, name: r.name ?? t('compare.citywide') })),
      },
      rows.map((r) => (bySoe ? sample.soes : sample.districts).includes(r.id as number)),
    );
  },
  /** The yearly assessment of the SOEs for the assessment meeting: each component in percent, the weights in the headers. */
  async ranking(user, params, locale, now = portalNow()) {
    const year = scorecardYearSchema(now).parse(params.year);
    const ranking = await getRanking(user, year, now, { fresh: true });
    if (!ranking) return null;
    const t = translator(locale);
    const title = `${t('scorecard.rankingTitle')}（${year}）`;
    const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
    return withSampleMarks(t, {
      name: title,
      caption: caption(t, title, [`${t('scorecard.year')}：${year}`], now),
      columns: [
        { key: 'rank', header: t('scorecard.rank'), kind: 'count' },
        { key: 'name', header: t('scorecard.soe') },
        { key: 'zones', header: t('scorecard.zones'), kind: 'count' },
        ...ASSESSMENT_COMPONENTS.map((c) => ({ key: c, header: `${t(`scorecard.component_.${c}`)}（%，${t('scorecard.weight')} ${ranking.weights.weights[c]}%）`, kind: 'number' as const })),
        { key: 'score', header: t('scorecard.score'), kind: 'number' },
      ],
      rows: ranking.rows.map((r) => ({
        rank: r.rank, name: r.name, zones: r.zones,
        ...Object.fromEntries(ASSESSMENT_COMPONENTS.map((c) => [c, percent(r.components[c])])),
        score: r.score === null ? null : Math.round(r.score * 10) / 10,
      })),
    }, ranking.rows.map((r) => r.fromSample));
  },
  /** The cooperatives' dividends per village and year, beside the year's reported income (the villages in scope). */
  async dividends(user, params, locale, now = new Date()) {
    const t = translator(locale);
    const query = dividendListSchema.parse(params);
    const rows = await listDividends(user, query, MAX_EXPORT_ROWS + 1);
    const zone = query.zone ? (await db().zone.findUnique({ where: { id: query.zone }, select: { name: true } }))?.name : undefined;
    const filters = [...(query.year ? [`${t('cooperative.year')}：${query.year}`] : []), ...(zone ? [`${t('zones.title')}：${zone}`] : [])];
    return withSampleMarks(t, {
      name: t('cooperative.exportTitle'),
      caption: caption(t, t('cooperative.exportTitle'), filters, now),
      columns: [
        { key: 'year', header: t('cooperative.year'), kind: 'count' },
        { key: 'district', header: t('zones.district') },
        { key: 'zone', header: t('projects.zone') },
        { key: 'village', header: t('cooperative.village') },
        { key: 'cooperative', header: t('cooperative.heading') },
        { key: 'amount', header: yuan(t, t('cooperative.dividend')), kind: 'money' },
        { key: 'paidOn', header: t('cooperative.paidOn'), kind: 'date' },
        { key: 'income', header: yuan(t, t('cooperative.income')), kind: 'money' },
        { key: 'share', header: t('cooperative.exportShare'), kind: 'number' },
        { key: 'check', header: t('cooperative.aboveIncome') },
      ],
      rows: rows.map(({ isSample: _s, exceedsIncome, ...r }) => ({
        ...r,
        paidOn: r.paidOn?.toISOString().slice(0, 10) ?? null,
        share: r.income && Number(r.income) > 0 ? Math.round((Number(r.amount) / Number(r.income)) * 1000) / 10 : null,
        check: exceedsIncome ? t('cooperative.aboveIncome') : '',
      })),
    }, rows.map((r) => r.isSample));
  },
  /** The dashboard's income-sources figure as a table (one row per part). */
  async 'income-sources'(user, _params, locale, now = new Date()) {
    const t = translator(locale);
    const year = latestCompleteYear(now);
    const figure = await getIncomeSources(user, year, now, { fresh: true });
    return figure && incomeSourcesTable(t, figure, now);
  },
  async districts(user, _params, locale, now = new Date()) {
    if (!can(user, 'dashboard.read', {})) return null;
    const t = translator(locale);
    const year = latestCompleteYear(now);
    const [rows, marks] = await Promise.all([getDistrictBreakdown(year, now), getSampleMarks(year, now)]);
    return districtTable(t, rows, year, now, marks);
  },
};

/** Where a year's village income came from, a row per part with its share of the total. */
export function incomeSourcesTable(t: T, figure: NonNullable<Awaited<ReturnType<typeof getIncomeSources>>>, now: Date): Table {
  const title = t('incomeSources.title', { year: figure.year });
  const parts = (['total', 'dividends', 'projects', 'rest'] as const).map((key) => ({
    part: t(`incomeSources.${key}`).replace(/[：:]\s*$/, ''),
    amount: figure[key],
    share: Number(figure.total) > 0 ? Math.round((Number(figure[key]) / Number(figure.total)) * 1000) / 10 : null,
  }));
  return withSampleMarks(t, {
    name: t('incomeSources.sheet'),
    caption: [...caption(t, title, [], now), t('incomeSources.definition')],
    columns: [
      { key: 'part', header: t('incomeSources.part') },
      { key: 'amount', header: yuan(t, t('incomeSources.amount')), kind: 'money' },
      { key: 'share', header: t('incomeSources.shareHeader'), kind: 'number' },
    ],
    rows: parts,
  }, parts.map(() => figure.isSample));
}

/**
 * A dashboard table's sample marker: a column saying 示例 on each row computed from sample
 * records, and a note above the header when any row is (nothing at all on facts alone).
 */
export function withSampleMarks(t: T, table: Table, sample: boolean[]): Table {
  if (!sample.some(Boolean)) return table;
  return {
    ...table,
    caption: [...(table.caption ?? []), t('exports.sampleNote')],
    columns: [...table.columns, { key: 'sample', header: t('exports.sampleColumn') }],
    rows: table.rows.map((r, i) => ({ ...r, sample: sample[i] ? t('sample.tag') : '' })),
  };
}

export function soeTable(t: T, rows: Awaited<ReturnType<typeof getSoeLeaderboard>>, now: Date, marks: SampleMarks): Table {
  return withSampleMarks(t, {
    name: t('dashboard.soeBoard'),
    caption: caption(t, t('dashboard.soeBoard'), [], now),
    columns: [
      { key: 'name', header: t('projects.soe') },
      { key: 'zones', header: t('dashboard.zones'), kind: 'count' },
      { key: 'projects', header: t('dashboard.count'), kind: 'count' },
      { key: 'planned', header: yuan(t, t('dashboard.planned')), kind: 'money' },
      { key: 'made', header: yuan(t, t('dashboard.made')), kind: 'money' },
      { key: 'lastUpdate', header: t('dashboard.lastUpdate'), kind: 'date' },
      { key: 'stale', header: t('dashboard.stale'), kind: 'count' },
    ],
    rows: rows.map(({ id: _id, total: _total, level: _level, nameVerified, madeUnplanned: _unplanned, ...r }) => ({
      ...r,
      name: nameVerified ? r.name : `${r.name}（${t('soe.unverified')}）`,
      lastUpdate: r.lastUpdate?.toISOString().slice(0, 10) ?? null,
    })),
  }, rows.map((r) => marks.soes.includes(r.id)));
}

/** The dashboard's district table: what the page shows (all of a district's zones are paired ones: no second zone count). */
export function districtTable(t: T, rows: Awaited<ReturnType<typeof getDistrictBreakdown>>, year: number, now: Date, marks: SampleMarks): Table {
  return withSampleMarks(t, {
    name: t('dashboard.districts'),
    caption: caption(t, t('dashboard.districts'), [t('exports.incomeYear', { year })], now),
    columns: [
      { key: 'name', header: t('zones.district') },
      { key: 'pairedZones', header: t('dashboard.pairedZones'), kind: 'count' },
      { key: 'villages', header: t('dashboard.villages'), kind: 'count' },
      { key: 'accredited', header: t('dashboard.accredited'), kind: 'count' },
      { key: 'averageIncome', header: yuan(t, t('exports.avgIncomeYear', { year })), kind: 'money' },
      { key: 'projects', header: t('dashboard.count'), kind: 'count' },
    ],
    rows: rows.map(({ id, name, pairedZones, villages, accredited, averageIncome, projects }) =>
      id === null
        ? { name: t('dashboard.citywide'), pairedZones: null, villages: null, accredited: null, averageIncome: null, projects }
        : { name, pairedZones, villages, accredited, averageIncome, projects },
    ),
  }, rows.map((r) => marks.districts.includes(r.id)));
}
