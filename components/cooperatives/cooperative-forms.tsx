'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { DateInput } from '@/components/ui/date-input';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { MoneyInput } from '@/components/ui/money-input';
import { recordDividendAction, saveCooperativeAction, saveShareAction, setCooperativeProjectsAction } from '@/lib/cooperatives/actions';

type Option = { id: number; name: string };

/** The zone's cooperative: its name, founding day and the zone's industry plan. */
export function CooperativeForm({ zoneId, record }: { zoneId: number; record: { id: number; version: number; name: string; foundedOn: string | null; plan: string | null } | null }) {
  const t = useTranslations();
  const { state, form } = useActionForm(saveCooperativeAction);
  const version = state.status === 'ok' ? state.data.version : record?.version;
  const id = state.status === 'ok' ? state.data.id : record?.id;
  const s = '-coop';
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-3" aria-label={record ? t('cooperative.edit') : t('cooperative.create')}>
      <input type="hidden" name="zoneId" value={zoneId} />
      {id && <input type="hidden" name="id" value={id} />}
      {version && <input type="hidden" name="version" value={version} />}
      <label className="text-sm">
        {t('cooperative.name')}
        <input {...fieldProps(state, 'name', record?.name, s)} required className={inputClass} />
        <FieldErrors state={state} name="name" idSuffix={s} />
      </label>
      <label className="text-sm">
        {t('cooperative.foundedOn')}
        <DateInput {...fieldProps(state, 'foundedOn', record?.foundedOn, s)} className={inputClass} />
        <FieldErrors state={state} name="foundedOn" idSuffix={s} />
      </label>
      <label className="text-sm">
        {t('cooperative.plan')}
        <input {...fieldProps(state, 'plan', record?.plan, s)} className={inputClass} />
        <FieldErrors state={state} name="plan" idSuffix={s} />
      </label>
      <div className="flex items-center gap-3 sm:col-span-3">
        <SubmitButton label={t('common.save')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}

/** A village's share: land (亩) and/or money, its percentage, as of a day; choosing a village that has one edits it. */
export function ShareForm({ cooperativeId, villages, versions }: { cooperativeId: number; villages: Option[]; versions: Record<number, number> }) {
  const t = useTranslations();
  const { state, form } = useActionForm(saveShareAction);
  const [villageId, setVillageId] = useState(String(villages[0]?.id ?? ''));
  const version = versions[Number(villageId)];
  const s = '-share';
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-3" aria-label={t('cooperative.addShare')}>
      <input type="hidden" name="cooperativeId" value={cooperativeId} />
      {version && <input type="hidden" name="version" value={version} />}
      <label className="text-sm">
        {t('cooperative.village')}
        <select {...fieldProps(state, 'villageId', villageId, s)} onChange={(e) => setVillageId(e.target.value)} className={inputClass}>
          {villages.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
        </select>
        <FieldErrors state={state} name="villageId" idSuffix={s} />
      </label>
      <label className="text-sm">
        {t('cooperative.landMu')}
        <input {...fieldProps(state, 'landMu', null, s)} inputMode="decimal" className={inputClass} />
        <FieldErrors state={state} name="landMu" idSuffix={s} />
      </label>
      <div>
        <MoneyInput state={state} name="amount" label={t('cooperative.amount')} unit="万元" idSuffix={s} />
      </div>
      <label className="text-sm">
        {t('cooperative.percent')}
        <input {...fieldProps(state, 'percent', null, s)} inputMode="decimal" className={inputClass} />
        <FieldErrors state={state} name="percent" idSuffix={s} />
      </label>
      <label className="text-sm">
        {t('cooperative.asOf')}
        <DateInput {...fieldProps(state, 'asOf', null, s)} required className={inputClass} />
        <FieldErrors state={state} name="asOf" idSuffix={s} />
      </label>
      <div className="flex items-end gap-3">
        <SubmitButton label={t('common.save')} pendingLabel={t('common.saving')} />
      </div>
      <div className="sm:col-span-3"><FormMessage state={state} okText={t('common.saved')} /></div>
    </form>
  );
}

/** A year's dividend to a village (a year already booked is corrected: its version travels along). */
export function DividendForm({ villages, year, versions }: { villages: Option[]; year: number; versions: Record<string, number> }) {
  const t = useTranslations();
  const { state, form } = useActionForm(recordDividendAction);
  const [villageId, setVillageId] = useState(String(villages[0]?.id ?? ''));
  const [chosenYear, setYear] = useState(String(year));
  const version = versions[`${villageId}:${chosenYear}`];
  const s = '-dividend';
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-4" aria-label={t('cooperative.recordDividend')}>
      {version && <input type="hidden" name="version" value={version} />}
      {villages.length === 1 ? (
        <input type="hidden" name="villageId" value={villages[0]!.id} />
      ) : (
        <label className="text-sm">
          {t('cooperative.village')}
          <select {...fieldProps(state, 'villageId', villageId, s)} onChange={(e) => setVillageId(e.target.value)} className={inputClass}>
            {villages.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
          </select>
          <FieldErrors state={state} name="villageId" idSuffix={s} />
        </label>
      )}
      <label className="text-sm">
        {t('cooperative.year')}
        <input {...fieldProps(state, 'year', year, s)} onChange={(e) => setYear(e.target.value)} inputMode="numeric" required className={inputClass} />
        <FieldErrors state={state} name="year" idSuffix={s} />
      </label>
      <div>
        {/* 元 first, as the village's income: the ledger is kept in yuan to the fen. */}
        <MoneyInput state={state} name="amount" label={t('cooperative.dividend')} unit="元" idSuffix={s} required />
      </div>
      <label className="text-sm">
        {t('cooperative.paidOn')}
        <DateInput {...fieldProps(state, 'paidOn', null, s)} className={inputClass} />
        <FieldErrors state={state} name="paidOn" idSuffix={s} />
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-4">
        <SubmitButton label={t('cooperative.recordDividend')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}

/** Which of the zone's projects the cooperative brought in. */
export function CooperativeProjectsForm({ cooperativeId, version, projects }: { cooperativeId: number; version: number; projects: (Option & { broughtIn: boolean })[] }) {
  const t = useTranslations();
  const { state, form } = useActionForm(setCooperativeProjectsAction);
  const current = state.status === 'ok' ? state.data.version : version;
  return (
    <form {...form} className="space-y-2" aria-label={t('cooperative.chooseProjects')}>
      <input type="hidden" name="cooperativeId" value={cooperativeId} />
      <input type="hidden" name="version" value={current} />
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="text-slate-600">{t('cooperative.chooseProjects')}</legend>
        {projects.map((p) => (
          <label key={p.id} className="inline-flex items-center gap-1">
            <input type="checkbox" name="projectIds[]" value={p.id} defaultChecked={p.broughtIn} /> {p.name}
          </label>
        ))}
      </fieldset>
      <FieldErrors state={state} name="projectIds" />
      <div className="flex items-center gap-3">
        <SubmitButton label={t('common.save')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}
