import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ExportLinks } from '@/components/lists/list-controls';
import { DemoTag } from '@/components/ui/demo-banner';
import { requireUser } from '@/lib/auth/current-user';
import { toLocale } from '@/lib/i18n/config';
import { formatYuan } from '@/lib/i18n/format';
import { listProjects } from '@/lib/projects/queries';

export default async function ProjectsPage() {
  const user = await requireUser();
  const [t, locale, projects] = await Promise.all([getTranslations(), getLocale().then(toLocale), listProjects(user)]);
  const mine = user.role === 'SOE_LIAISON' || user.role === 'VILLAGE_COMMITTEE';
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{mine ? t('projects.mine') : t('projects.title')}</h1>
        <span className="flex items-center gap-4">
          {user.role === 'SOE_LIAISON' && (
            <Link href="/projects/new" className="rounded bg-red-800 px-3 py-1.5 text-sm text-white">{t('projectForm.new')}</Link>
          )}
          <ExportLinks path="/api/exports/projects" current={{}} />
        </span>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="p-2">{t('projects.name')}</th>
              <th scope="col" className="p-2">{t('projects.soe')}</th>
              <th scope="col" className="p-2">{t('projects.zone')}</th>
              <th scope="col" className="p-2">{t('projects.status')}</th>
              <th scope="col" className="p-2 text-right">{t('projects.planned')}</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => (
              <tr key={p.id} className="border-b border-slate-100">
                <td className="p-2">
                  <Link href={`/projects/${p.id}`} className="font-medium text-red-900 hover:underline">
                    {p.name}
                  </Link>
                  {p.isDemo && <DemoTag />}
                </td>
                <td className="p-2">{p.soe}</td>
                <td className="p-2">{p.zone ?? t('projects.cityWide')}</td>
                <td className="p-2">{t(`status.${p.status}`)}</td>
                <td className="p-2 text-right tabular-nums">{p.plannedInvestment ? formatYuan(p.plannedInvestment, locale) : t('projects.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {projects.length === 0 && <p className="p-4 text-sm text-slate-500">{t('projects.empty')}</p>}
      </div>
    </div>
  );
}
