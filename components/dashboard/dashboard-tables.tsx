import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { ExportLinks } from '@/components/lists/list-controls';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Dashboard } from '@/lib/dashboard/overview';
import { toLocale } from '@/lib/i18n/config';
import { formatDate, formatYuan } from '@/lib/i18n/format';


export async function DashboardTables({ data }: { data: Dashboard }) {
  const [t, locale] = await Promise.all([getTranslations('dashboard'), getLocale().then(toLocale)]);
  const money = (v: string | null) => (v === null ? '—' : formatYuan(v, locale));
  const f = data.flags;
  const flagLists = [
    { title: t('staleProjects'), total: f.stale[0]?.total ?? 0, items: f.stale.map((p) => ({ key: `s${p.id}`, href: `/projects/${p.id}`, text: `${p.name} · ${p.soe} · ${p.lastUpdate ? formatDate(p.lastUpdate, locale) : '—'}` })) },
    { title: t('missingIncome', { year: data.year }), total: f.missingIncome[0]?.total ?? 0, items: f.missingIncome.map((v) => ({ key: `m${v.id}`, text: `${v.zone} · ${v.name}` })) },
    { title: t('overPopulation'), total: f.overPopulation[0]?.total ?? 0, items: f.overPopulation.map((b, i) => ({ key: `o${i}`, href: `/projects/${b.projectId}`, text: `${b.project} · ${b.village}: ${b.people} > ${b.population}` })) },
    { title: t('incomeJumps'), total: f.incomeJumps[0]?.total ?? 0, items: f.incomeJumps.map((j) => ({ key: `j${j.villageId}-${j.year}`, text: `${j.village} ${j.year}: ${money(j.previous)} → ${money(j.current)}` })) },
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-labelledby="soe-board" className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:col-span-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="soe-board" className="font-semibold">{t('soeBoard')}</h2>
          <ExportLinks path="/api/exports/soe-leaderboard" current={{}} />
        </div>
        <DataTable
          className="mt-2 text-sm"
          rows={data.soes}
          rowKey={(s) => s.id}
          columns={[
            { label: t('soeBoard'), cell: (s) => s.name },
            { label: t('zones'), numeric: true, cell: (s) => s.zones },
            { label: t('count'), numeric: true, cell: (s) => s.projects },
            { label: t('planned'), numeric: true, cell: (s) => money(s.planned) },
            { label: t('made'), numeric: true, cell: (s) => money(s.made) },
            { label: t('lastUpdate'), cell: (s) => (s.lastUpdate ? formatDate(s.lastUpdate, locale) : '—') },
            { label: t('stale'), numeric: true, cellClassName: (s) => (s.stale ? 'font-semibold text-amber-700' : ''), cell: (s) => s.stale },
          ]}
        />
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
          <h2 id="districts" className="font-semibold">{t('districts')}</h2>
          <ExportLinks path="/api/exports/districts" current={{}} />
        </div>
        <DataTable
          className="mt-2 text-sm"
          rows={data.districts}
          rowKey={(d) => d.id}
          columns={[
            { label: t('districts'), cell: (d) => d.name },
            { label: t('pairedZones'), numeric: true, cell: (d) => d.pairedZones },
            { label: t('villages'), numeric: true, cell: (d) => d.villages },
            { label: t('accredited'), numeric: true, cell: (d) => d.accredited },
            { label: t('avgIncome'), numeric: true, cell: (d) => money(d.averageIncome) },
            { label: t('count'), numeric: true, cell: (d) => d.projects },
          ]}
        />
      </section>
      <section aria-labelledby="flags" className="rounded-lg border border-amber-200 bg-amber-50/40 p-4 shadow-sm">
        <h2 id="flags" className="font-semibold">{t('flags')}</h2>
        {flagLists.map((list) => (
          <details key={list.title} className="mt-2 text-sm" open={list.total > 0 && list.total <= 5}>
            <summary className="cursor-pointer">
              {list.title} <span className="font-semibold text-amber-800">({t('flagCount', { count: list.total })})</span>
            </summary>
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
