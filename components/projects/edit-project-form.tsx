'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton } from '@/components/ui/form';
import { idle, type ActionState } from '@/lib/action-state';
import { updateProjectAction } from '@/lib/projects/actions';

type Project = { id: number; version: number; name: string; description: string | null; plannedInvestment: string | null };

export function EditProjectForm({ project }: { project: Project }) {
  const t = useTranslations();
  const [state, action] = useActionState(updateProjectAction, idle as ActionState<{ version: number }>);
  const version = state.status === 'ok' ? state.data.version : project.version;
  return (
    <form action={action} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{t('projectForm.title')}</h2>
      <input type="hidden" name="projectId" value={project.id} />
      <input type="hidden" name="version" value={version} />
      <label className="block text-sm">
        {t('projects.name')}
        <input {...fieldProps(state, 'name', project.name)} required className={inputClass} />
        <FieldErrors state={state} name="name" />
      </label>
      <label className="block text-sm">
        {t('projects.planned')}
        <input {...fieldProps(state, 'plannedInvestment', project.plannedInvestment)} inputMode="decimal" className={inputClass} />
        <FieldErrors state={state} name="plannedInvestment" />
      </label>
      <label className="block text-sm">
        {t('projectForm.description')}
        <textarea {...fieldProps(state, 'description', project.description)} rows={3} className={inputClass} />
        <FieldErrors state={state} name="description" />
      </label>
      <SubmitButton label={t('users.save')} pendingLabel={t('users.saving')} />
      <FormMessage state={state} okText={t('users.saved')} />
    </form>
  );
}
