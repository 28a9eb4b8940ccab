'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmSubmit, FieldErrors, fieldProps, FormMessage, inputClass, useActionForm } from '@/components/ui/form';
import type { Role } from '@/lib/db/enums';
import { changeUserAccessAction, resetPasswordAction, setUserActiveAction, unlockUserAction } from '@/lib/users/actions';
import { RoleScopeFields, typedRole, type ScopeOption } from './scope-fields';

export type UserRow = {
  id: number;
  username: string;
  version: number;
  active: boolean;
  locked: boolean;
  role: Role;
  soeId: number | null;
  villageId: number | null;
  self: boolean;
};

/** For one user row: unlock, (de)activate, change role and scope, reset the password. Each weighty act asks once. */
export function UserRowForms({ user, soes, villages }: { user: UserRow; soes: ScopeOption[]; villages: ScopeOption[] }) {
  const t = useTranslations('users');
  const common = useTranslations('common');
  const { state: activeState, form: toggle } = useActionForm(setUserActiveAction);
  const { state: unlockState, form: unlock } = useActionForm(unlockUserAction);
  const suffix = `-${user.id}`;
  return (
    <div className="space-y-2">
      {user.locked && (
        <form {...unlock} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="version" value={user.version} />
          <ConfirmSubmit
            label={t('unlock')}
            pendingLabel={common('saving')}
            title={t('unlockTitle', { username: user.username })}
            consequence={t('unlockConsequence')}
            confirmLabel={t('unlock')}
          />
          <FieldErrors state={unlockState} name="userId" />
          <FormMessage state={unlockState} okText={t('unlocked')} />
        </form>
      )}
      <form {...toggle} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
        <ConfirmSubmit
          label={user.active ? t('deactivate') : t('activate')}
          pendingLabel={common('saving')}
          title={user.active ? t('deactivateTitle', { username: user.username }) : t('activateTitle', { username: user.username })}
          consequence={user.active ? t('deactivateConsequence') : t('activateConsequence')}
          confirmLabel={user.active ? t('deactivate') : t('activate')}
          danger={user.active}
        />
        <FormMessage state={activeState} okText={common('saved')} />
        <FieldErrors state={activeState} name="active" />
      </form>
      {!user.self && (
        <details>
          <summary className="cursor-pointer text-sm text-red-800">{t('changeAccess')}</summary>
          <AccessForm user={user} soes={soes} villages={villages} suffix={suffix} />
        </details>
      )}
      <details>
        <summary className="cursor-pointer text-sm text-red-800">{t('resetPassword')}</summary>
        <ResetPasswordForm user={user} suffix={suffix} />
      </details>
    </div>
  );
}

function AccessForm({ user, soes, villages, suffix }: { user: UserRow; soes: ScopeOption[]; villages: ScopeOption[]; suffix: string }) {
  const t = useTranslations();
  const { state, form } = useActionForm(changeUserAccessAction);
  const [role, setRole] = useState<Role>(() => typedRole(state, user.role));
  return (
    <form {...form} className="mt-2 grid gap-2">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <RoleScopeFields state={state} role={role} onRoleChange={setRole} soes={soes} villages={villages} initial={user} idSuffix={suffix} />
      <div className="flex flex-wrap items-center gap-2">
        <ConfirmSubmit
          label={t('users.saveAccess')}
          pendingLabel={t('common.saving')}
          title={t('users.changeAccessTitle', { username: user.username })}
          consequence={(f) => t('users.changeAccessConsequence', { role: t(`role.${(new FormData(f).get('role') as Role) ?? role}`) })}
          confirmLabel={t('users.saveAccess')}
        />
        <FormMessage state={state} okText={t('users.accessChanged')} />
      </div>
    </form>
  );
}

function ResetPasswordForm({ user, suffix }: { user: UserRow; suffix: string }) {
  const t = useTranslations('users');
  const common = useTranslations('common');
  const { state, form } = useActionForm(resetPasswordAction, { resetOnSuccess: true });
  const password = fieldProps(state, 'password', undefined, suffix);
  return (
    <form {...form} className="mt-2 space-y-1">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <label className="block text-sm" htmlFor={password.id}>
        {t('newPassword')}
      </label>
      <input {...password} type="password" autoComplete="new-password" required className={inputClass} />
      <FieldErrors state={state} name="password" idSuffix={suffix} />
      <ConfirmSubmit
        label={common('save')}
        pendingLabel={common('saving')}
        title={t('resetTitle', { username: user.username })}
        consequence={t('resetConsequence')}
        confirmLabel={t('resetPassword')}
      />
      <FormMessage state={state} okText={common('saved')} />
    </form>
  );
}
