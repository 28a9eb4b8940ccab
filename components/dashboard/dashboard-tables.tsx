import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { ExportLinks } from '@/components/lists/list-controls';
import { getLocale, getTranslations } from 'next-intl/server';
import { SampleTag } from '@/components/ui/sample-banner';
import { drill } from '@/lib/dashboard/links';
import type { Dashboard } from '@/lib/dashboard/overview';
import { toLocale } from '@/lib/i18n/config';
import { formatDate, formatDateTime, formatYuan } from '@/lib/i18n/format';
import { Definition } from './definition';


export async function DashboardTables({ data }: { data: Dashboard }) {
  const [t, tAll, locale] = await Promise.all([getTranslations('dashboard'), getTranslations(), getLocale().then(toLocale)]);
  const sampleTag = <SampleTag />;
  const money = (v: string | null) => (v === null ? '—' : formatYuan(v, locale));
  const marks = data.sample;
  const f = data.flags;
  const flagLists = [
    { title: t('staleProjects'), definition: t('defs.stale'), total: f.stale[0]?.total ?? 0, items: f.stale.map((p) => ({ key: `s${p.id}`, href: `/projects/${p.id}`, text: `${p.name} · ${p.soe} · ${p.lastUpdate ? formatDate(p.lastUpdate, locale) : '—'}` })) },
    { title: t('missingIncome', { year: data.year }), href: drill.villages({ year: data.year, missing: true }), total: f.missingIncome[0]?.total ?? 0, items: f.missingIncome.map((v) => ({ key: `m${v.id}`, text: `${v.zone} · ${v.name}` })) },
    { title: t('overPopulation'), total: f.overPopulation[0]?.total ?? 0, items: f.overPopulation.map((b, i) => ({ key: `o${i}`, href: `/projects/${b.projectId}`, text: `${b.project} · ${b.village}: ${b.people} > ${b.population}` })) },
    { title: t('incomeJumps'), total: f.incomeJumps[0]?.total ?? 0, items: f.incomeJumps.map((j) => ({ key: `j${j.villageId}-${j.year}`, text: `${j.village} ${j.year}: ${money(j.previous)} → ${money(j.current)}` })) },
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-labelledby="soe-board" className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:col-span-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <span>
            <h2 id="soe-board" className="inline font-semibold">{t('soeBoard')}</h2>
            {marks.soes.length > 0 && sampleTag} <Definition text={`${t('defs.soeBoard')} ${t('defs.stale')}`} label={`${t('definition')}：${t('soeBoard')}`} />
          </span>
          <ExportLinks path="/api/exports/soe-leaderboard" current={{}} />
        </div>
        <DataTable
          className="mt-2 text-sm"
          rows={data.soes}
          rowKey={(s) => s.id}
          rowSample={(s) => marks.soes.includes(s.id)}
          columns={[
            {
              label: t('soeBoard'),
              cell: (s) => (
                <>
                  <Link href={drill.soe(s.id)}>{s.name}</Link>
                  {!s.nameVerified && <span className="ml-1 text-xs text-rose-700">({tAll('soe.unverified')})</span>}
                  {s.level === 'PROVINCIAL' && <span className="ml-1 text-xs text-slate-500">({t('provincial')})</span>}
                  {marks.soes.includes(s.id) && sampleTag}
                </>
              ),
            },
            { label: t('zones'), numeric: true, cell: (s) => s.zones },
            { label: t('count'), numeric: true, cell: (s) => <Link href={drill.projects({ soe: s.id })}>{s.projects}</Link> },
            { label: t('planned'), numeric: true, cell: (s) => money(s.planned) },
            {
              label: t('made'),
              numeric: true,
              cell: (s) => (
                <>
                  {money(s.made)}
                  {Number(s.madeUnplanned) > 0 && (
                    <span className="ml-1 text-amber-700" title={t('unplannedRow', { amount: money(s.madeUnplanned) })}>
                      *<span className="sr-only">{t('unplannedRow', { amount: money(s.madeUnplanned) })}</span>
                    </span>
                  )}
                </>
              ),
            },
            { label: t('lastUpdate'), cell: (s) => (s.lastUpdate ? formatDate(s.lastUpdate, locale) : '—') },
            {
              label: t('stale'),
              numeric: true,
              cellClassName: (s) => (s.stale ? 'font-semibold text-amber-700' : ''),
              cell: (s) => (s.stale ? <Link href={drill.projects({ soe: s.id, stale: true })}>{s.stale}</Link> : s.stale),
            },
          ]}
        />
        {data.soes.some((s) => Number(s.madeUnplanned) > 0) && (
          <p className="mt-2 text-xs text-amber-800">* {t('unplanned', { amount: money(data.projects.madeUnplanned), count: data.projects.projectsUnplanned })}</p>
        )}
        {(data.soes[0]?.total ?? 0) > data.soes.length && (
          <p className="mt-2 text-sm text-slate-600">
            {t('soeBoardMore', { shown: data.soes.length, total: data.soes[0]!.total })}{' '}
            <Link href="/soes" className="text-red-800 underline">
              {t('soeBoardAll')}
            </Link>
          </p>
        )}
      </section>
      <section aria-labelledby="districts" className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <span>
            <h2 id="districts" className="inline font-semibold">{t('districts')}</h2>
            {marks.districts.length > 0 && sampleTag} <Definition text={t('defs.districts', { year: data.year })} label={`${t('definition')}：${t('districts')}`} />
          </span>
          <ExportLinks path="/api/exports/districts" current={{}} />
        </div>
        <DataTable
          className="mt-2 text-sm"
          rows={data.districts}
          rowKey={(d) => d.id ?? 'citywide'}
          rowSample={(d) => marks.districts.includes(d.id)}
          columns={[
            {
              label: t('districts'),
              cell: (d) => (
                <>
                  {d.id === null ? <Link href={drill.projects({ citywide: true })}>{t('citywide')}</Link> : <Link href={drill.zones({ district: d.id })}>{d.name}</Link>}
                  {marks.districts.includes(d.id) && sampleTag}
                </>
              ),
            },
            { label: t('pairedZones'), numeric: true, cell: (d) => (d.id === null ? '—' : <Link href={drill.zones({ district: d.id, paired: true })}>{d.pairedZones}</Link>) },
            { label: t('villages'), numeric: true, cell: (d) => (d.id === null ? '—' : <Link href={drill.villages({ year: data.year, district: d.id })}>{d.villages}</Link>) },
            { label: t('accredited'), numeric: true, cell: (d) => (d.id === null ? '—' : <Link href={drill.zones({ district: d.id, modelZone: 'accredited' })}>{d.accredited}</Link>) },
            { label: t('avgIncome'), numeric: true, cell: (d) => (d.id === null ? '—' : money(d.averageIncome)) },
            { label: t('made'), numeric: true, cell: (d) => (d.id === null ? '—' : money(d.made)) },
            { label: t('count'), numeric: true, cell: (d) => <Link href={d.id === null ? drill.projects({ citywide: true }) : drill.projects({ district: d.id })}>{d.projects}</Link> },
          ]}
        />
      </section>
      <section aria-labelledby="flags" className="rounded-lg border border-amber-200 bg-amber-50/40 p-4 shadow-sm">
        <h2 id="flags" className="font-semibold">{t('flags')}</h2>
        {/* Only when the lists stand at another moment than the figures above (cache.ts). */}
        {data.flagsAsOf.at.getTime() !== data.figuresAsOf.at.getTime() && (
          <p className="text-xs text-slate-600" data-flags-as-of={data.flagsAsOf.at.toISOString()}>
            {t('flagsAsOf', { time: formatDateTime(data.flagsAsOf.at, locale) })}
          </p>
        )}
        {flagLists.map((list) => (
          <details key={list.title} className="mt-2 text-sm" open={list.total > 0 && list.total <= 5}>
            <summary className="cursor-pointer">
              {list.title} <span className="font-semibold text-amber-800">({t('flagCount', { count: list.total })})</span>
              {'definition' in list && list.definition && <span className="ml-1 text-xs text-slate-500">— {list.definition}</span>}
            </summary>
            {/* Outside the summary: a link inside it would be a control within a control. */}
            {'href' in list && list.href && (
              <p className="pl-4">
                <Link href={list.href} className="text-xs text-red-900 underline">{t('openList')}</Link>
              </p>
            )}
            {list.items.length === 0 ? (
              <p className="pl-4 text-slate-500">{t('none')}</p>
            ) : (
              <ul className="list-disc pl-6">
                {list.items.map((item) => (
                  <li key={item.key}>{'href' in item && item.href ? <Link href={item.href} className="text-red-900 hover:underline">{item.text}</Link> : item.text}</li>
                ))}
              </ul>
            )}
          </details>
        ))}
      </section>
    </div>
  );
}
