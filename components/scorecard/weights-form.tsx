'use client';

import { useTranslations } from 'next-intl';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { saveWeightsAction } from '@/lib/scorecard/actions';
import { ASSESSMENT_COMPONENTS, type AssessmentComponent } from '@/lib/scorecard/schemas';

/** The weights of one year's assessment, in percent, adding up to 100. */
export function WeightsForm({ year, saved, weights }: { year: number; saved: { id: number; version: number } | null; weights: Record<AssessmentComponent, number> }) {
  const t = useTranslations();
  const { state, form } = useActionForm(saveWeightsAction);
  const record = state.status === 'ok' ? state.data : saved;
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-6" aria-label={t('scorecard.weightsTitle', { year })}>
      <input type="hidden" name="year" value={year} />
      {record && <input type="hidden" name="id" value={record.id} />}
      {record && <input type="hidden" name="version" value={record.version} />}
      {ASSESSMENT_COMPONENTS.map((c) => (
        <label key={c} className="text-sm">
          {t(`scorecard.component_.${c}`)}
          <input {...fieldProps(state, c, weights[c])} inputMode="numeric" className={inputClass} />
          <FieldErrors state={state} name={c} />
        </label>
      ))}
      <div className="sm:col-span-full">
        <FieldErrors state={state} name="weights" />
      </div>
      <div className="flex items-center gap-3 sm:col-span-full">
        <SubmitButton label={t('scorecard.saveWeights')} pendingLabel={t('common.saving')} />
        <span className="text-xs text-slate-600">{t('scorecard.weightsTotal')}</span>
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}
