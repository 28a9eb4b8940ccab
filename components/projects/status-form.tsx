'use client';

import { useTranslations } from 'next-intl';
import { FieldErrors, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { changeProjectStatusAction } from '@/lib/projects/actions';

export function StatusForm({ projectId, version, next }: { projectId: number; version: number; next: string[] }) {
  const t = useTranslations();
  const { state, form } = useActionForm(changeProjectStatusAction);
  if (next.length === 0) return null;
  return (
    <form {...form} className="flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="version" value={state.status === 'ok' ? state.data.version : version} />
      <label>
        {t('updateForm.changeStatus')}
        <select name="status" className={inputClass}>
          {next.map((s) => (
            <option key={s} value={s}>{t(`status.${s}` as 'status.PREPARING')}</option>
          ))}
        </select>
      </label>
      <SubmitButton label={t('common.save')} pendingLabel={t('common.saving')} />
      <FieldErrors state={state} name="status" />
      <FormMessage state={state} okText={t('common.saved')} />
    </form>
  );
}
