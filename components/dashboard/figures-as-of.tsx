import { getLocale, getTranslations } from 'next-intl/server';
import { toLocale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';

/**
 * The moment every figure of a page is exact for, and, when entries were committed since, that
 * they are being counted (lib/dashboard/cache.ts serves the last copy while it recomputes).
 */
export async function FiguresAsOf({ at, current }: { at: Date; current: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('dashboard'), getLocale().then(toLocale)]);
  return (
    <p className="text-xs text-slate-600" data-figures-as-of={at.toISOString()} data-current={current}>
      {t('figuresAsOf', { time: formatDateTime(at, locale) })}
      {!current && <span className="ml-1 text-amber-800">{t('figuresCatchingUp')}</span>}
    </p>
  );
}
