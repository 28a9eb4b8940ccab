'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useId, useRef, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { idle, type ActionState } from '@/lib/action-state';

export { inputClassName as inputClass } from './styles';

type FormAction<R> = (previous: ActionState<R>, input: FormData) => Promise<ActionState<R>>;

/**
 * The one way a form submits to a server action, keeping every field as the user left it.
 * React resets a form after its `action` runs, and a reset <select> goes back to the option
 * it first rendered (React ignores later defaultValues of a select), so after one error a
 * role showed 联村工作队 while its dependent scope field said 所属村, and passwords were
 * cleared. Here the submit event is handled in a transition instead: nothing is reset (the
 * form status still turns pending), the submitter's name/value is kept, and `action` stays
 * for a submit before hydration (then the page renders the echoed values). `resetOnSuccess`
 * clears a create form once it saved (its `onReset` resets any state that depends on fields).
 */
export function useActionForm<R>(serverAction: FormAction<R>, options: { resetOnSuccess?: boolean } = {}) {
  const [state, dispatch, pending] = useActionState(serverAction, idle as ActionState<R>);
  const ref = useRef<HTMLFormElement>(null);
  const resetOnSuccess = options.resetOnSuccess ?? false;
  useEffect(() => {
    if (resetOnSuccess && state.status === 'ok') ref.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  return { state, pending, form: { ref, action: dispatch, onSubmit } };
}

/** name/id/aria wiring, and the value to show: what the user last typed, else the record's. */
export function fieldProps(state: ActionState<unknown>, name: string, initial?: string | number | null, idSuffix = '') {
  const invalid = state.status === 'invalid' && Boolean(state.fieldErrors[name]?.length);
  const typed = state.status !== 'idle' && state.status !== 'ok' ? state.values?.[name] : undefined;
  return {
    name,
    id: `field-${name}${idSuffix}`,
    defaultValue: typeof typed === 'string' ? typed : (initial ?? undefined),
    'aria-invalid': invalid,
    'aria-describedby': invalid ? `error-${name}${idSuffix}` : undefined,
  };
}

/** The field's errors, read out when they change (`idSuffix` as given to fieldProps, when a page has several such forms). */
export function FieldErrors({ state, name, idSuffix = '' }: { state: ActionState<unknown>; name: string; idSuffix?: string }) {
  const errors = state.status === 'invalid' ? state.fieldErrors[name] : undefined;
  return (
    <p id={`error-${name}${idSuffix}`} aria-live="polite" className="min-h-4 text-xs text-rose-700">
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

type ConfirmProps = {
  /** The button that opens the question (and the question's title when `title` is not given). */
  label: string;
  pendingLabel: string;
  title?: string;
  /** What will happen, in words: evaluated when asked, so it can quote what was typed. */
  consequence: React.ReactNode | ((form: HTMLFormElement) => React.ReactNode);
  confirmLabel: string;
  /** False: no question (e.g. a criterion that does not complete the four), a plain submit. */
  ask?: boolean;
  /** Sent with the submit, as a submit button's own name/value. */
  name?: string;
  value?: string;
  danger?: boolean;
};

/**
 * A weighty act, asked once: the button checks the form, then a modal <dialog> names the
 * consequence; its confirm button submits the form (it sits inside it), Cancel or Esc
 * changes nothing. Focus starts on Cancel; the dialog fits a 390 px screen.
 */
export function ConfirmSubmit({ label, pendingLabel, title, consequence, confirmLabel, ask = true, name, value, danger = false }: ConfirmProps) {
  const t = useTranslations('common');
  const { pending } = useFormStatus();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [text, setText] = useState<React.ReactNode>(null);
  const id = useId();
  const tone = danger ? 'bg-rose-700 hover:bg-rose-800' : 'bg-red-800 hover:bg-red-900';
  if (!ask)
    return (
      <button type="submit" name={name} value={value} disabled={pending} aria-disabled={pending} className={`rounded px-4 py-2 text-sm font-medium text-white disabled:opacity-60 ${tone}`}>
        {pending ? pendingLabel : label}
      </button>
    );
  const open = (event: React.MouseEvent<HTMLButtonElement>) => {
    const form = event.currentTarget.form;
    if (!form || !form.reportValidity()) return;
    setText(typeof consequence === 'function' ? consequence(form) : consequence);
    dialog.current?.showModal();
    cancel.current?.focus();
  };
  return (
    <>
      <button type="button" onClick={open} disabled={pending} aria-disabled={pending} aria-haspopup="dialog" className={`rounded px-4 py-2 text-sm font-medium text-white disabled:opacity-60 ${tone}`}>
        {pending ? pendingLabel : label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-4 text-sm text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${id}-title`} className="text-base font-semibold">{title ?? label}</h2>
        <div id={`${id}-body`} className="mt-2 space-y-1 text-slate-700">{text}</div>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <button ref={cancel} type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-50">
            {t('cancel')}
          </button>
          <button type="submit" name={name} value={value} onClick={() => dialog.current?.close()} className={`rounded px-4 py-2 font-medium text-white ${tone}`}>
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
