import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/lists/list-controls';
import { SampleTag } from '@/components/ui/sample-banner';
import { inputClassName } from '@/components/ui/styles';
import { requireUser } from '@/lib/auth/current-user';
import { firstValues, PAGE_SIZE, type SearchParams } from '@/lib/lists/params';
import { listSoes, soeListSchema } from '@/lib/soes/queries';

export default async function SoesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const current = firstValues(await searchParams);
  const params = soeListSchema.parse(current);
  const [t, { rows: soes, total }] = await Promise.all([getTranslations(), listSoes(user, params)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('home.soes')}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <label>
          {t('list.search')}
          <input name="q" defaultValue={params.q ?? ''} placeholder={t('soe.searchHint')} className={inputClassName} />
        </label>
        <button type="submit" className="rounded bg-red-800 px-4 py-2 text-white">{t('list.apply')}</button>
        <Link href="/soes" className="py-2 text-slate-600 underline">{t('list.reset')}</Link>
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-2">
        <DataTable
          rows={soes}
          rowKey={(s) => s.id}
          columns={[
            {
              label: t('soe.name'),
              cell: (s) => (
                <>
                  <Link href={`/soes/${s.id}`} className="font-medium text-red-900 hover:underline">{s.name}</Link>
                  {!s.nameVerified && <span className="ml-2 text-xs text-rose-700">({t('soe.unverified')})</span>}
                  {s.isSample && <SampleTag />}
                </>
              ),
            },
            { label: t('soe.category'), cell: (s) => t(`enum.SoeCategory.${s.category}`) },
            { label: t('soe.level'), cell: (s) => t(`enum.SoeLevel.${s.level}`) },
            { label: t('soe.zones'), numeric: true, cell: (s) => s.zones },
            { label: t('soe.projects'), numeric: true, cell: (s) => s.projects },
          ]}
        />
      </div>
      <Pagination page={params.page} total={total} pageSize={PAGE_SIZE} current={current} />
    </div>
  );
}
