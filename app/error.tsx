'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { startTransition } from 'react';
import { readDigest } from '@/lib/errors';

// The server sends no error text, only a digest: a database failure's digest says so
// and carries the id under which the server log keeps the error; any other digest is
// quoted as it is (Next.js logs it with the error).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  const router = useRouter();
  const { databaseUnavailable, reference } = readDigest(error.digest);
  // Render the page again from the server, not only this boundary.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-lg font-semibold">{databaseUnavailable ? t('databaseUnavailable') : t('title')}</h1>
      <p className="mt-2 text-sm text-slate-700">{databaseUnavailable ? t('databaseUnavailableHint') : t('unexpectedHint')}</p>
      {reference && <p className="mt-2 text-xs text-slate-500">{t('reference', { id: reference })}</p>}
      <button type="button" onClick={retry} className="mt-4 rounded bg-red-800 px-4 py-2 text-white">
        {t('retry')}
      </button>
    </main>
  );
}
