'use client';

import { useTranslations } from 'next-intl';
import { FieldErrors, FormMessage, SubmitButton, useActionForm } from '@/components/ui/form';
import { undoImportAction } from '@/lib/imports/actions';

/** Takes an import back as a whole; refused while a row it wrote has been edited since. */
export function UndoImportForm({ importId, version }: { importId: number; version: number }) {
  const t = useTranslations('imports');
  const { state, form } = useActionForm(undoImportAction);
  return (
    <form {...form} className="space-y-2 rounded-lg border border-rose-200 bg-white p-4">
      <input type="hidden" name="importId" value={importId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-slate-700">{t('undoHint')}</p>
      <FieldErrors state={state} name="importId" />
      <div className="flex items-center gap-3">
        <SubmitButton label={t('undo')} pendingLabel={t('undoing')} />
        <FormMessage state={state} okText={t('undoDone')} />
      </div>
    </form>
  );
}
