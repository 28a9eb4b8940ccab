'use client';

import { useTranslations } from 'next-intl';
import { DateInput } from '@/components/ui/date-input';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { createTaskAction, editTaskAction, updateTaskAction } from '@/lib/tasks/actions';

const STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE'] as const;

/** A new entry of the zone's list of practical tasks, as the zone decided it. */
export function TaskForm({ zoneId, owners }: { zoneId: number; owners: { id: number; name: string }[] }) {
  const t = useTranslations();
  const { state, form } = useActionForm(createTaskAction, { resetOnSuccess: true });
  const field = (name: string, label: string) => (
    <label className="text-sm">
      {label}
      <input {...fieldProps(state, name, null, '-task')} required className={inputClass} />
      <FieldErrors state={state} name={name} idSuffix="-task" />
    </label>
  );
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-3" aria-label={t('tasks.add')}>
      <input type="hidden" name="zoneId" value={zoneId} />
      {field('title', t('tasks.title'))}
      {field('forWhom', t('tasks.forWhom'))}
      {field('responsible', t('tasks.responsible'))}
      <label className="text-sm">
        {t('tasks.owner')}
        <select {...fieldProps(state, 'soeId', '', '-task')} className={inputClass}>
          <option value="">{t('tasks.villagesOwn')}</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>{o.name}</option>
          ))}
        </select>
        <FieldErrors state={state} name="soeId" idSuffix="-task" />
      </label>
      <label className="text-sm">
        {t('tasks.dueOn')}
        <DateInput {...fieldProps(state, 'dueOn', null, '-task')} required className={inputClass} />
        <FieldErrors state={state} name="dueOn" idSuffix="-task" />
      </label>
      <div className="flex items-end gap-3">
        <SubmitButton label={t('tasks.add')} pendingLabel={t('common.saving')} />
      </div>
      <div className="sm:col-span-3">
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}

/** Moves one task on: its status, and the evidence (required once done). */
export function TaskProgressForm({ task }: { task: { id: number; version: number; title: string; status: (typeof STATUSES)[number]; evidence: string | null } }) {
  const t = useTranslations();
  const { state, form } = useActionForm(updateTaskAction);
  const version = state.status === 'ok' ? state.data.version : task.version;
  const suffix = `-t${task.id}`;
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-3" aria-label={t('tasks.update', { task: task.title })}>
      <input type="hidden" name="id" value={task.id} />
      <input type="hidden" name="version" value={version} />
      <label className="text-sm">
        {t('tasks.status')}
        <select {...fieldProps(state, 'status', task.status, suffix)} className={inputClass}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>{t(`enum.TaskStatus.${s}`)}</option>
          ))}
        </select>
        <FieldErrors state={state} name="status" idSuffix={suffix} />
      </label>
      <label className="text-sm sm:col-span-2">
        {t('tasks.evidence')}
        <input {...fieldProps(state, 'evidence', task.evidence, suffix)} placeholder={t('tasks.evidenceHint')} className={inputClass} />
        <FieldErrors state={state} name="evidence" idSuffix={suffix} />
      </label>
      <div className="flex items-center gap-3 sm:col-span-3">
        <SubmitButton label={t('common.save')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}

/** Corrects a task's text as the zone decided it: what, for whom, who is responsible, by when. */
export function TaskTextForm({ task }: { task: { id: number; version: number; title: string; forWhom: string; responsible: string; dueOn: string } }) {
  const t = useTranslations();
  const { state, form } = useActionForm(editTaskAction);
  const version = state.status === 'ok' ? state.data.version : task.version;
  const suffix = `-edit${task.id}`;
  const field = (name: 'title' | 'forWhom' | 'responsible', label: string) => (
    <label className="text-sm">
      {label}
      <input {...fieldProps(state, name, task[name], suffix)} required className={inputClass} />
      <FieldErrors state={state} name={name} idSuffix={suffix} />
    </label>
  );
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-2" aria-label={t('tasks.editTitle', { task: task.title })}>
      <input type="hidden" name="id" value={task.id} />
      <input type="hidden" name="version" value={version} />
      {field('title', t('tasks.title'))}
      {field('forWhom', t('tasks.forWhom'))}
      {field('responsible', t('tasks.responsible'))}
      <label className="text-sm">
        {t('tasks.dueOn')}
        <DateInput {...fieldProps(state, 'dueOn', task.dueOn, suffix)} required className={inputClass} />
        <FieldErrors state={state} name="dueOn" idSuffix={suffix} />
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <SubmitButton label={t('common.save')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}
