'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { safeCallbackPath } from '@/lib/auth/callback';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn('credentials', {
      redirect: false,
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    if (result?.ok && !result.error) {
      // Checked again here, against this page's own origin: never off-site.
      window.location.assign(safeCallbackPath(callbackUrl, window.location.origin));
      return;
    }
    setPending(false);
    const code = result?.error ?? '';
    // 'unavailable-<id>': the server failed; the log has the error under that id (lib/auth/options.ts).
    if (code.startsWith('unavailable-')) setError(t('unavailable', { id: code.slice('unavailable-'.length, 'unavailable-'.length + 8) }));
    else setError(code === 'locked' ? t('locked') : t('invalid'));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <label className="block text-sm">
        {t('username')}
        <input name="username" autoComplete="username" required autoFocus className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </label>
      <label className="block text-sm">
        {t('password')}
        <input name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </label>
      <p aria-live="polite" role="status" className="min-h-5 text-sm text-rose-700">
        {error}
      </p>
      <button type="submit" disabled={pending} className="w-full rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 disabled:opacity-60">
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
