import { getTranslations } from 'next-intl/server';
import { DemoTag } from '@/components/ui/demo-banner';
import type { ProgramOverview } from '@/lib/program/queries';

export async function SoeTable({ soes }: { soes: ProgramOverview['soes'] }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="soes" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="soes" className="text-base font-semibold">
        {t('home.soes')} <span className="text-sm font-normal text-slate-500">{t('home.soeCount', { count: soes.length })}</span>
      </h2>
      <div className="mt-3 overflow-x-auto">
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
                <td className="py-2 pr-3 font-medium">
                  {s.name}
                  {!s.nameVerified && <span className="ml-2 text-xs text-rose-700">({t('soe.unverified')})</span>}
                  {s.isDemo && <DemoTag />}
                </td>
                <td className="py-2 pr-3">{t(`enum.SoeCategory.${s.category}`)}</td>
                <td className="py-2 pr-3">{t(`enum.SoeLevel.${s.level}`)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{s.zones}</td>
                <td className="py-2 text-right tabular-nums">{s.projects}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {soes.length === 0 && <p className="py-4 text-sm text-slate-500">{t('home.empty')}</p>}
      </div>
    </section>
  );
}
