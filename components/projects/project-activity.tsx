import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { toLocale } from '@/lib/i18n/config';
import { formatCount, formatDate, formatMonth, formatPeople, formatQuarter, formatYuan } from '@/lib/i18n/format';
import { SampleTag } from '@/components/ui/sample-banner';
import { exceedsPopulation } from '@/lib/metrics/quality';
import type { getProject } from '@/lib/projects/queries';
import { ReviewForm } from './review-form';
import { CloseDisputeForm, ReasonForm, ReviseForm } from './correction-forms';
import { EvidenceList } from '@/components/attachments/evidence-list';
import { EvidenceUpload } from '@/components/attachments/evidence-upload';
import type { AttachmentItem } from '@/lib/attachments/queries';

type Project = NonNullable<Awaited<ReturnType<typeof getProject>>>;

const confirmationClass = {
  PENDING: 'bg-slate-100 text-slate-700',
  CONFIRMED: 'bg-emerald-50 text-emerald-800',
  DISPUTED: 'bg-rose-100 text-rose-800',
  RETURNED: 'bg-amber-50 text-amber-800',
  EXCLUDED: 'bg-slate-200 text-slate-600',
};

/**
 * Each update's evidence, and whether this user may add to it (the liaison team, the village it concerns);
 * the evidence of each dispute and answer (`byEvent`) and of each feedback entry (`byFeedback`).
 */
type Evidence = { byUpdate: Map<number, AttachmentItem[]>; canAttach: boolean; byEvent: Map<number, AttachmentItem[]>; byFeedback: Map<number, AttachmentItem[]> };

/** The steps of an update's history that carry evidence of their own: a village's dispute, the liaison's answer. */
export const DISCUSSION_STEPS = ['DISPUTED', 'ANSWERED'] as const;
const isDiscussion = (kind: string): kind is (typeof DISCUSSION_STEPS)[number] => (DISCUSSION_STEPS as readonly string[]).includes(kind);

/** The project's updates timeline (disputed figures marked, evidence beside each), beneficiaries and village feedback. */
export async function ProjectActivity({ project, evidence }: { project: Project; evidence: Evidence }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  const figureLabels = {
    progressPct: t('updateForm.progress'),
    investmentToDate: t('dashboard.made'),
    jobsCreated: t('dashboard.jobs'),
    incomeToVillages: t('dashboard.incomeToVillages'),
    narrative: t('updateForm.narrative'),
  };
  return (
    <>
      <section aria-labelledby="updates" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="updates" className="font-semibold">{t('projects.updates')}</h2>
        {project.updates.length === 0 && <p className="text-sm text-slate-500">{t('projects.none')}</p>}
        <ol className="mt-2 space-y-3 border-l-2 border-red-200 pl-4 text-sm">
          {project.updates.map((u) => (
            <li key={u.id} id={`update-${u.id}`} className="scroll-mt-4 target:rounded target:bg-amber-50">
              <p className="font-medium">
                {formatMonth(u.period, locale)} · {u.progressPct}%{' '}
                <span className={`ml-1 rounded px-1.5 py-0.5 text-xs ${confirmationClass[u.confirmation]}`}>{t(`enum.UpdateConfirmation.${u.confirmation}`)}</span>
                {u.source?.isSample && <SampleTag />}
              </p>
              <p className={u.confirmation === 'DISPUTED' || u.confirmation === 'EXCLUDED' ? 'text-rose-800 line-through decoration-rose-400' : 'text-slate-700'}>
                {t('dashboard.made')} {formatYuan(u.investmentToDate, locale)} · {t('dashboard.jobs')} {formatPeople(u.jobsCreated, locale)} ·{' '}
                {t('dashboard.incomeToVillages')} {formatYuan(u.incomeToVillages, locale)}
              </p>
              {u.confirmation === 'DISPUTED' && u.disputeReason && <p className="text-rose-800">{t('projectPage.disputeReason', { reason: u.disputeReason })}</p>}
              {u.confirmation === 'RETURNED' && u.returnReason && <p className="text-amber-800">{t('projectPage.returnReason', { reason: u.returnReason })}</p>}
              {u.confirmation === 'PENDING' && u.answer && <p className="text-slate-700">{t('projectPage.answer', { reason: u.answer })}</p>}
              {u.narrative && <p className="text-slate-600">{u.narrative}</p>}
              {u.events.length > 1 && (
                <details className="mt-1 text-xs text-slate-600">
                  <summary className="cursor-pointer">{t('projectPage.history')}</summary>
                  <ol className="mt-1 space-y-1">
                    {u.events.map((e) => (
                      <li key={e.id}>
                        {formatDate(e.createdAt, locale)} · {e.actor?.displayName ?? '—'} · {t(`enum.UpdateEventKind.${e.kind}`)}
                        {e.reason && `：${e.reason}`}
                        {e.kind === 'REVISED' && <FiguresChange figures={e.figures} labels={figureLabels} />}
                      </li>
                    ))}
                  </ol>
                </details>
              )}
              <DiscussionEvidence update={u} byEvent={evidence.byEvent} />
              <EvidenceList items={evidence.byUpdate.get(u.id) ?? []} />
              {evidence.canAttach && u.confirmation !== 'EXCLUDED' && <EvidenceUpload owner={{ ownerKind: 'UPDATE', ownerId: u.id }} />}
              {project.canReview && (u.confirmation === 'PENDING' || u.confirmation === 'DISPUTED') && <ReviewForm updateId={u.id} version={u.version} />}
              {project.canRevise && ['PENDING', 'DISPUTED', 'RETURNED'].includes(u.confirmation) && (
                <ReviseForm
                  updateId={u.id}
                  version={u.version}
                  figures={{ progressPct: u.progressPct, investmentToDate: u.investmentToDate, jobsCreated: u.jobsCreated, incomeToVillages: u.incomeToVillages, narrative: u.narrative }}
                />
              )}
              {project.canRevise && u.confirmation === 'DISPUTED' && <ReasonForm kind="answer" updateId={u.id} version={u.version} />}
              {project.canReturn && (u.confirmation === 'PENDING' || u.confirmation === 'DISPUTED') && <ReasonForm kind="return" updateId={u.id} version={u.version} />}
              {project.canCloseDispute && u.confirmation === 'DISPUTED' && <CloseDisputeForm updateId={u.id} version={u.version} />}
              {project.canReopen && (u.confirmation === 'CONFIRMED' || u.confirmation === 'EXCLUDED') && <ReasonForm kind="reopen" updateId={u.id} version={u.version} />}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="beneficiaries" className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="beneficiaries" className="font-semibold">{t('dashboard.beneficiaries')}</h2>
        <DataTable
          className="mt-2 text-sm"
          rows={project.beneficiaries}
          rowKey={(b) => b.id}
          columns={[
            { label: t('zones.village'), cell: (b) => b.village?.name ?? '—' },
            { label: t('projectPage.kind'), cell: (b) => t(`enum.BeneficiaryKind.${b.kind}`) },
            {
              label: t('projectPage.people'),
              numeric: true,
              cell: (b) => (
                <>
                  {formatCount(b.people, locale)}
                  {exceedsPopulation(b.people, b.village?.population ?? null) && (
                    <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">{t('dashboard.overPopulation')}</span>
                  )}
                </>
              ),
            },
            { label: t('zones.households'), numeric: true, cell: (b) => (b.households === null ? '—' : formatCount(b.households, locale)) },
          ]}
        />
      </section>
      <section aria-labelledby="feedback" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="feedback" className="font-semibold">{t('projectPage.feedback')}</h2>
        <ul className="mt-2 space-y-2 text-sm">
          {project.feedback.map((f) => (
            <li key={f.id} data-feedback={f.id}>
              <span className="font-medium">{f.village.name}</span> · {formatQuarter(f.period, locale)} · {t('projectPage.rating', { rating: f.rating })}
              {f.comment && <p className="text-slate-600">{f.comment}</p>}
              <EvidenceList items={evidence.byFeedback.get(f.id) ?? []} label={t('attachments.onFeedback', { village: f.village.name })} />
              {f.canAttach && <EvidenceUpload owner={{ ownerKind: 'FEEDBACK', ownerId: f.id }} label={t('attachments.addToFeedback')} />}
            </li>
          ))}
          {project.feedback.length === 0 && <li className="text-slate-500">{t('projects.none')}</li>}
        </ul>
      </section>
    </>
  );
}

/**
 * The evidence of each dispute and answer on an update, under the step it supports; its author adds
 * more while the update is still open (not confirmed, not excluded).
 */
async function DiscussionEvidence({ update, byEvent }: { update: Project['updates'][number]; byEvent: Map<number, AttachmentItem[]> }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  const open = update.confirmation !== 'CONFIRMED' && update.confirmation !== 'EXCLUDED';
  const steps = update.events.filter((e) => isDiscussion(e.kind) && ((byEvent.get(e.id)?.length ?? 0) > 0 || (open && e.canAttach)));
  if (!steps.length) return null;
  return (
    <div className="mt-1 space-y-1" data-discussion-evidence={update.id}>
      {steps.map((e) => {
        const label = t(e.kind === 'DISPUTED' ? 'attachments.onDispute' : 'attachments.onAnswer', { name: e.actor?.displayName ?? '—', date: formatDate(e.createdAt, locale) });
        return (
          <div key={e.id} data-event={e.id}>
            {(byEvent.get(e.id)?.length ?? 0) > 0 ? <EvidenceList items={byEvent.get(e.id)!} label={label} /> : <p className="mt-2 text-xs font-medium text-slate-600">{label}</p>}
            {open && e.canAttach && <EvidenceUpload owner={{ ownerKind: 'UPDATE_EVENT', ownerId: e.id }} label={t(e.kind === 'DISPUTED' ? 'attachments.addToDispute' : 'attachments.addToAnswer')} />}
          </div>
        );
      })}
    </div>
  );
}

/** What a revision changed: each figure that moved, before → after. */
function FiguresChange({ figures, labels }: { figures: unknown; labels: Record<string, string> }) {
  const f = figures as { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;
  if (!f?.before || !f.after) return null;
  const changed = Object.keys(f.after).filter((k) => String(f.before![k] ?? '') !== String(f.after![k] ?? ''));
  return <span className="text-slate-500">{changed.map((k) => ` · ${labels[k] ?? k}: ${String(f.before![k] ?? '—')} → ${String(f.after![k] ?? '—')}`).join('')}</span>;
}
