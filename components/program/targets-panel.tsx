import { getLocale, getTranslations } from 'next-intl/server';
import type { ProgramOverview } from '@/lib/program/queries';
import { toLocale } from '@/lib/i18n/config';
import { formatCount, formatDate, formatYuan } from '@/lib/i18n/format';

/** Formats a program figure by its unit: yuan as money, everything else as a count. */
function formatFigure(metric: string, value: string, locale: ReturnType<typeof toLocale>) {
  return metric.endsWith('INCOME') || metric.endsWith('_YUAN') ? formatYuan(value, locale) : formatCount(value, locale);
}

export async function TargetsPanel({ targets }: { targets: ProgramOverview['targets'] }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  return (
    <section aria-labelledby="targets" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="targets" className="text-base font-semibold">
        {t('home.targets')}
      </h2>
      {targets.length === 0 && <p className="text-sm text-slate-500">{t('home.empty')}</p>}
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        {targets.map((target) => (
          <li key={target.metric} className="rounded border border-red-100 bg-red-50 p-3">
            <p className="font-medium text-red-900">
              {t(`target.${target.metric}`, { value: formatFigure(target.metric, target.value, locale) })}
            </p>
            <p className="text-sm text-slate-600">
              {t('home.deadline', { date: formatDate(target.deadline, locale) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export async function ReportedPanel({ reported }: { reported: ProgramOverview['reported'] }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  const asOf = reported[0]?.asOf;
  return (
    <section aria-labelledby="reported" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="reported" className="text-base font-semibold">
        {t('home.reported')}
      </h2>
      {asOf && <p className="text-xs text-slate-500">{t('home.reportedNote', { date: formatDate(asOf, locale) })}</p>}
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {reported.map((r) => (
          <div key={r.metric} className="rounded border border-slate-200 p-3" title={r.source}>
            <dt className="text-xs text-slate-600">{t(`metric.${r.metric}`)}</dt>
            <dd className="text-xl font-semibold tabular-nums">
              {formatFigure(r.metric, r.value, locale)}
              {r.isLowerBound ? '+' : ''}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
