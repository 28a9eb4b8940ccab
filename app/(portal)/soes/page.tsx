import Link from 'next/link';
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
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">{t('soe.name')}</th>
              <th scope="col" className="py-2 pr-3">{t('soe.category')}</th>
              <th scope="col" className="py-2 pr-3">{t('soe.level')}</th>
              <th scope="col" className="py-2 pr-3 text-right">{t('soe.zones')}</th>
              <th scope="col" className="py-2 text-right">{t('soe.projects')}</th>
            </tr>
          </thead>
          <tbody>
            {soes.map((s) => (
              <tr key={s.id} className="border-b border-slate-100">
                <td className="py-2 pr-3">
                  <Link href={`/soes/${s.id}`} className="font-medium text-red-900 hover:underline">{s.name}</Link>
                  {!s.nameVerified && <span className="ml-2 text-xs text-rose-700">({t('soe.unverified')})</span>}
                  {s.isSample && <SampleTag />}
                </td>
                <td className="py-2 pr-3">{t(`enum.SoeCategory.${s.category}`)}</td>
                <td className="py-2 pr-3">{t(`enum.SoeLevel.${s.level}`)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{s.zones}</td>
                <td className="py-2 text-right tabular-nums">{s.projects}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={params.page} total={total} pageSize={PAGE_SIZE} current={current} />
    </div>
  );
}
