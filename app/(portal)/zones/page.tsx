import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ExportLinks, Pagination, sortColumn, FilterActions } from '@/components/lists/list-controls';
import { DataTable } from '@/components/ui/data-table';
import { SampleTag } from '@/components/ui/sample-banner';
import { inputClassName } from '@/components/ui/styles';
import { ProgramMap } from '@/components/map/program-map';
import { requireUser } from '@/lib/auth/current-user';
import { getDashboard } from '@/lib/dashboard/overview';
import { parseMeasure } from '@/lib/map/model';
import { getMapModel } from '@/lib/map/queries';
import { toLocale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { firstValues, PAGE_SIZE, type SearchParams } from '@/lib/lists/params';
import { listDistricts, listZones, zoneListSchema } from '@/lib/zones/queries';

export default async function ZonesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const current = firstValues(await searchParams);
  const params = zoneListSchema.parse(current);
  const [t, locale, { rows, total }, districts] = await Promise.all([getTranslations(), getLocale().then(toLocale), listZones(user, params), listDistricts()]);
  // A district's view: its zones on the map, shaded by the dashboard's figures (for those who may read the dashboard).
  const dashboard = params.district ? await getDashboard(user) : null;
  const measure = parseMeasure(current.measure);
  const map = dashboard && params.district ? await getMapModel(user, dashboard, measure, params.district) : null;
  const measureHref = (m: string) => `/zones?${new URLSearchParams({ ...current, measure: m })}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-xl font-semibold">{t('zones.title')}</h1>
        <ExportLinks path="/api/exports/zones" current={current} />
      </div>
      {map && dashboard && map.focus && <ProgramMap model={map} locale={locale} year={dashboard.year} measureHref={measureHref} />}
      <form method="get" className="grid gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-4">
        <label>
          {t('list.search')}
          <input name="q" defaultValue={params.q ?? ''} placeholder={t('zones.searchHint')} className={inputClassName} />
        </label>
        <label>
          {t('zones.district')}
          <select name="district" defaultValue={params.district ?? ''} className={inputClassName}>
            <option value="">{t('list.all')}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('zones.modelZoneFilter')}
          <select name="modelZone" defaultValue={params.modelZone ?? ''} className={inputClassName}>
            <option value="">{t('list.all')}</option>
            <option value="accredited">{t('zones.accredited')}</option>
            <option value="candidate">{t('zones.candidate')}</option>
            <option value="none">{t('zones.notAccredited')}</option>
          </select>
        </label>
        <label className="flex items-end gap-2">
          <input type="checkbox" name="paired" value="1" defaultChecked={params.paired === '1'} />
          {t('zones.pairedNow')}
        </label>
        <FilterActions resetHref="/zones" />
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-2">
        <DataTable
          rows={rows}
          rowKey={(z) => z.id}
          columns={[
            {
              label: t('zones.title'),
              sort: sortColumn('name', current),
              cell: (z) => (
                <>
                  <Link href={`/zones/${z.id}`} className="font-medium text-red-900 hover:underline">{z.name}</Link>
                  {z.isSample && <SampleTag />}
                </>
              ),
            },
            { label: t('zones.district'), sort: sortColumn('district', current), cell: (z) => `${z.district}${z.township ? ` · ${z.township}` : ''}` },
            { label: t('zones.villages'), sort: sortColumn('villages', current), numeric: true, cell: (z) => z.villages },
            { label: t('zones.soes'), cell: (z) => z.soes.join('、') },
            { label: t('zones.accreditedAt'), sort: sortColumn('accreditedAt', current), cell: (z) => (z.accreditedAt ? formatDate(z.accreditedAt, locale) : '—') },
          ]}
        />
      </div>
      <Pagination page={params.page} total={total} pageSize={PAGE_SIZE} current={current} />
    </div>
  );
}
