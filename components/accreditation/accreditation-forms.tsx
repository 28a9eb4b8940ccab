'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmSubmit, FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { DateInput } from '@/components/ui/date-input';
import { assessCriterionAction, closeAccreditationAction, nominateZoneAction } from '@/lib/accreditation/actions';
import { allCriteriaPass, CRITERIA } from '@/lib/accreditation/rounds';
import type { Criterion } from '@/lib/db/enums';

const today = () => new Date().toISOString().slice(0, 10);

export function NominateForm({ zoneId }: { zoneId: number }) {
  const t = useTranslations();
  const { state, form } = useActionForm(nominateZoneAction);
  return (
    <form {...form} className="flex flex-wrap items-end gap-2 text-sm">
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

/** Records one criterion's result; the pass that completes the four accredits the zone, and asks first, saying so. */
export function AssessForm({ accreditationId, version, assessorName, passed }: { accreditationId: number; version: number; assessorName: string; passed: Criterion[] }) {
  const t = useTranslations();
  const { state, form } = useActionForm(assessCriterionAction, { resetOnSuccess: true });
  const [criterion, setCriterion] = useState<Criterion>(CRITERIA[0]!);
  const [result, setResult] = useState('PASS');
  // The server decides (allCriteriaPass); this only says beforehand what a pass here would do.
  const accredits = result === 'PASS' && allCriteriaPass([...passed, criterion].map((c) => ({ criterion: c, result: 'PASS' as const })));
  return (
    <form {...form} onReset={() => { setCriterion(CRITERIA[0]!); setResult('PASS'); }} className="grid gap-2 text-sm sm:grid-cols-6">
      <input type="hidden" name="accreditationId" value={accreditationId} />
      <input type="hidden" name="version" value={state.status === 'ok' ? state.data.version : version} />
      <label>
        {t('zones.criterion')}
        <select {...fieldProps(state, 'criterion')} onChange={(e) => setCriterion(e.target.value as Criterion)} className={inputClass}>
          {CRITERIA.map((c) => (
            <option key={c} value={c}>{t(`enum.Criterion.${c}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('zones.result')}
        <select {...fieldProps(state, 'result', 'PASS')} onChange={(e) => setResult(e.target.value)} className={inputClass}>
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
        <ConfirmSubmit
          ask={accredits}
          label={t('accreditation.assess')}
          pendingLabel={t('common.saving')}
          title={t('accreditation.accreditTitle')}
          consequence={t('accreditation.accreditConsequence', { criterion: t(`enum.Criterion.${criterion}`) })}
          confirmLabel={t('accreditation.assess')}
        />
        <FieldErrors state={state} name="criterion" />
        <FormMessage state={state} okText={state.status === 'ok' && state.data.accredited ? t('accreditation.accredited') : t('common.saved')} />
      </div>
    </form>
  );
}

/** Rejects a candidacy or revokes an accreditation, with a reason. */
export function CloseForm({ accreditationId, version, revoking }: { accreditationId: number; version: number; revoking: boolean }) {
  const t = useTranslations();
  const { state, form } = useActionForm(closeAccreditationAction);
  return (
    <form {...form} className="flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="accreditationId" value={accreditationId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="closedOn" value={today()} />
      <label className="min-w-64 flex-1">
        {t('accreditation.reason')}
        <input {...fieldProps(state, 'reason')} required minLength={4} className={inputClass} />
      </label>
      <ConfirmSubmit
        label={revoking ? t('accreditation.revoke') : t('accreditation.reject')}
        pendingLabel={t('common.saving')}
        title={revoking ? t('accreditation.revokeTitle') : t('accreditation.rejectTitle')}
        consequence={revoking ? t('accreditation.revokeConsequence') : t('accreditation.rejectConsequence')}
        confirmLabel={revoking ? t('accreditation.revoke') : t('accreditation.reject')}
        danger
      />
      <FieldErrors state={state} name="reason" />
      <FormMessage state={state} okText={t('common.saved')} />
    </form>
  );
}
