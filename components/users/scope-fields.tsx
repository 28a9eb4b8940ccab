'use client';

import { useTranslations } from 'next-intl';
import { FieldErrors, fieldProps, inputClass } from '@/components/ui/form';
import type { ActionState } from '@/lib/action-state';
import { ROLE_SCOPE } from '@/lib/auth/policy';
import { Role } from '@/lib/db/enums';

export type ScopeOption = { id: number; name: string };

/** The role a form shows: what was last typed (a refusal echoes it), else the record's. */
export function typedRole(state: ActionState<unknown>, initial: Role): Role {
  const typed = state.status !== 'idle' && state.status !== 'ok' ? state.values?.role : undefined;
  return typeof typed === 'string' && typed in ROLE_SCOPE ? (typed as Role) : initial;
}

/**
 * A role and the scope field that role needs (an SOE, a village, none), always in
 * agreement: the scope field shown is decided by the role the select shows.
 * `idSuffix` keeps ids unique when several of these forms share a page.
 */
export function RoleScopeFields({
  state,
  role,
  onRoleChange,
  soes,
  villages,
  initial,
  idSuffix = '',
}: {
  state: ActionState<unknown>;
  role: Role;
  onRoleChange: (role: Role) => void;
  soes: ScopeOption[];
  villages: ScopeOption[];
  initial?: { soeId: number | null; villageId: number | null };
  idSuffix?: string;
}) {
  const t = useTranslations();
  const field = (name: string, value?: string | number | null) => fieldProps(state, name, value, idSuffix);
  const scope = ROLE_SCOPE[role];
  return (
    <>
      <label className="text-sm">
        {t('users.role')}
        {/* Controlled: a reset or a refusal can never leave the select and the scope field apart. */}
        <select {...field('role')} defaultValue={undefined} value={role} onChange={(e) => onRoleChange(e.target.value as Role)} className={inputClass}>
          {Object.values(Role).map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <FieldErrors state={state} name="role" idSuffix={idSuffix} />
      </label>
      {scope === 'soe' && (
        <label className="text-sm">
          {t('users.soe')}
          <select {...field('soeId', initial?.soeId ?? '')} className={inputClass}>
            <option value="">{t('common.choose')}</option>
            {soes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldErrors state={state} name="soeId" idSuffix={idSuffix} />
        </label>
      )}
      {scope === 'village' && (
        <label className="text-sm">
          {t('users.village')}
          <select {...field('villageId', initial?.villageId ?? '')} className={inputClass}>
            <option value="">{t('common.choose')}</option>
            {villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
          <FieldErrors state={state} name="villageId" idSuffix={idSuffix} />
        </label>
      )}
      {scope === null && <p className="self-end pb-5 text-xs text-slate-500">{t('users.noScope')}</p>}
    </>
  );
}
