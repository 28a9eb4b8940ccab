'use client';

import { useTranslations } from 'next-intl';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { giveFeedbackAction } from '@/lib/projects/actions';

/** This quarter's 评议反馈 of the committee's village on a project; editable until the quarter ends. */
export function FeedbackForm({ projectId, quarter, quarterName, existing }: { projectId: number; quarter: string; quarterName: string; existing: { rating: number; comment: string | null; version: number } | null }) {
  const t = useTranslations();
  const { state, form } = useActionForm(giveFeedbackAction);
  const version = state.status === 'ok' ? state.data.version : existing?.version;
  return (
    <form id="feedback-form" {...form} className="grid scroll-mt-4 gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
      <h2 className="font-semibold sm:col-span-4">{t('review.feedbackTitle', { quarter: quarterName })}</h2>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="quarter" value={quarter} />
      {version && <input type="hidden" name="version" value={version} />}
      <label>
        {t('review.rating')}
        <select {...fieldProps(state, 'rating', existing?.rating ?? 4)} className={inputClass}>
          {[5, 4, 3, 2, 1].map((r) => (
            <option key={r} value={r}>{r}</option>
          ))}
        </select>
        <FieldErrors state={state} name="rating" />
      </label>
      <label className="sm:col-span-3">
        {t('review.comment')}
        <input {...fieldProps(state, 'comment', existing?.comment)} className={inputClass} />
        <FieldErrors state={state} name="comment" />
      </label>
      <div className="flex items-center gap-3 sm:col-span-4">
        <SubmitButton label={t('review.submitFeedback')} pendingLabel={t('common.saving')} />
        <FieldErrors state={state} name="quarter" />
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}
