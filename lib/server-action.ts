import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { toLocale } from '@/lib/i18n/config';
import { echo, failed, type Mutation } from './action';
import type { ActionState } from './action-state';

/**
 * FormData as a plain object: `x[]` fields become arrays, `rows.0.people`
 * paths nest. The schema, not this, decides what is valid.
 */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION')) continue;
    if (key.endsWith('[]')) {
      ((out[key.slice(0, -2)] ??= []) as unknown[]).push(value);
      continue;
    }
    const path = key.split('.');
    // Bounded: short paths, small indices, no prototype keys.
    if (path.length > 4 || path.some((p) => /^(__proto__|constructor|prototype|\d{4,})$/.test(p))) continue;
    let node: Record<string, unknown> = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= /^\d+$/.test(path[i + 1]!) ? [] : {}) as Record<string, unknown>;
    });
  }
  return out;
}

/**
 * A server action for `useActionState`: the current user runs the mutation; pages are revalidated
 * after it commits, and `redirectTo` (e.g. a new record's page) is where the user goes then.
 */
export function serverAction<R>(mutation: Mutation<R>, revalidate: string[] = [], options: { redirectTo?: (data: R) => string } = {}) {
  return async (_previous: ActionState<R>, input: FormData | Record<string, unknown>): Promise<ActionState<R>> => {
    const locale = await getLocale().then(toLocale);
    const raw = input instanceof FormData ? formToObject(input) : input;
    // Who is signed in is read from the database too: when it does not answer, the form still keeps what was typed.
    const user = await getCurrentUser().catch((error: unknown) => failed(error, echo(raw), locale));
    if (user && 'status' in user) return user;
    const state = await mutation(user, raw, locale);
    if (state.status === 'ok') for (const path of revalidate) revalidatePath(path);
    if (state.status === 'ok' && options.redirectTo) redirect(options.redirectTo(state.data));
    return state;
  };
}
