'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { DateInput } from '@/components/ui/date-input';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton } from '@/components/ui/form';
import { idle, type ActionState } from '@/lib/action-state';
import { Mechanism, SoeCategory, SoeLevel } from '@/lib/db/enums';
import { createPairingAction, endPairingAction } from '@/lib/pairings/actions';
import { saveSoeAction } from '@/lib/soes/actions';
import { saveVillageAction } from '@/lib/villages/actions';
import { saveZoneAction } from '@/lib/zones/actions';

type Option = { id: number; name: string };
type Saved = ActionState<{ id: number; version: number }>;

function Field({ state, name, label, children }: { state: Saved; name: string; label: string; children?: React.ReactNode }) {
  return (
    <label className="text-sm">
      {label}
      {children ?? <input {...fieldProps(state, name)} className={inputClass} />}
      <FieldErrors state={state} name={name} />
    </label>
  );
}

function Footer({ state, label }: { state: Saved; label: string }) {
  const t = useTranslations('common');
  return (
    <div className="flex items-center gap-3 sm:col-span-full">
      <SubmitButton label={label} pendingLabel={t('saving')} />
      <FormMessage state={state} okText={t('saved')} />
    </div>
  );
}

export function SoeForm() {
  const t = useTranslations();
  const [state, action] = useActionState(saveSoeAction, idle as Saved);
  return (
    <form action={action} className="grid gap-2 sm:grid-cols-3">
      <Field state={state} name="name" label={t('soe.name')} />
      <Field state={state} name="shortName" label={t('master.shortName')} />
      <Field state={state} name="nameEn" label={t('master.nameEn')} />
      <Field state={state} name="category" label={t('soe.category')}>
        <select {...fieldProps(state, 'category')} className={inputClass}>
          {Object.values(SoeCategory).map((c) => (
            <option key={c} value={c}>{t(`enum.SoeCategory.${c}`)}</option>
          ))}
        </select>
      </Field>
      <Field state={state} name="level" label={t('soe.level')}>
        <select {...fieldProps(state, 'level')} className={inputClass}>
          {Object.values(SoeLevel).map((l) => (
            <option key={l} value={l}>{t(`enum.SoeLevel.${l}`)}</option>
          ))}
        </select>
      </Field>
      <Field state={state} name="liaisonLead" label={t('master.liaisonLead')} />
      <Footer state={state} label={t('master.createSoe')} />
    </form>
  );
}

export function ZoneForm({ districts }: { districts: Option[] }) {
  const t = useTranslations();
  const [state, action] = useActionState(saveZoneAction, idle as Saved);
  return (
    <form action={action} className="grid gap-2 sm:grid-cols-3">
      <Field state={state} name="name" label={t('zones.title')} />
      <Field state={state} name="districtId" label={t('zones.district')}>
        <select {...fieldProps(state, 'districtId')} className={inputClass}>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>{d.name}</option>
          ))}
        </select>
      </Field>
      <Field state={state} name="secretary" label={t('zones.secretary')} />
      <Field state={state} name="firstSecretary" label={t('zones.firstSecretary')} />
      <fieldset className="text-sm sm:col-span-2">
        <legend>{t('zones.mechanisms')}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {Object.values(Mechanism).map((m) => (
            <label key={m} className="flex items-center gap-1">
              <input type="checkbox" name="mechanisms[]" value={m} defaultChecked /> {t(`enum.Mechanism.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Footer state={state} label={t('master.createZone')} />
    </form>
  );
}

export function VillageForm({ zones }: { zones: Option[] }) {
  const t = useTranslations();
  const [state, action] = useActionState(saveVillageAction, idle as Saved);
  return (
    <form action={action} className="grid gap-2 sm:grid-cols-4">
      <Field state={state} name="name" label={t('zones.village')} />
      <Field state={state} name="zoneId" label={t('zones.title')}>
        <select {...fieldProps(state, 'zoneId')} className={inputClass}>
          {zones.map((z) => (
            <option key={z.id} value={z.id}>{z.name}</option>
          ))}
        </select>
      </Field>
      <Field state={state} name="population" label={t('zones.population')} />
      <Field state={state} name="households" label={t('zones.households')} />
      <Footer state={state} label={t('master.createVillage')} />
    </form>
  );
}

export function PairingForm({ soes, zones }: { soes: Option[]; zones: Option[] }) {
  const t = useTranslations();
  const [state, action] = useActionState(createPairingAction, idle as Saved);
  return (
    <form action={action} className="grid gap-2 sm:grid-cols-3">
      <Field state={state} name="soeId" label={t('soe.name')}>
        <select {...fieldProps(state, 'soeId')} className={inputClass}>
          {soes.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </select>
      </Field>
      <Field state={state} name="zoneId" label={t('zones.title')}>
        <select {...fieldProps(state, 'zoneId')} className={inputClass}>
          {zones.map((z) => (
            <option key={z.id} value={z.id}>{z.name}</option>
          ))}
        </select>
      </Field>
      <Field state={state} name="since" label={t('master.since')}>
        <DateInput {...fieldProps(state, 'since', new Date().toISOString().slice(0, 10))} />
      </Field>
      <Footer state={state} label={t('master.createPairing')} />
    </form>
  );
}

export function EndPairingForm({ pairingId, version }: { pairingId: number; version: number }) {
  const t = useTranslations();
  const [state, action] = useActionState(endPairingAction, idle as Saved);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="until" value={new Date().toISOString().slice(0, 10)} />
      <SubmitButton label={t('master.endPairing')} pendingLabel={t('common.saving')} />
      <FieldErrors state={state} name="until" />
      <FormMessage state={state} okText={t('common.saved')} />
    </form>
  );
}
