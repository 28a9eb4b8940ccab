import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/lists/list-controls';
import { EndPairingForm, PairingForm, SoeForm, VillageForm, ZoneForm } from '@/components/master/master-forms';
import { inputClassName } from '@/components/ui/styles';
import { requireUser } from '@/lib/auth/current-user';
import { toLocale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { z } from 'zod';
import { firstValues, pageNumber, searchText, type SearchParams } from '@/lib/lists/params';
import { getMasterData, PAIRINGS_PER_PAGE } from '@/lib/pairings/queries';

const paramsSchema = z.object({ zone: searchText, soe: searchText, page: pageNumber });

export default async function MasterDataPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const current = firstValues(await searchParams);
  const params = paramsSchema.parse(current);
  const data = await getMasterData(user, params);
  if (!data) notFound();
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  const section = (id: string, title: string, body: React.ReactNode) => (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-2 font-semibold">{title}</h2>
      {body}
    </section>
  );
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('master.title')}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <label>
          {t('master.searchZone')}
          <input name="zone" defaultValue={params.zone ?? ''} className={inputClassName} />
        </label>
        <label>
          {t('master.searchSoe')}
          <input name="soe" defaultValue={params.soe ?? ''} className={inputClassName} />
        </label>
        <button type="submit" className="rounded bg-red-800 px-4 py-2 text-white">{t('list.apply')}</button>
        <Link href="/admin/master" className="py-2 text-slate-600 underline">{t('list.reset')}</Link>
        {(data.zoneCount > data.zones.length || data.soeCount > data.soes.length) && (
          <p role="status" className="basis-full text-amber-800">
            {t('master.truncated', { zones: data.zones.length, zoneCount: data.zoneCount, soes: data.soes.length, soeCount: data.soeCount })}
          </p>
        )}
      </form>
      {section('new-soe', t('master.createSoe'), <SoeForm />)}
      {section('new-zone', t('master.createZone'), <ZoneForm districts={data.districts} />)}
      {section('new-village', t('master.createVillage'), <VillageForm zones={data.zones} />)}
      {section('new-pairing', t('master.createPairing'), <PairingForm soes={data.soes} zones={data.zones} />)}
      {section(
        'pairings',
        t('master.pairings'),
        <DataTable
          dense
          rows={data.pairings}
          rowKey={(p) => p.id}
          columns={[
            { label: t('zones.title'), cell: (p) => p.zone.name },
            { label: t('soe.name'), cell: (p) => p.soe.name },
            { label: t('master.since'), cell: (p) => t('zones.since', { date: formatDate(p.since, locale) }) },
            { label: t('master.endPairing'), hideLabel: true, wide: true, cell: (p) => <EndPairingForm pairingId={p.id} version={p.version} soe={p.soe.name} zone={p.zone.name} /> },
          ]}
        />,
      )}
      <Pagination page={params.page} total={data.pairingCount} pageSize={PAIRINGS_PER_PAGE} current={current} />
    </div>
  );
}
