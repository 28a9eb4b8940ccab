'use client';

import { useTranslations } from 'next-intl';
import { ConfirmSubmit, FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { reviewUpdateAction } from '@/lib/projects/actions';

/** A village committee confirms an update, or disputes it with a reason. */
export function ReviewForm({ updateId, version }: { updateId: number; version: number }) {
  const t = useTranslations();
  const { state, form } = useActionForm(reviewUpdateAction);
  const v = state.status === 'ok' ? state.data.version : version;
  return (
    <div className="mt-1 flex flex-wrap items-start gap-2 text-sm">
      <form {...form}>
        <input type="hidden" name="updateId" value={updateId} />
        <input type="hidden" name="version" value={v} />
        <input type="hidden" name="decision" value="CONFIRMED" />
        <ConfirmSubmit label={t('review.confirm')} pendingLabel={t('common.saving')} title={t('review.confirmTitle')} consequence={t('review.confirmConsequence')} confirmLabel={t('review.confirm')} />
      </form>
      <form {...form} className="flex flex-wrap items-start gap-2">
        <input type="hidden" name="updateId" value={updateId} />
        <input type="hidden" name="version" value={v} />
        <input type="hidden" name="decision" value="DISPUTED" />
        <label className="sr-only" htmlFor={`field-reason-${updateId}`}>{t('review.reason')}</label>
        <input {...fieldProps(state, 'reason')} id={`field-reason-${updateId}`} placeholder={t('review.reason')} className={`${inputClass} mt-0 w-56`} />
        <SubmitButton label={t('review.dispute')} pendingLabel={t('common.saving')} />
      </form>
      <FieldErrors state={state} name="reason" />
      <FieldErrors state={state} name="decision" />
      <FormMessage state={state} okText={t('common.saved')} />
    </div>
  );
}
