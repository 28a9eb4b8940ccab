import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Definition } from '@/components/dashboard/definition';
import { ExportLinks, Pagination } from '@/components/lists/list-controls';
import { DataTable } from '@/components/ui/data-table';
import { SampleTag } from '@/components/ui/sample-banner';
import { portalNow } from '@/lib/clock';
import { FiguresAsOf } from '@/components/dashboard/figures-as-of';
import { getYearOnYear, type CompareFigures, type CompareRow } from '@/lib/dashboard/compare';
import { drill } from '@/lib/dashboard/links';
import { PROGRAM_START } from '@/lib/dates';
import { toLocale } from '@/lib/i18n/config';
import { formatDate, formatPeople, formatYuan } from '@/lib/i18n/format';
import { pageNumber, pageOf, TABLE_PAGE_SIZE } from '@/lib/lists/params';

// 同比: this year against the same stretch of last year, per SOE and per district
// (lib/dashboard/compare.ts). Access is the dashboard's (its layout asks the policy).
export default async function ComparePage({ searchParams }: { searchParams: Promise<{ year?: string; page?: string }> }) {
  const now = portalNow();
  const { year: asked, page: askedPage } = await searchParams;
  const years = Array.from({ length: now.getUTCFullYear() - PROGRAM_START.getUTCFullYear() + 1 }, (_, i) => now.getUTCFullYear() - i);
  const year = years.includes(Number(asked)) ? Number(asked) : years[0]!;
  const [t, locale, data] = await Promise.all([getTranslations('compare'), getLocale().then(toLocale), getYearOnYear(now, year)]);
  const sampleTag = <SampleTag />;
  const { periods: p, city, soes, districts, sample } = data;
  // The SOEs by pages (a province has thousands); the districts and the city are one table each.
  const soePage = pageOf(soes, pageNumber.parse(askedPage), TABLE_PAGE_SIZE);
  const current = { year: String(p.year) };
  const marks = { soe: new Set(sample.soes), district: new Set(sample.districts) };
  const date = (d: Date) => formatDate(d, locale);
  const period = p.toDate
    ? t('periodToDate', { from: date(new Date(Date.UTC(p.year, 0, 1))), to: date(p.to), lastFrom: date(new Date(Date.UTC(p.year - 1, 0, 1))), lastTo: date(p.lastTo) })
    : t('periodWhole', { year: p.year, last: p.year - 1 });
  const money = (v: string | null) => (v === null ? '—' : formatYuan(v, locale));
  const people = (v: number) => formatPeople(v, locale);
  const plain = (v: number) => String(v);

  /** The figure, then last year's and the change below it: one cell per measure keeps the table narrow. */
  const pair = (now: string | number | null, last: string | number | null, show: (v: never) => string) => {
    const change = now === null || last === null ? null : Number(now) - Number(last);
    const pct = change === null || Number(last) === 0 ? null : Math.round((change / Math.abs(Number(last))) * 1000) / 10;
    const tone = change === null || change === 0 ? 'text-slate-500' : change > 0 ? 'text-emerald-700' : 'text-rose-700';
    return (
      <>
        <span className="font-medium">{now === null ? '—' : show(now as never)}</span>
        <span className="block text-xs text-slate-500">
          {t('last')} {last === null ? '—' : show(last as never)}
          {pct !== null && <span className={`ml-1 ${tone}`}>{pct > 0 ? '+' : ''}{pct}%</span>}
        </span>
      </>
    );
  };
  const measures: { label: string; cell: (r: CompareFigures) => React.ReactNode }[] = [
    { label: t('investment'), cell: (r) => pair(r.investment, r.investmentLast, money) },
    { label: t('jobs'), cell: (r) => pair(r.jobs, r.jobsLast, people) },
    { label: t('incomeToVillages'), cell: (r) => pair(r.incomeToVillages, r.incomeToVillagesLast, money) },
    { label: t('accredited'), cell: (r) => pair(r.accredited, r.accreditedLast, plain) },
    { label: t('averageIncome', { year: p.incomeYear, last: p.incomeYear - 1 }), cell: (r) => pair(r.averageIncome, r.averageIncomeLast, money) },
  ];
  const columns = (name: { label: string; cell: (r: CompareRow) => React.ReactNode }) => [
    name,
    ...measures.map((m) => ({ label: m.label, numeric: true, cell: (r: CompareRow) => m.cell(r) })),
  ];
  const box = 'overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 shadow-sm';
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold">{t('title', { year: p.year })}</h1>
          <FiguresAsOf {...data.figuresAsOf} />
        </div>
        <Link href="/dashboard" className="text-sm text-red-800 underline">{t('back')}</Link>
      </div>
      <nav aria-label={t('years')} className="flex flex-wrap gap-2 text-sm">
        {years.map((y) => (
          <Link key={y} href={`/dashboard/compare?year=${y}`} aria-current={y === p.year ? 'page' : undefined}
            className={`rounded border px-2 py-1 ${y === p.year ? 'border-red-800 bg-red-50 font-semibold text-red-900' : 'border-slate-300 hover:border-red-800'}`}>
            {y}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-700">
        {period} {t('incomeYears', { year: p.incomeYear, last: p.incomeYear - 1 })} <Definition text={t('definition')} label={t('definitionLabel')} />
      </p>
      <section aria-labelledby="compare-city" className={box}>
        <h2 id="compare-city" className="font-semibold">{t('city')} {sample.city && sampleTag}</h2>
        <DataTable className="mt-2 text-sm" rows={[city]} rowKey={() => 'city'} rowSample={() => sample.city} columns={measures.map((m) => ({ label: m.label, numeric: true, cell: m.cell }))} />
      </section>
      {[
        { by: 'soe', title: t('bySoe'), rows: soePage.rows, total: soes.length, marked: marks.soe, name: t('soe'), note: null },
        { by: 'district', title: t('byDistrict'), rows: districts, total: null, marked: marks.district, name: t('district'), note: t('districtNote') },
      ].map(({ by, title, rows, total, marked, name, note }) => (
        <section key={by} aria-labelledby={`compare-${by}`} className={box}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id={`compare-${by}`} className="font-semibold">{title} {marked.size > 0 && sampleTag}</h2>
            <ExportLinks path="/api/exports/compare" current={{ year: String(p.year), by }} />
          </div>
          <DataTable
            className="mt-2 text-sm"
            rows={rows}
            rowKey={(r) => r.id ?? 'citywide'}
            rowSample={(r) => marked.has(r.id as number)}
            columns={columns({
              label: name,
              cell: (r) => (
                <>
                  <Link href={r.id === null ? drill.projects({ citywide: true }) : by === 'soe' ? drill.soe(r.id) : drill.zones({ district: r.id })}>
                    {r.name ?? t('citywide')}
                  </Link>
                  {marked.has(r.id as number) && sampleTag}
                </>
              ),
            })}
          />
          {total !== null && total > TABLE_PAGE_SIZE && <div className="mt-2"><Pagination page={soePage.page} total={total} pageSize={TABLE_PAGE_SIZE} current={current} hash={`#compare-${by}`} /></div>}
          {note && <p className="mt-2 text-xs text-slate-600">{note}</p>}
        </section>
      ))}
    </div>
  );
}
