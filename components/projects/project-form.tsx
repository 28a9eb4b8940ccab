'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { DateInput } from '@/components/ui/date-input';
import { MoneyInput } from '@/components/ui/money-input';
import { CooperationMethod, CooperationMode, OutcomeArea, WorkBatch } from '@/lib/db/enums';
import { createProjectAction, updateProjectAction } from '@/lib/projects/actions';

type Village = { id: number; name: string };
type Zone = { id: number; name: string; villages: Village[] };
export type ProjectValues = {
  id: number;
  version: number;
  name: string;
  mode: string;
  method: string;
  outcomeArea: string;
  batch: string;
  plannedInvestment: string | null;
  startDate: string | null;
  endDate: string | null;
  description: string | null;
  villageIds: number[];
};

const ENUMS = { mode: CooperationMode, method: CooperationMethod, outcomeArea: OutcomeArea, batch: WorkBatch } as const;
const ENUM_NAMES = { mode: 'CooperationMode', method: 'CooperationMethod', outcomeArea: 'OutcomeArea', batch: 'WorkBatch' } as const;

/** Create (with the zones the SOE is paired with) or edit a project. */
export function ProjectForm({ project, zones, villages }: { project?: ProjectValues; zones?: Zone[]; villages?: Village[] }) {
  const t = useTranslations();
  const { state, form } = useActionForm(project ? updateProjectAction : createProjectAction);
  const [zoneId, setZoneId] = useState<number | undefined>(zones?.[0]?.id);
  const choices = project ? (villages ?? []) : (zones?.find((z) => z.id === zoneId)?.villages ?? []);
  const version = state.status === 'ok' ? state.data.version : project?.version;
  const typedVillages = state.status !== 'idle' && state.status !== 'ok' ? state.values?.villageIds : undefined;
  const checked = (id: number) => (Array.isArray(typedVillages) ? typedVillages.includes(String(id)) : (project?.villageIds.includes(id) ?? false));
  return (
    <form {...form} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
      {project && <input type="hidden" name="projectId" value={project.id} />}
      {project && <input type="hidden" name="version" value={version} />}
      <label className="text-sm sm:col-span-2">
        {t('projects.name')}
        <input {...fieldProps(state, 'name', project?.name)} required className={inputClass} />
        <FieldErrors state={state} name="name" />
      </label>
      {!project && (
        <label className="text-sm">
          {t('projects.zone')}
          <select {...fieldProps(state, 'zoneId', zoneId)} onChange={(e) => setZoneId(Number(e.target.value))} className={inputClass}>
            {zones?.map((z) => (
              <option key={z.id} value={z.id}>{z.name}</option>
            ))}
          </select>
          <FieldErrors state={state} name="zoneId" />
        </label>
      )}
      {(Object.keys(ENUMS) as (keyof typeof ENUMS)[]).map((field) => (
        <label key={field} className="text-sm">
          {t(`projectForm.${field}`)}
          <select {...fieldProps(state, field, project?.[field])} className={inputClass}>
            {Object.values(ENUMS[field]).map((v) => (
              <option key={v} value={v}>{t(`enum.${ENUM_NAMES[field]}.${v}` as 'enum.WorkBatch.INDUSTRY')}</option>
            ))}
          </select>
          <FieldErrors state={state} name={field} />
        </label>
      ))}
      <MoneyInput state={state} name="plannedInvestment" label={t('projects.planned')} initial={project?.plannedInvestment} unit="万元" />
      <label className="text-sm">
        {t('projectForm.startDate')}
        <DateInput {...fieldProps(state, 'startDate', project?.startDate)} />
        <FieldErrors state={state} name="startDate" />
      </label>
      <label className="text-sm">
        {t('projectForm.endDate')}
        <DateInput {...fieldProps(state, 'endDate', project?.endDate)} />
        <FieldErrors state={state} name="endDate" />
      </label>
      <fieldset className="text-sm sm:col-span-2">
        <legend>{t('projects.villages')}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {choices.map((v) => (
            <label key={`${zoneId}-${v.id}`} className="flex items-center gap-1">
              <input type="checkbox" name="villageIds[]" value={v.id} defaultChecked={checked(v.id)} /> {v.name}
            </label>
          ))}
        </div>
        <FieldErrors state={state} name="villageIds" />
      </fieldset>
      <label className="text-sm sm:col-span-2">
        {t('projectForm.description')}
        <textarea {...fieldProps(state, 'description', project?.description)} rows={3} className={inputClass} />
        <FieldErrors state={state} name="description" />
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <SubmitButton label={project ? t('common.save') : t('projectForm.create')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={project ? t('common.saved') : t('projectForm.created')} />
        {!project && state.status === 'ok' && (
          <a href={`/projects/${state.data.id}`} className="text-sm text-red-800 underline">{t('projectForm.open')}</a>
        )}
      </div>
    </form>
  );
}
