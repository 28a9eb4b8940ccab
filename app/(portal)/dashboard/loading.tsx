import { getTranslations } from 'next-intl/server';

// Shown while the dashboard's figures are added up (only after data changed: they are cached).
export default async function DashboardLoading() {
  const t = await getTranslations('dashboard');
  return (
    <div className="space-y-6" aria-busy="true">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p role="status" className="text-sm text-slate-600">{t('loading')}</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-32 animate-pulse rounded-lg border border-slate-200 bg-white" />
        ))}
      </div>
    </div>
  );
}
