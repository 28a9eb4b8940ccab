'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton } from '@/components/ui/form';
import { MoneyInput } from '@/components/ui/money-input';
import { idle, type ActionState } from '@/lib/action-state';
import { BeneficiaryKind } from '@/lib/db/enums';
import { postProjectUpdateAction } from '@/lib/projects/actions';

export type UpdateDefaults = {
  period: string;
  progressPct: number;
  investmentToDate: string;
  jobsCreated: number;
  incomeToVillages: string;
  beneficiaries: { villageId: number; kind: string; people: number; households: number | null }[];
};

/** A month's update, prefilled from the last one so field staff change only what changed. */
export function UpdateForm({ projectId, villages, defaults }: { projectId: number; villages: { id: number; name: string }[]; defaults: UpdateDefaults }) {
  const t = useTranslations();
  const [state, action] = useActionState(postProjectUpdateAction, idle as ActionState<{ id: number }>);
  const rows = villages.map((v) => defaults.beneficiaries.find((b) => b.villageId === v.id) ?? { villageId: v.id, kind: 'FARMERS', people: 0, households: null });
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3" key={state.status === 'ok' ? state.data.id : 'new'}>
      <h2 className="font-semibold sm:col-span-3">{t('updateForm.title')}</h2>
      <input type="hidden" name="projectId" value={projectId} />
      <label className="text-sm">
        {t('updateForm.period')}
        <input {...fieldProps(state, 'period', defaults.period)} type="month" required className={inputClass} />
        <FieldErrors state={state} name="period" />
      </label>
      <label className="text-sm">
        {t('updateForm.progress')}
        <input {...fieldProps(state, 'progressPct', defaults.progressPct)} type="number" min={0} max={100} required className={inputClass} />
        <FieldErrors state={state} name="progressPct" />
      </label>
      <MoneyInput state={state} name="investmentToDate" label={t('dashboard.made')} initial={defaults.investmentToDate} unit="万元" required />
      <label className="text-sm">
        {t('dashboard.jobs')}
        <input {...fieldProps(state, 'jobsCreated', defaults.jobsCreated)} type="number" min={0} required className={inputClass} />
        <FieldErrors state={state} name="jobsCreated" />
      </label>
      <MoneyInput state={state} name="incomeToVillages" label={t('dashboard.incomeToVillages')} initial={defaults.incomeToVillages} unit="万元" required />
      <label className="text-sm sm:col-span-3">
        {t('updateForm.narrative')}
        <textarea {...fieldProps(state, 'narrative')} rows={2} className={inputClass} />
        <FieldErrors state={state} name="narrative" />
      </label>
      {rows.length > 0 && (
        <fieldset className="text-sm sm:col-span-3">
          <legend className="font-medium">{t('dashboard.beneficiaries')}</legend>
          {rows.map((row, i) => (
            <div key={row.villageId} className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-4">
              <span className="self-center">{villages[i]!.name}</span>
              <input type="hidden" name={`beneficiaries.${i}.villageId`} value={row.villageId} />
              <select name={`beneficiaries.${i}.kind`} defaultValue={row.kind} aria-label={t('projectPage.kind')} className={inputClass}>
                {Object.values(BeneficiaryKind).map((k) => (
                  <option key={k} value={k}>{t(`enum.BeneficiaryKind.${k}`)}</option>
                ))}
              </select>
              <input name={`beneficiaries.${i}.people`} type="number" min={0} defaultValue={row.people} aria-label={t('projectPage.people')} className={inputClass} />
              <input name={`beneficiaries.${i}.households`} type="number" min={0} defaultValue={row.households ?? ''} aria-label={t('zones.households')} className={inputClass} />
            </div>
          ))}
          <FieldErrors state={state} name="beneficiaries" />
        </fieldset>
      )}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
        <SubmitButton label={t('updateForm.submit')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={t('updateForm.done')} />
      </div>
    </form>
  );
}
