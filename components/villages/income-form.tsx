'use client';

import { useLocale, useTranslations } from 'next-intl';
import { ConfirmSubmit, FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { toLocale } from '@/lib/i18n/config';
import { formatYuan } from '@/lib/i18n/format';
import { reportIncomeAction } from '@/lib/villages/actions';

/**
 * The village's collective income for a year; a year already reported is corrected (its version
 * travels along) with a reason, after the clerk confirms the old and new figures.
 */
export function IncomeForm({ villageId, year, existing }: { villageId: number; year: number; existing: { amount: string; version: number } | null }) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const { state, form } = useActionForm(reportIncomeAction);
  const version = state.status === 'ok' ? state.data.version : existing?.version;
  const correcting = Boolean(existing) || state.status === 'ok';
  const shown = (typed: string) => (/^\d+(\.\d+)?$/.test(typed.trim()) ? formatYuan(typed.trim(), locale) : `“${typed}”`);
  return (
    <form id="income-form" {...form} className="grid scroll-mt-4 gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
      <h2 className="font-semibold sm:col-span-4">{correcting ? t('income.correctTitle', { year }) : t('income.reportTitle', { year })}</h2>
      <input type="hidden" name="villageId" value={villageId} />
      <input type="hidden" name="year" value={year} />
      {version && <input type="hidden" name="version" value={version} />}
      <label className="sm:col-span-2">
        {t('income.amount')}
        <input {...fieldProps(state, 'amount', existing?.amount)} inputMode="decimal" required className={inputClass} />
        <FieldErrors state={state} name="amount" />
        <FieldErrors state={state} name="year" />
      </label>
      {correcting && (
        <label className="sm:col-span-2">
          {t('income.reason')}
          <input {...fieldProps(state, 'reason')} required minLength={4} className={inputClass} />
          <FieldErrors state={state} name="reason" />
        </label>
      )}
      <div className="flex flex-wrap items-end gap-3 sm:col-span-4">
        {existing ? (
          <ConfirmSubmit
            label={t('income.submit')}
            pendingLabel={t('common.saving')}
            title={t('income.correctConfirmTitle', { year })}
            consequence={(f) => t('income.correctConsequence', { year, before: formatYuan(existing.amount, locale), after: shown(String(new FormData(f).get('amount') ?? '')) })}
            confirmLabel={t('income.submit')}
          />
        ) : (
          <SubmitButton label={t('income.submit')} pendingLabel={t('common.saving')} />
        )}
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}
