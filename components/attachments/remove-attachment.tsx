'use client';

import { useTranslations } from 'next-intl';
import { ConfirmSubmit, FieldErrors, fieldProps, FormMessage, inputClass, useActionForm } from '@/components/ui/form';
import { deleteAttachmentAction } from '@/lib/attachments/actions';

/** Remove an evidence file (its uploader, an administrator): a reason, asked once; a soft delete. */
export function RemoveAttachment({ id, name }: { id: number; name: string }) {
  const t = useTranslations();
  const { state, form } = useActionForm(deleteAttachmentAction);
  const props = fieldProps(state, 'reason');
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-rose-800">{t('attachments.remove')}</summary>
      <form {...form} className="mt-1 space-y-1">
        <input type="hidden" name="id" value={id} />
        <label className="block">
          {t('attachments.removeReason')}
          <input {...props} id={`${props.id}-attachment-${id}`} className={inputClass} required minLength={4} maxLength={500} />
        </label>
        <FieldErrors state={state} name="reason" />
        <ConfirmSubmit label={t('attachments.remove')} pendingLabel={t('common.saving')} title={t('attachments.removeTitle')} consequence={`${name}: ${t('attachments.removeConsequence')}`} confirmLabel={t('attachments.remove')} danger />
        <FormMessage state={state} okText={t('common.saved')} />
      </form>
    </details>
  );
}
