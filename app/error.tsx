'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <button type="button" onClick={reset} className="mt-4 rounded bg-red-800 px-4 py-2 text-white">
        {t('retry')}
      </button>
    </main>
  );
}
