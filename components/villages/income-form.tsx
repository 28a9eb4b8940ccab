'use client';

import { useTranslations } from 'next-intl';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { reportIncomeAction } from '@/lib/villages/actions';

/** The village's collective income for a year; a year already reported is corrected (its version travels along). */
export function IncomeForm({ villageId, year, existing }: { villageId: number; year: number; existing: { amount: string; version: number } | null }) {
  const t = useTranslations();
  const { state, form } = useActionForm(reportIncomeAction);
  const version = state.status === 'ok' ? state.data.version : existing?.version;
  return (
    <form {...form} className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
      <h2 className="font-semibold sm:col-span-4">{existing ? t('income.correctTitle', { year }) : t('income.reportTitle', { year })}</h2>
      <input type="hidden" name="villageId" value={villageId} />
      <input type="hidden" name="year" value={year} />
      {version && <input type="hidden" name="version" value={version} />}
      <label className="sm:col-span-2">
        {t('income.amount')}
        <input {...fieldProps(state, 'amount', existing?.amount)} inputMode="decimal" required className={inputClass} />
        <FieldErrors state={state} name="amount" />
        <FieldErrors state={state} name="year" />
      </label>
      <div className="flex items-end gap-3 sm:col-span-2">
        <SubmitButton label={t('income.submit')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}
