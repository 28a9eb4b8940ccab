'use client';

import { useTranslations } from 'next-intl';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { MoneyInput } from '@/components/ui/money-input';
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
  const { state, form } = useActionForm(postProjectUpdateAction);
  const rows = villages.map((v) => defaults.beneficiaries.find((b) => b.villageId === v.id) ?? { villageId: v.id, kind: 'FARMERS', people: 0, households: null });
  return (
    <form id="update-form" {...form} className="grid scroll-mt-4 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3" key={state.status === 'ok' ? state.data.id : 'new'}>
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
        <fieldset className="text-sm sm:col-span-3" aria-describedby="beneficiary-hint">
          <legend className="font-medium">{t('dashboard.beneficiaries')}</legend>
          <p id="beneficiary-hint" className="text-xs text-slate-500">{t('updateForm.beneficiaryHint')}</p>
          {rows.map((row, i) => {
            // Named as the server echoes them back and marks their errors (`beneficiaries.0.people`).
            const field = (name: string, initial: string | number | null) => fieldProps(state, `beneficiaries.${i}.${name}`, initial);
            return (
              <div key={row.villageId} role="group" aria-label={villages[i]!.name} className="mt-2 grid grid-cols-2 gap-2 border-t border-slate-100 pt-2 sm:grid-cols-4">
                <span className="col-span-2 self-center font-medium sm:col-span-1">{villages[i]!.name}</span>
                <input type="hidden" name={`beneficiaries.${i}.villageId`} value={row.villageId} />
                <label className="col-span-2 sm:col-span-1">
                  {t('projectPage.kind')}
                  <select {...field('kind', row.kind)} className={inputClass}>
                    {Object.values(BeneficiaryKind).map((k) => (
                      <option key={k} value={k}>{t(`enum.BeneficiaryKind.${k}`)}</option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('projectPage.people')}
                  <input {...field('people', row.people)} type="number" min={0} inputMode="numeric" className={inputClass} />
                  <FieldErrors state={state} name={`beneficiaries.${i}.people`} />
                </label>
                <label>
                  {t('zones.households')}
                  <input {...field('households', row.households ?? '')} type="number" min={0} inputMode="numeric" className={inputClass} />
                  <FieldErrors state={state} name={`beneficiaries.${i}.households`} />
                </label>
              </div>
            );
          })}
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
