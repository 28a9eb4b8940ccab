'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmSubmit, FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import type { ActionState } from '@/lib/action-state';
import { DateInput } from '@/components/ui/date-input';
import { Mechanism, SoeCategory, SoeLevel } from '@/lib/db/enums';
import { createPairingAction, endPairingAction } from '@/lib/pairings/actions';
import { saveSoeAction } from '@/lib/soes/actions';
import { saveVillageAction } from '@/lib/villages/actions';
import { saveZoneAction } from '@/lib/zones/actions';

type Option = { id: number; name: string };
type Saved = ActionState<{ id: number; version: number }>;

function Field({ state, name, label, initial, children }: { state: Saved; name: string; label: string; initial?: string | number | null; children?: React.ReactNode }) {
  return (
    <label className="text-sm">
      {label}
      {children ?? <input {...fieldProps(state, name, initial)} className={inputClass} />}
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

/** Editing a record: its id and the version the form saw (the version moves on with each save). */
function Edited({ state, record }: { state: Saved; record?: { id: number; version: number } }) {
  if (!record) return null;
  return (
    <>
      <input type="hidden" name="id" value={record.id} />
      <input type="hidden" name="version" value={state.status === 'ok' ? state.data.version : record.version} />
    </>
  );
}

export type SoeRecord = { id: number; version: number; name: string; shortName: string | null; nameEn: string | null; category: string; level: string; liaisonLead: string | null };

/** A new SOE, or (with `record`) an edit of one. */
export function SoeForm({ record }: { record?: SoeRecord }) {
  const t = useTranslations();
  const { state, form } = useActionForm(saveSoeAction, { resetOnSuccess: !record });
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-3">
      <Edited state={state} record={record} />
      <Field state={state} name="name" label={t('soe.name')} initial={record?.name} />
      <Field state={state} name="shortName" label={t('master.shortName')} initial={record?.shortName} />
      <Field state={state} name="nameEn" label={t('master.nameEn')} initial={record?.nameEn} />
      <Field state={state} name="category" label={t('soe.category')}>
        <select {...fieldProps(state, 'category', record?.category)} className={inputClass}>
          {Object.values(SoeCategory).map((c) => (
            <option key={c} value={c}>{t(`enum.SoeCategory.${c}`)}</option>
          ))}
        </select>
      </Field>
      <Field state={state} name="level" label={t('soe.level')}>
        <select {...fieldProps(state, 'level', record?.level)} className={inputClass}>
          {Object.values(SoeLevel).map((l) => (
            <option key={l} value={l}>{t(`enum.SoeLevel.${l}`)}</option>
          ))}
        </select>
      </Field>
      <Field state={state} name="liaisonLead" label={t('master.liaisonLead')} initial={record?.liaisonLead} />
      <Footer state={state} label={record ? t('common.save') : t('master.createSoe')} />
    </form>
  );
}

export type ZoneRecord = { id: number; version: number; name: string; districtId: number; townshipId: number | null; secretary: string | null; firstSecretary: string | null; mechanisms: string[]; lat?: number | null; lng?: number | null };

/** A new zone, or (with `record`) an edit of one. */
export function ZoneForm({ districts, record }: { districts: Option[]; record?: ZoneRecord }) {
  const t = useTranslations();
  const { state, form } = useActionForm(saveZoneAction, { resetOnSuccess: !record });
  const [districtId, setDistrictId] = useState(record?.districtId);
  const typedMechanisms = state.status !== 'idle' && state.status !== 'ok' ? state.values?.mechanisms : undefined;
  const checked = (m: string) => (Array.isArray(typedMechanisms) ? typedMechanisms.includes(m) : (record?.mechanisms.includes(m) ?? true));
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-3">
      <Edited state={state} record={record} />
      {/* The zone's street/township stays while its district does; another district has other townships. */}
      {record && <input type="hidden" name="townshipId" value={districtId === record.districtId ? (record.townshipId ?? '') : ''} />}
      <Field state={state} name="name" label={t('zones.title')} initial={record?.name} />
      <Field state={state} name="districtId" label={t('zones.district')}>
        <select {...fieldProps(state, 'districtId', record?.districtId)} onChange={(e) => setDistrictId(Number(e.target.value))} className={inputClass}>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>{d.name}</option>
          ))}
        </select>
      </Field>
      <Field state={state} name="secretary" label={t('zones.secretary')} initial={record?.secretary} />
      <Field state={state} name="firstSecretary" label={t('zones.firstSecretary')} initial={record?.firstSecretary} />
      <fieldset className="text-sm sm:col-span-2">
        <legend>{t('zones.mechanisms')}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {Object.values(Mechanism).map((m) => (
            <label key={m} className="flex items-center gap-1">
              <input type="checkbox" name="mechanisms[]" value={m} defaultChecked={checked(m)} /> {t(`enum.Mechanism.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="grid gap-2 text-sm sm:col-span-3 sm:grid-cols-3">
        <legend>{t('zones.coordinates')}</legend>
        <p className="text-xs text-slate-600 sm:col-span-3">{t('zones.coordinatesHint')}</p>
        <Field state={state} name="lat" label={t('zones.lat')} initial={record?.lat ?? undefined} />
        <Field state={state} name="lng" label={t('zones.lng')} initial={record?.lng ?? undefined} />
      </fieldset>
      <Footer state={state} label={record ? t('common.save') : t('master.createZone')} />
    </form>
  );
}

export type VillageRecord = { id: number; version: number; name: string; zoneId: number; population: number | null; households: number | null };

/** A new village, or (with `record`) an edit of one (its zone can change). */
export function VillageForm({ zones, record }: { zones: Option[]; record?: VillageRecord }) {
  const t = useTranslations();
  const { state, form } = useActionForm(saveVillageAction, { resetOnSuccess: !record });
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-4">
      <Edited state={state} record={record} />
      <Field state={state} name="name" label={t('zones.village')} initial={record?.name} />
      <Field state={state} name="zoneId" label={t('zones.title')}>
        <select {...fieldProps(state, 'zoneId', record?.zoneId)} className={inputClass}>
          {zones.map((z) => (
            <option key={z.id} value={z.id}>{z.name}</option>
          ))}
        </select>
      </Field>
      <Field state={state} name="population" label={t('zones.population')} initial={record?.population} />
      <Field state={state} name="households" label={t('zones.households')} initial={record?.households} />
      <Footer state={state} label={record ? t('common.save') : t('master.createVillage')} />
    </form>
  );
}

export function PairingForm({ soes, zones }: { soes: Option[]; zones: Option[] }) {
  const t = useTranslations();
  const { state, form } = useActionForm(createPairingAction, { resetOnSuccess: true });
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-3">
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

export function EndPairingForm({ pairingId, version, soe, zone }: { pairingId: number; version: number; soe: string; zone: string }) {
  const t = useTranslations();
  const today = new Date().toISOString().slice(0, 10);
  const { state, form } = useActionForm(endPairingAction);
  return (
    <form {...form} className="flex items-center gap-2">
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="until" value={today} />
      <ConfirmSubmit
        label={t('master.endPairing')}
        pendingLabel={t('common.saving')}
        title={t('master.endPairingTitle', { soe, zone })}
        consequence={t('master.endPairingConsequence', { date: today })}
        confirmLabel={t('master.endPairing')}
        danger
      />
      <FieldErrors state={state} name="until" />
      <FormMessage state={state} okText={t('common.saved')} />
    </form>
  );
}
