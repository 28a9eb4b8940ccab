import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination, sortColumn } from '@/components/lists/list-controls';
import { DataTable } from '@/components/ui/data-table';
import { SampleTag } from '@/components/ui/sample-banner';
import { inputClassName } from '@/components/ui/styles';
import { requireUser } from '@/lib/auth/current-user';
import { toLocale } from '@/lib/i18n/config';
import { formatYuan } from '@/lib/i18n/format';
import { firstValues, PAGE_SIZE, type SearchParams } from '@/lib/lists/params';
import { listVillages, villageListSchema } from '@/lib/villages/queries';
import { listDistricts } from '@/lib/zones/queries';

/** The villages behind the dashboard's income figures: one year's villages of zones paired that year, with their income. */
export default async function VillagesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const current = firstValues(await searchParams);
  const params = villageListSchema.parse(current);
  const [t, locale, { rows, total }, districts] = await Promise.all([getTranslations(), getLocale().then(toLocale), listVillages(user, params), listDistricts()]);
  const band = params.band === undefined ? null : params.band >= 10 ? t('dashboard.bandOpen', { from: 100 }) : t('dashboard.bandLabel', { from: params.band * 10, to: params.band * 10 + 10 });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t('villages.title', { year: params.year })}</h1>
        <p className="text-sm text-slate-600">{t('dashboard.defs.income', { year: params.year })}</p>
      </div>
      <form method="get" className="grid gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-4">
        <label>
          {t('list.search')}
          <input name="q" defaultValue={params.q ?? ''} placeholder={t('zones.searchHint')} className={inputClassName} />
        </label>
        <label>
          {t('dashboard.year')}
          <input name="year" type="number" defaultValue={params.year} className={inputClassName} />
        </label>
        <label>
          {t('zones.district')}
          <select name="district" defaultValue={params.district ?? ''} className={inputClassName}>
            <option value="">{t('list.all')}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>{d.name}</option>
            ))}
          </select>
        </label>
        <label className="flex items-end gap-2">
          <input type="checkbox" name="missing" value="1" defaultChecked={params.missing === '1'} />
          {t('villages.missing')}
        </label>
        {params.band !== undefined && <input type="hidden" name="band" value={params.band} />}
        {band && <p className="self-end text-slate-700 sm:col-span-3">{t('dashboard.band')}：{band}</p>}
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-red-800 px-4 py-2 text-white">{t('list.apply')}</button>
          <Link href={`/villages?year=${params.year}`} className="py-2 text-slate-600 underline">{t('list.reset')}</Link>
        </div>
      </form>
      <p className="text-sm text-slate-600">{t('list.total', { count: total })}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-2">
        <DataTable
          rows={rows}
          rowKey={(v) => v.id}
          columns={[
            {
              label: t('zones.village'),
              sort: sortColumn('name', current),
              cell: (v) => (
                <>
                  <Link href={`/villages/${v.id}`} className="font-medium text-red-900 hover:underline">{v.name}</Link>
                  {v.isSample && <SampleTag />}
                </>
              ),
            },
            { label: t('zones.title'), sort: sortColumn('zone', current), cell: (v) => <Link href={`/zones/${v.zoneId}`} className="hover:underline">{v.zone}</Link> },
            { label: t('zones.district'), cell: (v) => v.district },
            { label: t('villages.income', { year: params.year }), numeric: true, cell: (v) => (v.income === null ? t('villages.notReported') : formatYuan(v.income, locale)) },
          ]}
        />
        {rows.length === 0 && <p className="p-4 text-sm text-slate-500">{t('dashboard.noData')}</p>}
      </div>
      <Pagination page={params.page} total={total} pageSize={PAGE_SIZE} current={current} />
    </div>
  );
}
