'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton } from '@/components/ui/form';
import { idle, type ActionState } from '@/lib/action-state';
import { ROLE_SCOPE } from '@/lib/auth/policy';
import { Role } from '@/lib/db/enums';
import { createUserAction } from '@/lib/users/actions';

type Option = { id: number; name: string };

export function CreateUserForm({ soes, villages }: { soes: Option[]; villages: Option[] }) {
  const t = useTranslations();
  const [state, action] = useActionState(createUserAction, idle as ActionState<{ id: number }>);
  const [role, setRole] = useState<Role>(Role.SOE_LIAISON);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2" key={state.status === 'ok' ? String(state.data.id) : 'form'}>
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
      <label className="text-sm">
        {t('users.role')}
        <select {...fieldProps(state, 'role', role)} onChange={(e) => setRole(e.target.value as Role)} className={inputClass}>
          {Object.values(Role).map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <FieldErrors state={state} name="role" />
      </label>
      {ROLE_SCOPE[role] === 'soe' && (
        <label className="text-sm">
          {t('users.soe')}
          <select {...fieldProps(state, 'soeId', '')} className={inputClass}>
            <option value="">{t('common.choose')}</option>
            {soes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldErrors state={state} name="soeId" />
        </label>
      )}
      {ROLE_SCOPE[role] === 'village' && (
        <label className="text-sm">
          {t('users.village')}
          <select {...fieldProps(state, 'villageId', '')} className={inputClass}>
            <option value="">{t('common.choose')}</option>
            {villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
          <FieldErrors state={state} name="villageId" />
        </label>
      )}
      <label className="text-sm">
        {t('users.password')}
        <input {...fieldProps(state, 'password')} type="password" autoComplete="new-password" required className={inputClass} />
        <FieldErrors state={state} name="password" />
      </label>
      <div className="flex items-end gap-3 sm:col-span-2">
        <SubmitButton label={t('users.create')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={t('users.created')} />
      </div>
    </form>
  );
}
