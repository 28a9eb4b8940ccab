import { getTranslations } from 'next-intl/server';

export async function SampleBanner() {
  const t = await getTranslations('sample');
  return (
    <div role="note" className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-sm text-amber-900">
      {t('banner')}
    </div>
  );
}

export async function SampleTag() {
  const t = await getTranslations('sample');
  return (
    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{t('tag')}</span>
  );
}
