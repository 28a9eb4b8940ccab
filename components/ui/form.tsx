'use client';

import { useTranslations } from 'next-intl';
import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/lib/action-state';

export { inputClassName as inputClass } from './styles';

/** name/id/aria wiring, and the value to show: what the user last typed, else the record's. */
export function fieldProps(state: ActionState<unknown>, name: string, initial?: string | number | null) {
  const invalid = state.status === 'invalid' && Boolean(state.fieldErrors[name]?.length);
  const typed = state.status !== 'idle' && state.status !== 'ok' ? state.values?.[name] : undefined;
  return {
    name,
    id: `field-${name}`,
    defaultValue: typeof typed === 'string' ? typed : (initial ?? undefined),
    'aria-invalid': invalid,
    'aria-describedby': invalid ? `error-${name}` : undefined,
  };
}

/** The field's errors, read out when they change. */
export function FieldErrors({ state, name }: { state: ActionState<unknown>; name: string }) {
  const errors = state.status === 'invalid' ? state.fieldErrors[name] : undefined;
  return (
    <p id={`error-${name}`} aria-live="polite" className="min-h-4 text-xs text-rose-700">
      {errors?.join(' ')}
    </p>
  );
}

/** The form's outcome: saved, invalid, conflict, denied, or failed (with the reference the server log keeps). */
export function FormMessage({ state, okText }: { state: ActionState<unknown>; okText?: string }) {
  const t = useTranslations('errors');
  if (state.status === 'idle') return <p role="status" aria-live="polite" className="sr-only" />;
  const ok = state.status === 'ok';
  return (
    <p role={ok ? 'status' : 'alert'} aria-live="polite" className={`rounded px-3 py-2 text-sm ${ok ? 'bg-emerald-50 text-emerald-800' : 'bg-rose-50 text-rose-800'}`}>
      {ok ? okText : state.message}
      {state.status === 'error' && <span className="mt-1 block text-xs">{t('reference', { id: state.requestId })}</span>}
    </p>
  );
}

export function SubmitButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className="rounded bg-red-800 px-4 py-2 text-sm font-medium text-white hover:bg-red-900 disabled:opacity-60">
      {pending ? pendingLabel : label}
    </button>
  );
}
