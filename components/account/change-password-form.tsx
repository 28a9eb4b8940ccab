'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { changeOwnPasswordAction } from '@/lib/users/actions';

export function ChangePasswordForm() {
  const t = useTranslations();
  const { state, form } = useActionForm(changeOwnPasswordAction, { resetOnSuccess: true });
  // The change ended every session of this user: sign out here too.
  useEffect(() => {
    if (state.status === 'ok') {
      const timer = setTimeout(() => signOut({ callbackUrl: '/login' }), 2500);
      return () => clearTimeout(timer);
    }
  }, [state.status]);
  return (
    <form {...form} className="max-w-sm space-y-2">
      {(['currentPassword', 'newPassword', 'confirmPassword'] as const).map((name) => (
        <label key={name} className="block text-sm">
          {t(name === 'currentPassword' ? 'account.current' : name === 'newPassword' ? 'account.new' : 'account.confirm')}
          <input {...fieldProps(state, name)} type="password" autoComplete={name === 'currentPassword' ? 'current-password' : 'new-password'} required className={inputClass} />
          <FieldErrors state={state} name={name} />
        </label>
      ))}
      <SubmitButton label={t('account.submit')} pendingLabel={t('common.saving')} />
      <FormMessage state={state} okText={t('account.done')} />
    </form>
  );
}
