import { getLocale, getTranslations } from 'next-intl/server';
import { SampleTag } from '@/components/ui/sample-banner';
import type { IncomeSources } from '@/lib/dashboard/income-sources';
import { toLocale } from '@/lib/i18n/config';
import { formatCount, formatYuan } from '@/lib/i18n/format';
import { Definition } from './definition';

const PARTS = [
  { key: 'dividends', color: 'bg-red-700' },
  { key: 'projects', color: 'bg-amber-500' },
  { key: 'rest', color: 'bg-slate-300' },
] as const;

/** The year's collective income split into cooperative dividends, income from pairing projects and the rest: one bar, drawn on the server. */
export async function IncomeSourcesFigure({ data }: { data: IncomeSources }) {
  const year = data.year;
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  const total = Number(data.total);
  // The parts as drawn: each as a share of the larger of the total and their sum (the parts may overlap).
  const scale = Math.max(total, PARTS.reduce((sum, p) => sum + Number(data[p.key]), 0)) || 1;
  const pct = (v: string) => Math.round((Number(v) / scale) * 1000) / 10;
  return (
    <section id="income-sources" aria-labelledby="income-sources-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-sample={data.isSample ? 'true' : undefined}>
      <div className="flex items-start justify-between gap-2">
        <h2 id="income-sources-title" className="font-semibold">
          {t('incomeSources.title', { year })}
          {data.isSample && <SampleTag />}
        </h2>
        <Definition text={t('incomeSources.definition')} label={t('dashboard.definition')} />
      </div>
      <p className="text-xs text-slate-600">{t('incomeSources.intro')}</p>
      <p className="mt-2 text-sm">
        {t('incomeSources.total')}<span className="font-semibold tabular-nums">{formatYuan(data.total, locale)}</span>
        <span className="ml-2 text-xs text-slate-500">{t('incomeSources.villages', { count: formatCount(data.villages, locale) })}</span>
      </p>
      <div className="mt-2 flex h-4 w-full overflow-hidden rounded bg-slate-100" aria-hidden="true">
        {PARTS.map((p) => <div key={p.key} className={p.color} style={{ width: `${pct(data[p.key])}%` }} />)}
      </div>
      <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-3">
        {PARTS.map((p) => (
          <div key={p.key} className="flex items-center gap-2" data-income-source={p.key}>
            <span className={`inline-block h-3 w-3 rounded-sm ${p.color}`} aria-hidden="true" />
            <dt>{t(`incomeSources.${p.key}`)}</dt>
            <dd className="tabular-nums">
              {formatYuan(data[p.key], locale)} <span className="text-xs text-slate-500">({t('incomeSources.share', { share: total ? Math.round((Number(data[p.key]) / total) * 1000) / 10 : 0 })})</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
