import { useTranslations } from 'next-intl';

// Not async: an async component becomes a row of its own in the React payload and a segment streamed
// out of order in the HTML, and a list carries a mark on every sample row.
export function SampleBanner() {
  const t = useTranslations('sample');
  return (
    <div role="note" className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-sm text-amber-900">
      {t('banner')}
    </div>
  );
}

export function SampleTag() {
  const t = useTranslations('sample');
  return <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{t('tag')}</span>;
}
