'use client';

import { useLocale, useTranslations } from 'next-intl';
import { ConfirmSubmit, FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { MoneyInput } from '@/components/ui/money-input';
import { readYuan } from '@/lib/amounts';
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
  // The new figure as it will be stored (read as the server reads it), or what was typed if it cannot be read.
  const shown = (data: FormData) => {
    const typed = String(data.get('amount.text') ?? '');
    const read = readYuan(typed, { defaultUnit: data.get('amount.unit') === '万元' ? '万元' : '元' });
    return 'yuan' in read ? formatYuan(read.yuan, locale) : `“${typed}”`;
  };
  return (
    <form id="income-form" {...form} className="grid scroll-mt-4 gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
      <h2 className="font-semibold sm:col-span-4">{correcting ? t('income.correctTitle', { year }) : t('income.reportTitle', { year })}</h2>
      <input type="hidden" name="villageId" value={villageId} />
      <input type="hidden" name="year" value={year} />
      {version && <input type="hidden" name="version" value={version} />}
      {/* 元 first: village books (the ledger, 收益分配表) are kept in yuan to the fen, and copying a figure beats converting it. */}
      <div className="sm:col-span-2">
        <MoneyInput state={state} name="amount" label={t('income.amount')} initial={existing?.amount} unit="元" required />
        <FieldErrors state={state} name="year" />
      </div>
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
            consequence={(f) => t('income.correctConsequence', { year, before: formatYuan(existing.amount, locale), after: shown(new FormData(f)) })}
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
