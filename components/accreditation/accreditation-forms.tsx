'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { DateInput } from '@/components/ui/date-input';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton } from '@/components/ui/form';
import { assessCriterionAction, closeAccreditationAction, nominateZoneAction } from '@/lib/accreditation/actions';
import { CRITERIA } from '@/lib/accreditation/rounds';
import { idle, type ActionState } from '@/lib/action-state';

const today = () => new Date().toISOString().slice(0, 10);

export function NominateForm({ zoneId }: { zoneId: number }) {
  const t = useTranslations();
  const [state, action] = useActionState(nominateZoneAction, idle as ActionState<{ id: number }>);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="zoneId" value={zoneId} />
      <label>
        {t('accreditation.nominatedOn')}
        <DateInput {...fieldProps(state, 'nominatedOn', today())} />
      </label>
      <SubmitButton label={t('accreditation.nominate')} pendingLabel={t('common.saving')} />
      <FieldErrors state={state} name="zoneId" />
      <FieldErrors state={state} name="nominatedOn" />
      <FormMessage state={state} okText={t('common.saved')} />
    </form>
  );
}

/** Records one criterion's result; the fourth pass accredits the zone. */
export function AssessForm({ accreditationId, version, assessorName }: { accreditationId: number; version: number; assessorName: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(assessCriterionAction, idle as ActionState<{ accredited: boolean; version: number }>);
  return (
    <form action={action} className="grid gap-2 text-sm sm:grid-cols-6">
      <input type="hidden" name="accreditationId" value={accreditationId} />
      <input type="hidden" name="version" value={state.status === 'ok' ? state.data.version : version} />
      <label>
        {t('zones.criterion')}
        <select {...fieldProps(state, 'criterion')} className={inputClass}>
          {CRITERIA.map((c) => (
            <option key={c} value={c}>{t(`enum.Criterion.${c}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('zones.result')}
        <select {...fieldProps(state, 'result', 'PASS')} className={inputClass}>
          <option value="PASS">{t('enum.AssessmentResult.PASS')}</option>
          <option value="FAIL">{t('enum.AssessmentResult.FAIL')}</option>
        </select>
      </label>
      <label>
        {t('zones.assessedOn')}
        <DateInput {...fieldProps(state, 'assessedOn', today())} />
        <FieldErrors state={state} name="assessedOn" />
      </label>
      <label>
        {t('zones.assessor')}
        <input {...fieldProps(state, 'assessorName', assessorName)} className={inputClass} />
        <FieldErrors state={state} name="assessorName" />
      </label>
      <label className="sm:col-span-2">
        {t('zones.note')}
        <input {...fieldProps(state, 'note')} className={inputClass} />
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-6">
        <SubmitButton label={t('accreditation.assess')} pendingLabel={t('common.saving')} />
        <FieldErrors state={state} name="criterion" />
        <FormMessage state={state} okText={state.status === 'ok' && state.data.accredited ? t('accreditation.accredited') : t('common.saved')} />
      </div>
    </form>
  );
}

/** Rejects a candidacy or revokes an accreditation, with a reason. */
export function CloseForm({ accreditationId, version, revoking }: { accreditationId: number; version: number; revoking: boolean }) {
  const t = useTranslations();
  const [state, action] = useActionState(closeAccreditationAction, idle as ActionState<{ version: number }>);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="accreditationId" value={accreditationId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="closedOn" value={today()} />
      <label className="min-w-64 flex-1">
        {t('accreditation.reason')}
        <input {...fieldProps(state, 'reason')} className={inputClass} />
      </label>
      <SubmitButton label={revoking ? t('accreditation.revoke') : t('accreditation.reject')} pendingLabel={t('common.saving')} />
      <FieldErrors state={state} name="reason" />
      <FormMessage state={state} okText={t('common.saved')} />
    </form>
  );
}
