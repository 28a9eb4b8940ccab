import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { PrintButton } from '@/components/briefing/print-button';
import { IncomeSvg, TrajectorySvg } from '@/components/briefing/svg-charts';
import { headlineValues, type HeadlineId } from '@/components/dashboard/headline';
import { ProgramMap } from '@/components/map/program-map';
import { DataTable } from '@/components/ui/data-table';
import { requireUser } from '@/lib/auth/current-user';
import { can, sqlScope, type SessionUser } from '@/lib/auth/policy';
import { portalNow } from '@/lib/clock';
import { getDashboard, type Dashboard } from '@/lib/dashboard/overview';
import { getSoeLeaderboard } from '@/lib/dashboard/queries';
import { parseCalendarDate } from '@/lib/dates';
import { toLocale, type Locale } from '@/lib/i18n/config';
import { formatDate, formatYuan } from '@/lib/i18n/format';
import { translator } from '@/lib/i18n/translator';
import { firstValues, type SearchParams } from '@/lib/lists/params';
import { getMapModel } from '@/lib/map/queries';
import { getPhaseResult, listPhases, phasesAt, type Phase } from '@/lib/program/phases';

// The 简报: the dashboard's own figures (getDashboard, the same call and cache), laid out for
// one or two A4 pages. Scoped as the dashboard: a liaison's SOE table, map and attention list
// are its SOE's (the policy's scopes); the citywide figures are everyone's.

const SOE_ROWS = 10;
const FLAG_ITEMS = 3;

/** The briefing's day: `date` when it is a real day not after today, else today (at noon China time, as portalNow pins). */
function briefingNow(date: string | undefined) {
  const today = portalNow();
  const day = date ? parseCalendarDate(date) : null;
  if (!day) return { now: today, refused: Boolean(date) };
  const now = new Date(day.getTime() + 4 * 3_600_000);
  return now > today ? { now: today, refused: true } : { now, refused: false };
}

async function soeRows(user: SessionUser, data: Dashboard) {
  if (sqlScope(user).all) return data.soes.slice(0, SOE_ROWS);
  // A liaison: its own SOE's row, wherever it stands in the leaderboard.
  return (await getSoeLeaderboard(data.now, null)).filter((s) => can(user, 'soe.read', { soeId: s.id }));
}

/** The phase the briefing reports on: the one asked for, else the dashboard's (running, or latest ended). */
async function chosenPhase(id: number | null, data: Dashboard) {
  const phases = await listPhases();
  const wanted = phases.find((p) => p.id === id) ?? phases.find((p) => p.id === (data.phases.current ?? data.phases.ended)?.id) ?? null;
  if (!wanted) return { phases, phase: null, result: null };
  const ended = phasesAt([wanted], data.now).ended !== null;
  const result = ended && wanted.targets ? await getPhaseResult({ ...wanted, targets: wanted.targets }) : null;
  return { phases, phase: wanted, result };
}

export default async function BriefingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = firstValues(await searchParams);
  const { now, refused } = briefingNow(params.date);
  const data = await getDashboard(user, now, { fresh: true });
  if (!data) notFound();
  const locale = toLocale(await getLocale());
  const t = translator(locale);
  const [map, soes, { phases, phase, result }] = await Promise.all([
    getMapModel(user, data, 'income'),
    soeRows(user, data),
    chosenPhase(Number(params.phase) || null, data),
  ]);
  const ownSoe = sqlScope(user).all ? undefined : soes[0]?.name;
  const headline = headlineValues(data, t, locale);
  const date = (d: Date) => formatDate(d, locale);
  const day = now.toISOString().slice(0, 10);
  const pdfHref = process.env.PDF_CHROMIUM_PATH ? `/api/briefing/pdf?${new URLSearchParams({ ...(phase ? { phase: String(phase.id) } : {}), date: day })}` : null;
  return (
    <article className="briefing mx-auto max-w-[186mm] space-y-3 text-[13px] leading-snug print:text-[11px]">
      <form method="get" className="flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-white p-2 text-sm print:hidden">
        <label className="flex flex-col">
          {t('briefing.phase')}
          <select name="phase" defaultValue={phase?.id ?? ''} className="rounded border border-slate-300 px-2 py-1">
            {phases.length === 0 && <option value="">{t('briefing.noPhase')}</option>}
            {phases.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t('briefing.date')}
          <input type="date" name="date" defaultValue={day} max={portalNow().toISOString().slice(0, 10)} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded border border-red-800 px-3 py-1.5 text-red-900">{t('briefing.show')}</button>
        <span className="ml-auto">
          <PrintButton label={t('briefing.download')} pdfHref={pdfHref} />
        </span>
        {refused && <p role="alert" className="w-full text-rose-800">{t('briefing.dateInvalid')}</p>}
      </form>

      <header className="flex flex-wrap items-start justify-between gap-2 border-b-2 border-red-800 pb-2">
        <div>
          <h1 className="text-lg font-bold">{t('briefing.title')}</h1>
          <p className="text-slate-700">
            {t('briefing.asOf', { date: date(now) })} · {ownSoe ? t('briefing.scopeSoe', { soe: ownSoe }) : t('briefing.scopeCity')}
          </p>
        </div>
        <span className="rounded border-2 border-red-800 px-2 py-0.5 font-bold text-red-800" data-internal>{t('briefing.internal')}</span>
      </header>
      {hasSample(data) && (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-amber-900" data-sample-mark>
          {t('briefing.sampleMark')}
        </p>
      )}

      <section aria-labelledby="b-headline" className="break-inside-avoid">
        <h2 id="b-headline" className="font-semibold">{t('briefing.headline')}</h2>
        <Headline data={data} headline={headline} t={t} locale={locale} />
        {phase && <PhaseLine phase={phase} result={result} t={t} locale={locale} />}
      </section>

      <div className="break-inside-avoid">
        <ProgramMap model={map} locale={locale} year={data.year} measureHref={null} id="briefing-map" />
      </div>

      <section aria-labelledby="b-charts" className="break-inside-avoid">
        <h2 id="b-charts" className="font-semibold">{t('briefing.charts')}</h2>
        <div className="grid grid-cols-2 gap-3">
          <figure>
            <figcaption className="text-xs text-slate-600">{t('dashboard.chartAccreditation')}</figcaption>
            <TrajectorySvg data={data} labels={{ title: t('dashboard.chartAccreditation'), actual: t('dashboard.actual'), trajectory: t('dashboard.trajectory'), target: t('dashboard.target') }} />
          </figure>
          <figure>
            <figcaption className="text-xs text-slate-600">{t('dashboard.chartIncome')}</figcaption>
            <IncomeSvg data={data} locale={locale} labels={{ title: t('dashboard.chartIncome') }} />
          </figure>
        </div>
      </section>

      <section aria-labelledby="b-soes" className="break-before-page">
        <h2 id="b-soes" className="font-semibold">{ownSoe ? t('briefing.soesOwn') : t('briefing.soes', { count: soes.length })}</h2>
        <DataTable
          dense
          className="briefing-table text-[12px] print:text-[10px]"
          rows={soes}
          rowKey={(s) => s.id}
          rowSample={(s) => data.sample.soes.includes(s.id)}
          columns={[
            { label: t('dashboard.soeBoard'), cell: (s) => <>{s.name}{data.sample.soes.includes(s.id) && <SampleMark t={t} />}</> },
            { label: t('dashboard.zones'), numeric: true, cell: (s) => s.zones },
            { label: t('dashboard.count'), numeric: true, cell: (s) => s.projects },
            { label: t('dashboard.planned'), numeric: true, cell: (s) => formatYuan(s.planned, locale) },
            { label: t('dashboard.made'), numeric: true, cell: (s) => formatYuan(s.made, locale) },
            { label: t('dashboard.stale'), numeric: true, cell: (s) => s.stale },
          ]}
        />
      </section>

      <section aria-labelledby="b-districts" className="break-inside-avoid">
        <h2 id="b-districts" className="font-semibold">{t('briefing.districts')}</h2>
        <DataTable
          dense
          className="briefing-table text-[12px] print:text-[10px]"
          rows={data.districts}
          rowKey={(d) => d.id ?? 'citywide'}
          rowSample={(d) => data.sample.districts.includes(d.id)}
          columns={[
            { label: t('dashboard.districts'), cell: (d) => <>{d.name ?? t('dashboard.citywide')}{data.sample.districts.includes(d.id) && <SampleMark t={t} />}</> },
            { label: t('dashboard.pairedZones'), numeric: true, cell: (d) => (d.id === null ? '—' : d.pairedZones) },
            { label: t('dashboard.villages'), numeric: true, cell: (d) => (d.id === null ? '—' : d.villages) },
            { label: t('dashboard.accredited'), numeric: true, cell: (d) => (d.id === null ? '—' : d.accredited) },
            { label: t('dashboard.avgIncome'), numeric: true, cell: (d) => (d.id === null || d.averageIncome === null ? '—' : formatYuan(d.averageIncome, locale)) },
            { label: t('dashboard.made'), numeric: true, cell: (d) => (d.made === null ? '—' : formatYuan(d.made, locale)) },
            { label: t('dashboard.count'), numeric: true, cell: (d) => d.projects },
          ]}
        />
      </section>

      <section aria-labelledby="b-attention" className="break-inside-avoid">
        <h2 id="b-attention" className="font-semibold">{t('briefing.attention')}</h2>
        <Attention data={data} t={t} locale={locale} />
      </section>

      <section aria-labelledby="b-defs" className="break-inside-avoid text-[11px] text-slate-700 print:text-[9px]">
        <h2 id="b-defs" className="font-semibold text-slate-900">{t('briefing.definitions')}</h2>
        <dl className="grid grid-cols-1 gap-x-3">
          {(
            [
              ['modelZones', t('dashboard.defs.modelZones', { target: data.goal.zones, deadline: date(data.goal.zonesDeadline) })],
              ['income', t('dashboard.defs.income', { year: data.year })],
              ['investment', t('dashboard.defs.investment')],
              ['districts', t('dashboard.defs.districts', { year: data.year })],
              ['stale', t('dashboard.defs.stale')],
              ['counting', t('dashboard.defs.counting')],
              ['sample', t('dashboard.defs.sample')],
            ] as const
          ).map(([key, text]) => (
            <div key={key}>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-1">{t('briefing.sources')}</p>
        <p className="mt-1">{t('briefing.generated', { date: date(portalNow()) })} · {t('briefing.internal')}</p>
      </section>
    </article>
  );
}

type T = ReturnType<typeof translator>;

function hasSample(data: Dashboard) {
  const s = data.sample;
  return s.zones || s.income || s.projects || s.participation || s.beneficiaries || s.districts.length > 0 || s.soes.length > 0;
}

function SampleMark({ t }: { t: T }) {
  return <span className="ml-1 rounded bg-amber-100 px-1 text-[10px] text-amber-900">{t('sample.tag')}</span>;
}

function Headline({ data, headline, t, locale }: { data: Dashboard; headline: Record<HeadlineId, string>; t: T; locale: Locale }) {
  const s = data.sample;
  const figures: { id: HeadlineId; title: string; target?: string; sample: boolean; tone?: boolean }[] = [
    { id: 'modelZones', title: t('dashboard.modelZones'), target: `${data.goal.zones}`, sample: s.zones, tone: data.zones.accredited >= data.goal.zones },
    { id: 'income', title: t('dashboard.income', { year: data.year }), target: formatYuan(data.goal.income, locale), sample: s.income, tone: data.income.met },
    { id: 'projects', title: t('dashboard.projects'), sample: s.projects },
    { id: 'participation', title: t('dashboard.participation'), sample: s.participation },
    { id: 'investment', title: t('dashboard.investment'), sample: s.projects },
    { id: 'jobs', title: t('dashboard.jobs'), sample: s.projects },
    { id: 'incomeToVillages', title: t('dashboard.incomeToVillages'), sample: s.projects },
    { id: 'beneficiaries', title: t('dashboard.beneficiaries'), sample: s.beneficiaries },
  ];
  return (
    <dl className="mt-1 grid grid-cols-2 gap-1.5 sm:grid-cols-4">
      {figures.map((f) => (
        <div key={f.id} className="rounded border border-slate-300 px-2 py-1" data-kpi={f.id}>
          <dt className="text-[11px] text-slate-600">
            {f.title}
            {f.sample && <SampleMark t={t} />}
          </dt>
          <dd className={`font-semibold tabular-nums ${f.tone === undefined ? '' : f.tone ? 'text-emerald-800' : 'text-amber-800'}`} data-value>
            {headline[f.id]}
          </dd>
          {f.target && (
            <dd className="text-[10px] text-slate-600">
              {t('briefing.target')}：{f.target} · {f.tone ? t('briefing.met') : t('briefing.notMet')}
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

function PhaseLine({ phase, result, t, locale }: { phase: Phase; result: Awaited<ReturnType<typeof getPhaseResult>> | null; t: T; locale: Locale }) {
  const span = { name: phase.name, start: formatDate(phase.startsOn, locale), end: formatDate(phase.endsOn, locale) };
  if (!result) return <p className="mt-1 text-slate-700" data-phase="running">{t('briefing.phaseRunning', span)}</p>;
  const met = (m: boolean) => (m ? t('briefing.met') : t('briefing.notMet'));
  return (
    <p className="mt-1 text-slate-800" data-phase="ended">
      {t('briefing.phaseEnded', span)} {t('briefing.zonesResult', { actual: result.zones.actual, target: result.zones.target, met: met(result.zones.met) })}；
      {result.income.average === null
        ? t('briefing.incomeResultNone', { year: result.year })
        : t('briefing.incomeResult', { year: result.year, average: formatYuan(result.income.average, locale), target: formatYuan(result.income.target, locale), met: met(result.income.met) })}
    </p>
  );
}

function Attention({ data, t, locale }: { data: Dashboard; t: T; locale: Locale }) {
  const f = data.flags;
  const lists = [
    { key: 'stale', title: t('dashboard.staleProjects'), total: f.stale[0]?.total ?? 0, items: f.stale.map((p) => `${p.name} · ${p.soe}`) },
    { key: 'missing', title: t('dashboard.missingIncome', { year: data.year }), total: f.missingIncome[0]?.total ?? 0, items: f.missingIncome.map((v) => `${v.zone} · ${v.name}`) },
    { key: 'over', title: t('dashboard.overPopulation'), total: f.overPopulation[0]?.total ?? 0, items: f.overPopulation.map((b) => `${b.project} · ${b.village}`) },
    {
      key: 'jumps',
      title: t('dashboard.incomeJumps'),
      total: f.incomeJumps[0]?.total ?? 0,
      items: f.incomeJumps.map((j) => `${j.village} ${j.year}: ${j.previous === null ? '—' : formatYuan(j.previous, locale)} → ${j.current === null ? '—' : formatYuan(j.current, locale)}`),
    },
  ];
  return (
    <ul className="space-y-0.5">
      {lists.map((l) => (
        <li key={l.key} data-flag={l.key}>
          <span className="font-medium">{l.title}</span>：{t('dashboard.flagCount', { count: l.total })}
          {l.items.length > 0 && (
            <span className="text-slate-700">
              {' '}— {l.items.slice(0, FLAG_ITEMS).join('；')}
              {l.total > FLAG_ITEMS && ` ${t('briefing.attentionMore', { count: l.total })}`}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
