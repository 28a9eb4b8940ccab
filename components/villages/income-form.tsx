'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldErrors, FormMessage, SubmitButton } from '@/components/ui/form';
import { MoneyInput } from '@/components/ui/money-input';
import { idle, type ActionState } from '@/lib/action-state';
import { reportIncomeAction } from '@/lib/villages/actions';

/** The village's collective income for a year; a year already reported is corrected (its version travels along). */
export function IncomeForm({ villageId, year, existing }: { villageId: number; year: number; existing: { amount: string; version: number } | null }) {
  const t = useTranslations();
  const [state, action] = useActionState(reportIncomeAction, idle as ActionState<{ id: number; version: number }>);
  const version = state.status === 'ok' ? state.data.version : existing?.version;
  return (
    <form action={action} className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
      <h2 className="font-semibold sm:col-span-4">{existing ? t('income.correctTitle', { year }) : t('income.reportTitle', { year })}</h2>
      <input type="hidden" name="villageId" value={villageId} />
      <input type="hidden" name="year" value={year} />
      {version && <input type="hidden" name="version" value={version} />}
      {/* 元 first: village books (the ledger, 收益分配表) are kept in yuan to the fen, and copying a figure beats converting it. */}
      <div className="sm:col-span-2">
        <MoneyInput state={state} name="amount" label={t('income.amount')} initial={existing?.amount} unit="元" required />
        <FieldErrors state={state} name="year" />
      </div>
      <div className="flex items-end gap-3 sm:col-span-2">
        <SubmitButton label={t('income.submit')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}
