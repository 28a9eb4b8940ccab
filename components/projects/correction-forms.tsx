'use client';

import { useTranslations } from 'next-intl';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import type { ActionState } from '@/lib/action-state';
import { MoneyInput } from '@/components/ui/money-input';
import { answerDisputeAction, closeDisputeAction, reopenUpdateAction, returnUpdateAction, reviseUpdateAction } from '@/lib/projects/actions';

type Saved = ActionState<{ version: number }>;
type Figures = { progressPct: number; investmentToDate: string; jobsCreated: number; incomeToVillages: string; narrative: string | null };

/** One field of a correction form, its id unique to the update (several forms share a page). */
function Field({ state, name, updateId, label, initial, ...rest }: { state: Saved; name: string; updateId: number; label: string; initial?: string | number | null } & React.InputHTMLAttributes<HTMLInputElement>) {
  const props = fieldProps(state, name, initial);
  return (
    <label className="text-sm">
      {label}
      <input {...props} {...rest} id={`${props.id}-revise-${updateId}`} className={inputClass} />
      <FieldErrors state={state} name={name} />
    </label>
  );
}

/** A liaison revises an unconfirmed, disputed or returned update: new figures and a reason. */
export function ReviseForm({ updateId, version, figures }: { updateId: number; version: number; figures: Figures }) {
  const t = useTranslations();
  const { state, form } = useActionForm(reviseUpdateAction);
  const v = state.status === 'ok' ? state.data.version : version;
  return (
    <details className="mt-1 text-sm">
      <summary className="cursor-pointer text-red-800">{t('projectPage.revise')}</summary>
      <form {...form} className="mt-2 grid gap-2 sm:grid-cols-4">
        <input type="hidden" name="updateId" value={updateId} />
        <input type="hidden" name="version" value={v} />
        <Field state={state} name="progressPct" updateId={updateId} label={t('updateForm.progress')} initial={figures.progressPct} type="number" min={0} max={100} required />
        <MoneyInput state={state} name="investmentToDate" idSuffix={`-revise-${updateId}`} label={t('dashboard.made')} initial={figures.investmentToDate} unit="万元" required />
        <Field state={state} name="jobsCreated" updateId={updateId} label={t('dashboard.jobs')} initial={figures.jobsCreated} type="number" min={0} required />
        <MoneyInput state={state} name="incomeToVillages" idSuffix={`-revise-${updateId}`} label={t('dashboard.incomeToVillages')} initial={figures.incomeToVillages} unit="万元" required />
        <div className="sm:col-span-4">
          <Field state={state} name="narrative" updateId={updateId} label={t('updateForm.narrative')} initial={figures.narrative} />
        </div>
        <div className="sm:col-span-4">
          <Field state={state} name="reason" updateId={updateId} label={t('projectPage.reviseReason')} required />
        </div>
        <div className="flex items-center gap-2 sm:col-span-4">
          <SubmitButton label={t('projectPage.revise')} pendingLabel={t('common.saving')} />
          <FormMessage state={state} okText={t('common.saved')} />
        </div>
      </form>
    </details>
  );
}

const reasonActions = {
  answer: answerDisputeAction,
  return: returnUpdateAction,
  reopen: reopenUpdateAction,
};

/** One reason and a button: a liaison's answer to a dispute, or the org department's return or reopening. */
export function ReasonForm({ kind, updateId, version }: { kind: keyof typeof reasonActions; updateId: number; version: number }) {
  const t = useTranslations();
  const { state, form } = useActionForm(reasonActions[kind]);
  const v = state.status === 'ok' ? state.data.version : version;
  const field = kind === 'answer' ? 'answer' : 'reason';
  const label = t(kind === 'answer' ? 'projectPage.answerDispute' : kind === 'return' ? 'projectPage.returnUpdate' : 'projectPage.reopen');
  return (
    <form {...form} className="mt-1 flex flex-wrap items-start gap-2 text-sm">
      <input type="hidden" name="updateId" value={updateId} />
      <input type="hidden" name="version" value={v} />
      <label className="sr-only" htmlFor={`field-${field}-${kind}-${updateId}`}>{label}</label>
      <input {...fieldProps(state, field)} id={`field-${field}-${kind}-${updateId}`} placeholder={t('review.reason')} required className={`${inputClass} mt-0 w-56`} />
      <SubmitButton label={label} pendingLabel={t('common.saving')} />
      <FieldErrors state={state} name={field} />
      <FormMessage state={state} okText={t('common.saved')} />
    </form>
  );
}

/** The org department closes a dispute: the village's objection upheld (not counted) or the liaison's figures stand. */
export function CloseDisputeForm({ updateId, version }: { updateId: number; version: number }) {
  const t = useTranslations();
  const { state, form } = useActionForm(closeDisputeAction);
  const v = state.status === 'ok' ? state.data.version : version;
  return (
    <form {...form} className="mt-1 flex flex-wrap items-start gap-2 text-sm">
      <input type="hidden" name="updateId" value={updateId} />
      <input type="hidden" name="version" value={v} />
      <label className="sr-only" htmlFor={`field-reason-close-${updateId}`}>{t('projectPage.closeDispute')}</label>
      <input {...fieldProps(state, 'reason')} id={`field-reason-close-${updateId}`} placeholder={t('review.reason')} required className={`${inputClass} mt-0 w-56`} />
      <button type="submit" name="decision" value="UPHOLD" className="rounded border border-rose-300 px-2 py-1 text-rose-800 hover:bg-rose-50">
        {t('projectPage.uphold')}
      </button>
      <button type="submit" name="decision" value="REJECT" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">
        {t('projectPage.reject')}
      </button>
      <FieldErrors state={state} name="reason" />
      <FieldErrors state={state} name="decision" />
      <FormMessage state={state} okText={t('common.saved')} />
    </form>
  );
}
