'use client';

import { useTranslations } from 'next-intl';
import { DateInput } from '@/components/ui/date-input';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { saveJointVentureAction } from '@/lib/joint-ventures/actions';

type Option = { id: number; name: string };
type PartnerOption = { ref: string; kind: 'SOE' | 'ZONE_COMMITTEE' | 'COOPERATIVE' | 'VILLAGE'; name: string };
export type VentureRecord = {
  id: number; version: number; name: string; registeredOn: string | null; villageId: number | null; description: string | null;
  partners: { ref: string; percent: string | null }[]; projectIds: number[];
};

/** Partner rows offered: the venture's own plus blank ones, up to this many. */
const ROWS = 4;

/** A joint venture: the company, where it was set up, its partners with their shares, the projects it runs. */
export function JointVentureForm({ zoneId, record, villages, projects, partnerOptions }: { zoneId: number; record: VentureRecord | null; villages: Option[]; projects: Option[]; partnerOptions: PartnerOption[] }) {
  const t = useTranslations();
  const { state, form } = useActionForm(saveJointVentureAction, { resetOnSuccess: !record });
  const version = state.status === 'ok' && record ? state.data.version : record?.version;
  const s = record ? `-jv${record.id}` : '-jv';
  const rows = Array.from({ length: Math.max(ROWS, (record?.partners.length ?? 0) + 1) }, (_, i) => record?.partners[i] ?? null);
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-3" aria-label={record ? t('jointVenture.edit', { name: record.name }) : t('jointVenture.create')}>
      <input type="hidden" name="zoneId" value={zoneId} />
      {record && <input type="hidden" name="id" value={record.id} />}
      {version && <input type="hidden" name="version" value={version} />}
      <label className="text-sm sm:col-span-2">
        {t('jointVenture.name')}
        <input {...fieldProps(state, 'name', record?.name, s)} required className={inputClass} />
        <FieldErrors state={state} name="name" idSuffix={s} />
      </label>
      <label className="text-sm">
        {t('jointVenture.registeredOn')}
        <DateInput {...fieldProps(state, 'registeredOn', record?.registeredOn, s)} className={inputClass} />
        <FieldErrors state={state} name="registeredOn" idSuffix={s} />
      </label>
      <label className="text-sm">
        {t('jointVenture.village')}
        <select {...fieldProps(state, 'villageId', record?.villageId ?? '', s)} className={inputClass}>
          <option value="">{t('jointVenture.noVillage')}</option>
          {villages.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
        </select>
        <FieldErrors state={state} name="villageId" idSuffix={s} />
      </label>
      <label className="text-sm sm:col-span-2">
        {t('jointVenture.description')}
        <input {...fieldProps(state, 'description', record?.description, s)} className={inputClass} />
        <FieldErrors state={state} name="description" idSuffix={s} />
      </label>
      <fieldset className="space-y-1 sm:col-span-3">
        <legend className="text-sm text-slate-600">{t('jointVenture.partners')}</legend>
        <FieldErrors state={state} name="partners" idSuffix={s} />
        {rows.map((row, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-3">
            <label className="text-sm sm:col-span-2">
              <span className="sr-only">{t('jointVenture.partner')} {i + 1}</span>
              <select {...fieldProps(state, `partners.${i}.partner`, row?.ref ?? '', s)} className={inputClass}>
                <option value="">{t('jointVenture.choosePartner')}</option>
                {partnerOptions.map((o) => <option key={o.ref} value={o.ref}>{t(`enum.JointVenturePartnerKind.${o.kind}`)} · {o.name}</option>)}
              </select>
              <FieldErrors state={state} name={`partners.${i}.partner`} idSuffix={s} />
            </label>
            <label className="text-sm">
              <span className="sr-only">{t('jointVenture.percent')} {i + 1}</span>
              <input {...fieldProps(state, `partners.${i}.percent`, row?.percent, s)} inputMode="decimal" placeholder={t('jointVenture.percent')} className={inputClass} />
              <FieldErrors state={state} name={`partners.${i}.percent`} idSuffix={s} />
            </label>
          </div>
        ))}
      </fieldset>
      {projects.length > 0 && (
        <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm sm:col-span-3">
          <legend className="text-slate-600">{t('jointVenture.projects')}</legend>
          {projects.map((p) => (
            <label key={p.id} className="inline-flex items-center gap-1">
              <input type="checkbox" name="projectIds[]" value={p.id} defaultChecked={record?.projectIds.includes(p.id)} /> {p.name}
            </label>
          ))}
          <FieldErrors state={state} name="projectIds" idSuffix={s} />
        </fieldset>
      )}
      <div className="flex items-center gap-3 sm:col-span-3">
        <SubmitButton label={t('common.save')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}
