import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ExportLinks, Pagination, sortColumn } from '@/components/lists/list-controls';
import { DataTable } from '@/components/ui/data-table';
import { SampleTag } from '@/components/ui/sample-banner';
import { inputClassName } from '@/components/ui/styles';
import { requireUser } from '@/lib/auth/current-user';
import { can, homePath } from '@/lib/auth/policy';
import { TodoPanel } from '@/components/todo/todo-panel';
import { CooperationMode, OutcomeArea, ProjectStatus } from '@/lib/db/enums';
import { toLocale } from '@/lib/i18n/config';
import { formatMonth, formatYuan } from '@/lib/i18n/format';
import { firstValues, PAGE_SIZE, type SearchParams } from '@/lib/lists/params';
import { listProjects, projectListSchema } from '@/lib/projects/queries';
import { listSoeChoices } from '@/lib/soes/queries';
import { listDistricts } from '@/lib/zones/queries';

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const current = firstValues(await searchParams);
  const params = projectListSchema.parse(current);
  const [t, locale, { rows, total }, soes, districts] = await Promise.all([
    getTranslations(),
    getLocale().then(toLocale),
    listProjects(user, params),
    listSoeChoices(user),
    listDistricts(),
  ]);
  const mine = !can(user, 'project.readAll', {});
  // Where the user lands (a liaison team, a village committee), the list opens with the to-do; not once filtered or paged.
  const landing = homePath(user) === '/projects' && Object.keys(current).length === 0;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{mine ? t('projects.mine') : t('projects.title')}</h1>
        <span className="flex items-center gap-4">
          {can(user, 'project.propose', {}) && (
            <Link href="/projects/new" className="rounded bg-red-800 px-3 py-1.5 text-sm text-white">{t('projectForm.new')}</Link>
          )}
          <ExportLinks path="/api/exports/projects" current={current} />
        </span>
      </div>
      {landing && <TodoPanel user={user} limit={5} />}
      <form method="get" className="grid gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <label className="lg:col-span-2">
          {t('list.search')}
          <input name="q" defaultValue={params.q ?? ''} placeholder={t('projects.searchHint')} className={inputClassName} />
        </label>
        <label>
          {t('projects.status')}
          <select name="status" defaultValue={params.status ?? ''} className={inputClassName}>
            <option value="">{t('list.all')}</option>
            {Object.values(ProjectStatus).map((s) => (
              <option key={s} value={s}>{t(`status.${s}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('projectForm.mode')}
          <select name="mode" defaultValue={params.mode ?? ''} className={inputClassName}>
            <option value="">{t('list.all')}</option>
            {Object.values(CooperationMode).map((m) => (
              <option key={m} value={m}>{t(`enum.CooperationMode.${m}`)}</option>
            ))}
          </select>
        </label>
        {soes.length > 1 && (
          <label>
            {t('projects.soe')}
            <select name="soe" defaultValue={params.soe ?? ''} className={inputClassName}>
              <option value="">{t('list.all')}</option>
              {soes.map((s) => (
                <option key={s.id} value={s.id}>{s.name}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('exports.outcomeArea')}
          <select name="outcome" defaultValue={params.outcome ?? ''} className={inputClassName}>
            <option value="">{t('list.all')}</option>
            {Object.values(OutcomeArea).map((o) => (
              <option key={o} value={o}>{t(`enum.OutcomeArea.${o}`)}</option>
            ))}
          </select>
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
        {/* Filters the dashboard links to, kept when the form is submitted; shown as words. */}
        {params.citywide && <input type="hidden" name="citywide" value="1" />}
        {params.stale && <input type="hidden" name="stale" value="1" />}
        {(params.citywide || params.stale) && (
          <p className="self-end text-slate-700 sm:col-span-3 lg:col-span-6">
            {[params.citywide && t('dashboard.citywide'), params.stale && t('dashboard.staleProjects')].filter(Boolean).join(' · ')}
          </p>
        )}
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-red-800 px-4 py-2 text-white">{t('list.apply')}</button>
          <Link href="/projects" className="py-2 text-slate-600 underline">{t('list.reset')}</Link>
        </div>
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-2">
        <DataTable
          rows={rows}
          rowKey={(p) => p.id}
          columns={[
            {
              label: t('projects.name'),
              sort: sortColumn('name', current),
              cell: (p) => (
                <>
                  <Link href={`/projects/${p.id}`} className="font-medium text-red-900 hover:underline">{p.name}</Link>
                  {p.isSample && <SampleTag />}
                </>
              ),
            },
            { label: t('projects.soe'), sort: sortColumn('soe', current), cell: (p) => p.soe },
            { label: t('projects.zone'), sort: sortColumn('zone', current), cell: (p) => p.zone ?? t('projects.cityWide') },
            { label: t('projects.status'), sort: sortColumn('status', current), cell: (p) => t(`status.${p.status}`) },
            { label: t('projects.planned'), sort: sortColumn('planned', current), numeric: true, cell: (p) => (p.plannedInvestment ? formatYuan(p.plannedInvestment, locale) : t('projects.none')) },
            { label: t('dashboard.lastUpdate'), cell: (p) => (p.lastUpdate ? `${formatMonth(p.lastUpdate, locale)} · ${p.progressPct}%` : t('projects.none')) },
          ]}
        />
        {rows.length === 0 && <p className="p-4 text-sm text-slate-500">{t('projects.empty')}</p>}
      </div>
      <Pagination page={params.page} total={total} pageSize={PAGE_SIZE} current={current} />
    </div>
  );
}
