'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { setLocale } from '@/lib/i18n/actions';
import { locales } from '@/lib/i18n/config';

const NAMES: Record<(typeof locales)[number], string> = { 'zh-CN': '中文', en: 'English' };

export function LocaleSwitcher() {
  const t = useTranslations('app');
  const current = useLocale();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t('language')}</span>
      <select
        className="rounded border border-white/40 bg-red-900 px-2 py-1 text-white"
        value={current}
        disabled={pending}
        onChange={(e) => startTransition(() => setLocale(e.target.value))}
        aria-label={t('language')}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
