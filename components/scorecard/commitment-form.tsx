'use client';

import { useTranslations } from 'next-intl';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { MoneyInput } from '@/components/ui/money-input';
import { saveCommitmentAction } from '@/lib/scorecard/actions';

/** A saved commitment as the form edits it (absent: none entered for the year yet). */
export type CommitmentValues = {
  id: number; version: number;
  investment: string | null; projects: number | null; jobs: number | null; purchases: string | null;
  trainingSessions: number | null; staffStationed: number | null;
  purchasesDone: string | null; trainingDone: number | null; staffDone: number | null;
};

/**
 * A pairing's commitments for one year, and what was delivered on the measures no record holds
 * (farm purchases, training, staff stationed). Each field left empty: nothing committed on it.
 */
export function CommitmentForm({ pairingId, year, zone, existing }: { pairingId: number; year: number; zone: string; existing: CommitmentValues | null }) {
  const t = useTranslations();
  const { state, form } = useActionForm(saveCommitmentAction);
  const saved = state.status === 'ok' ? state.data : existing;
  const suffix = `-${pairingId}`;
  const count = (name: keyof CommitmentValues & string, label: string) => (
    <label className="text-sm">
      {label}
      <input {...fieldProps(state, name, existing?.[name] as number | null | undefined, suffix)} inputMode="numeric" className={inputClass} />
      <FieldErrors state={state} name={name} idSuffix={suffix} />
    </label>
  );
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-3" aria-label={t('scorecard.editCommitment', { zone, year })}>
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="year" value={year} />
      {saved && <input type="hidden" name="id" value={saved.id} />}
      {saved && <input type="hidden" name="version" value={saved.version} />}
      <MoneyInput state={state} name="investment" label={t('scorecard.measureName.investment')} initial={existing?.investment} unit="万元" idSuffix={suffix} />
      {count('projects', t('scorecard.measureName.projects'))}
      {count('jobs', t('scorecard.measureName.jobs'))}
      <MoneyInput state={state} name="purchases" label={t('scorecard.measureName.purchases')} initial={existing?.purchases} unit="万元" idSuffix={suffix} />
      {count('trainingSessions', t('scorecard.measureName.trainingSessions'))}
      {count('staffStationed', t('scorecard.measureName.staffStationed'))}
      <p className="text-sm font-medium sm:col-span-3">{t('scorecard.doneTitle')}</p>
      <MoneyInput state={state} name="purchasesDone" label={t('scorecard.done.purchasesDone')} initial={existing?.purchasesDone} unit="万元" idSuffix={suffix} />
      {count('trainingDone', t('scorecard.done.trainingDone'))}
      {count('staffDone', t('scorecard.done.staffDone'))}
      <FieldErrors state={state} name="year" idSuffix={suffix} />
      <div className="flex items-center gap-3 sm:col-span-full">
        <SubmitButton label={t('common.save')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={t('scorecard.commitmentSaved')} />
      </div>
    </form>
  );
}
