import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { EditProjectForm } from '@/components/projects/edit-project-form';
import { ProjectActivity } from '@/components/projects/project-activity';
import { DemoTag } from '@/components/ui/demo-banner';
import { requireUser } from '@/lib/auth/current-user';
import { toLocale } from '@/lib/i18n/config';
import { formatDate, formatYuan } from '@/lib/i18n/format';
import { getProject } from '@/lib/projects/queries';

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = Number((await params).id);
  const project = Number.isSafeInteger(id) && id > 0 ? await getProject(user, id) : null;
  if (!project) notFound();
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  return (
    <article className="space-y-4">
      <header>
        <h1 className="text-xl font-semibold">
          {project.name}
          {project.source?.isDemo && <DemoTag />}
        </h1>
        <p className="text-sm text-slate-600">
          {project.soe.name} · {project.zone?.name ?? t('projects.cityWide')} · {t(`status.${project.status}`)}
        </p>
        {project.sourceNote && !project.source?.isDemo && (
          <p className="mt-1 text-xs text-slate-500">
            {t('demo.factTag')}: {project.source?.title} — {project.sourceNote}
          </p>
        )}
      </header>
      <dl className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">{t('projects.planned')}</dt>
          <dd>{project.plannedInvestment ? formatYuan(project.plannedInvestment, locale) : t('projects.none')}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('projects.villages')}</dt>
          <dd>{project.villages.map((v) => v.name).join('、') || t('projects.none')}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('projects.updates')}</dt>
          <dd>
            {project.updates[0]
              ? `${formatDate(project.updates[0].period, locale)} · ${project.updates[0].progressPct}%`
              : t('projects.none')}
          </dd>
        </div>
      </dl>
      {project.description && <p className="text-sm">{project.description}</p>}
      <ProjectActivity project={project} />
      {project.canEdit && (
        <EditProjectForm
          project={{
            id: project.id,
            version: project.version,
            name: project.name,
            description: project.description,
            plannedInvestment: project.plannedInvestment,
          }}
        />
      )}
    </article>
  );
}
