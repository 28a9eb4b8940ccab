'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton } from '@/components/ui/form';
import { idle, type ActionState } from '@/lib/action-state';
import { resetPasswordAction, setUserActiveAction } from '@/lib/users/actions';

/** Reset password and (de)activate, for one user row. */
export function UserRowForms({ userId, version, active }: { userId: number; version: number; active: boolean }) {
  const t = useTranslations('users');
  const common = useTranslations('common');
  const [resetState, reset] = useActionState(resetPasswordAction, idle as ActionState<void>);
  const [activeState, toggle] = useActionState(setUserActiveAction, idle as ActionState<void>);
  return (
    <div className="space-y-2">
      <form action={toggle} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="active" value={active ? 'false' : 'true'} />
        <SubmitButton label={active ? t('deactivate') : t('activate')} pendingLabel={common('saving')} />
        <FormMessage state={activeState} okText={common('saved')} />
        <FieldErrors state={activeState} name="active" />
      </form>
      <details>
        <summary className="cursor-pointer text-sm text-red-800">{t('resetPassword')}</summary>
        <form action={reset} className="mt-2 space-y-1">
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="version" value={version} />
          <label className="block text-sm">
            {t('newPassword')}
            <input {...fieldProps(resetState, 'password')} type="password" autoComplete="new-password" className={inputClass} />
          </label>
          <FieldErrors state={resetState} name="password" />
          <SubmitButton label={common('save')} pendingLabel={common('saving')} />
          <FormMessage state={resetState} okText={common('saved')} />
        </form>
      </details>
    </div>
  );
}
