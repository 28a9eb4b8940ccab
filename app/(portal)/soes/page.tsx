import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DemoTag } from '@/components/ui/demo-banner';
import { requireUser } from '@/lib/auth/current-user';
import { listSoes } from '@/lib/soes/queries';

export default async function SoesPage() {
  const user = await requireUser();
  const [t, soes] = await Promise.all([getTranslations(), listSoes(user)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('home.soes')}</h1>
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
      </div>
    </div>
  );
}
