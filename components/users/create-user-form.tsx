'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import type { ActionState } from '@/lib/action-state';
import { Role } from '@/lib/db/enums';
import { createUserAction } from '@/lib/users/actions';
import { RoleScopeFields, typedRole, type ScopeOption } from './scope-fields';

export function CreateUserForm({ soes, villages }: { soes: ScopeOption[]; villages: ScopeOption[] }) {
  const { state, form } = useActionForm(createUserAction);
  // A new, empty form (fields and role) once a user was created; after a refusal everything stays as typed.
  return (
    <form {...form} key={state.status === 'ok' ? String(state.data.id) : 'form'} className="grid gap-3 sm:grid-cols-2">
      <CreateUserFields state={state} soes={soes} villages={villages} />
    </form>
  );
}

function CreateUserFields({ state, soes, villages }: { state: ActionState<{ id: number }>; soes: ScopeOption[]; villages: ScopeOption[] }) {
  const t = useTranslations();
  const [role, setRole] = useState<Role>(() => typedRole(state, Role.SOE_LIAISON));
  const password = fieldProps(state, 'password');
  return (
    <>
      <label className="text-sm">
        {t('users.username')}
        <input {...fieldProps(state, 'username')} autoComplete="off" required className={inputClass} />
        <FieldErrors state={state} name="username" />
      </label>
      <label className="text-sm">
        {t('users.displayName')}
        <input {...fieldProps(state, 'displayName')} required className={inputClass} />
        <FieldErrors state={state} name="displayName" />
      </label>
      <RoleScopeFields state={state} role={role} onRoleChange={setRole} soes={soes} villages={villages} />
      <label className="text-sm">
        {t('users.password')}
        <input {...password} aria-describedby={[password['aria-describedby'], 'password-hint'].filter(Boolean).join(' ')} type="password" autoComplete="new-password" required className={inputClass} />
        <span id="password-hint" className="block text-xs text-slate-500">{t('users.initialPasswordHint')}</span>
        <FieldErrors state={state} name="password" />
      </label>
      <div className="flex items-end gap-3 sm:col-span-2">
        <SubmitButton label={t('users.create')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={t('users.created')} />
      </div>
    </>
  );
}
