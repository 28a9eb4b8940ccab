import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PioneerPosts } from '@/components/pioneers/pioneer-sections';
import { FeedbackForm } from '@/components/projects/feedback-form';
import { ProjectActivity } from '@/components/projects/project-activity';
import { ProjectForm } from '@/components/projects/project-form';
import { StatusForm } from '@/components/projects/status-form';
import { UpdateForm } from '@/components/projects/update-form';
import { MarkFeedbackSeen } from '@/components/todo/mark-feedback-seen';
import { SampleTag } from '@/components/ui/sample-banner';
import { requireUser } from '@/lib/auth/current-user';
import { parseId } from '@/lib/ids';
import { toLocale } from '@/lib/i18n/config';
import { formatDate, formatQuarter, formatYuan } from '@/lib/i18n/format';
import { getProject, listZoneVillages } from '@/lib/projects/queries';
import { currentQuarter, quarterKey } from '@/lib/dates';
import { STATUS_TRANSITIONS } from '@/lib/projects/status';
import { unseenFeedbackUpTo } from '@/lib/todo/queries';
import { DISCUSSION_STEPS } from '@/components/projects/project-activity';
import { attachmentsOfEvents, attachmentsOfFeedback, attachmentsOfUpdates } from '@/lib/attachments/queries';

/** The steps of an update's history that carry evidence of their own: a village's dispute, the liaison's answer. */
const DISCUSSION = new Set<string>(DISCUSSION_STEPS);

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const id = parseId((await params).id);
  const project = id === null ? null : await getProject(user, id);
  if (!project) notFound();
  const [t, locale, zoneVillages, unseenUpTo, evidence, byEvent, byFeedback] = await Promise.all([
    getTranslations(),
    getLocale().then(toLocale),
    project.canEdit ? listZoneVillages(project.zone?.id ?? null) : [],
    unseenFeedbackUpTo(user, project.id),
    attachmentsOfUpdates(user, project.updates.map((u) => u.id)),
    attachmentsOfEvents(user, project.updates.flatMap((u) => u.events.filter((e) => DISCUSSION.has(e.kind)).map((e) => e.id))),
    attachmentsOfFeedback(user, project.feedback.map((f) => f.id)),
  ]);
  const latest = project.updates[0];
  const created = (await searchParams).created === '1' && project.canEdit;
  const thisMonth = new Date().toISOString().slice(0, 7);
  const quarter = currentQuarter();
  return (
    <article className="space-y-4">
      <header>
        <h1 className="text-xl font-semibold">
          {project.name}
          {project.source?.isSample && <SampleTag />}
        </h1>
        <p className="text-sm text-slate-600">
          {project.soe.name} · {project.zone?.name ?? t('projects.cityWide')} · {t(`status.${project.status}`)} · {t(`enum.CooperationMode.${project.mode}`)} ·{' '}
          {t(`enum.CooperationMethod.${project.method}`)} · {t(`enum.OutcomeArea.${project.outcomeArea}`)}
        </p>
        {project.sourceNote && !project.source?.isSample && (
          <p className="mt-1 text-xs text-slate-500">
            {t('sample.factTag')}: {project.source?.title} — {project.sourceNote}
          </p>
        )}
      </header>
      {created && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t('projectForm.created')}
        </p>
      )}
      <dl className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-500">{t('projects.planned')}</dt>
          <dd>{project.plannedInvestment ? formatYuan(project.plannedInvestment, locale) : t('projects.none')}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('projects.villages')}</dt>
          <dd>{project.villages.map((v) => v.name).join('、') || t('projects.none')}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('projectForm.jointVenture')}</dt>
          {/* The venture is a record of the zone (partners, shares); the project links to it there. */}
          <dd>
            {project.jointVentureRecord ? (
              <Link href={`/zones/${project.jointVentureRecord.zoneId}#joint-venture-${project.jointVentureRecord.id}`} className="text-red-900 hover:underline">{project.jointVentureRecord.name}</Link>
            ) : t('projects.none')}
            {project.jointVentureRecord?.source?.isSample && <SampleTag />}
            {project.cooperative && <span className="block text-xs text-slate-600">{t('jointVenture.broughtInBy', { cooperative: project.cooperative.name })}</span>}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('projectForm.startDate')}</dt>
          <dd>{project.startDate ? formatDate(project.startDate, locale) : t('projects.none')}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('projectForm.endDate')}</dt>
          <dd>{project.endDate ? formatDate(project.endDate, locale) : t('projects.none')}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('dashboard.lastUpdate')}</dt>
          <dd>{latest ? `${formatDate(latest.period, locale)} · ${latest.progressPct}%` : t('projects.none')}</dd>
        </div>
      </dl>
      {project.description && <p className="text-sm">{project.description}</p>}
      {project.canEdit && (
        <>
          <StatusForm projectId={project.id} version={project.version} next={STATUS_TRANSITIONS[project.status]} />
          {project.status !== 'COMPLETED' && (
            <UpdateForm
              projectId={project.id}
              villages={project.villages}
              defaults={{
                // Never a month already posted: that one is corrected with 修改 on its update below.
                period: project.updates.some((u) => u.period.toISOString().slice(0, 7) === thisMonth) ? '' : thisMonth,
                progressPct: latest?.progressPct ?? 0,
                investmentToDate: latest?.investmentToDate ?? '0',
                jobsCreated: latest?.jobsCreated ?? 0,
                incomeToVillages: latest?.incomeToVillages ?? '0',
                beneficiaries: project.beneficiaries.filter((b) => b.village).map((b) => ({ villageId: b.village!.id, kind: b.kind, people: b.people, households: b.households })),
              }}
            />
          )}
        </>
      )}
      {project.canGiveFeedback && <FeedbackForm projectId={project.id} quarter={quarterKey(quarter)} quarterName={formatQuarter(quarter, locale)} existing={project.myFeedback} />}
      <PioneerPosts user={user} projectId={project.id} />
      <ProjectActivity project={project} evidence={{ byUpdate: evidence, canAttach: project.canAttachEvidence, byEvent, byFeedback }} />
      {unseenUpTo && <MarkFeedbackSeen projectId={project.id} upTo={unseenUpTo.toISOString()} />}
      {project.canEdit && (
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold">{t('projectForm.title')}</summary>
          <ProjectForm
            villages={zoneVillages}
            project={{
              id: project.id,
              version: project.version,
              name: project.name,
              mode: project.mode,
              method: project.method,
              outcomeArea: project.outcomeArea,
              batch: project.batch,
              plannedInvestment: project.plannedInvestment,
              startDate: day(project.startDate),
              endDate: day(project.endDate),
              description: project.description,
              villageIds: project.villages.map((v) => v.id),
            }}
          />
        </details>
      )}
    </article>
  );
}
