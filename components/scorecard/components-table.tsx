import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { inputClassName } from '@/components/ui/styles';
import { toLocale } from '@/lib/i18n/config';
import { formatScore, formatShare, formatYuan } from '@/lib/i18n/format';
import type { getScorecard } from '@/lib/scorecard/queries';
import { ASSESSMENT_COMPONENTS, type AssessmentComponent } from '@/lib/scorecard/schemas';

type Card = NonNullable<Awaited<ReturnType<typeof getScorecard>>>;

/** The year a scorecard or the ranking shows, chosen by a plain GET form. */
export async function YearForm({ year }: { year: number }) {
  const t = await getTranslations('scorecard');
  return (
    <form method="get" className="flex items-end gap-2 text-sm">
      <label>
        {t('year')}
        <input name="year" type="number" min={2021} max={2100} defaultValue={year} className={inputClassName} />
      </label>
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-2 hover:bg-slate-50">{t('show')}</button>
    </form>
  );
}

/** The assessment's components for one SOE: each value, its weight and what it rests on, and the score. */
export async function ComponentsTable({ assessment: a, weights, year }: { assessment: NonNullable<Card['assessment']>; weights: Card['weights']; year: number }) {
  const [t, locale] = await Promise.all([getTranslations('scorecard'), getLocale().then(toLocale)]);
  const zones = new Set(a.zones.map((z) => z.zoneId)).size;
  const accredited = new Set(a.zones.filter((z) => z.accredited).map((z) => z.zoneId)).size;
  const detail: Record<AssessmentComponent, string> = {
    delivery: t('zonesDetail', { accredited: a.zones.filter((z) => z.commitmentId !== null).length, zones: a.zones.length }),
    accreditation: t('zonesDetail', { accredited, zones }),
    income: a.incomeAverage === null ? t('noIncome', { year }) : t('incomeDetail', { amount: formatYuan(a.incomeAverage, locale), target: a.incomeTarget ? formatYuan(a.incomeTarget, locale) : '—' }),
    feedback: t('feedbackDetail', { count: a.feedbackCount, avg: a.feedback === null ? '—' : formatScore(Number(a.feedback), locale) }),
    timeliness: t('months', { due: a.months.due, onTime: a.months.onTime }),
    disputes: t('updatesDetail', { updates: a.updates, disputed: a.disputedOrExcluded, open: a.openDisputes }),
  };
  return (
    <section aria-labelledby="sc-components" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="sc-components" className="font-semibold">{t('componentsTitle')}</h2>
      {!weights.set && <p className="text-xs text-amber-800">{t('weightsDefault', { year })}</p>}
      <p className="text-sm">
        {t('score')}：<strong data-testid="scorecard-score">{a.score === null ? t('noValue') : formatScore(a.score, locale)}</strong> · {t('openDisputes')}：{a.openDisputes}
      </p>
      <DataTable
        rows={ASSESSMENT_COMPONENTS}
        rowKey={(c) => c}
        columns={[
          { label: t('component'), cell: (c) => t(`component_.${c}`) },
          { label: t('value'), numeric: true, cell: (c) => (a.components[c] === null ? t('noValue') : formatShare(a.components[c]!, locale)) },
          { label: t('weight'), numeric: true, cell: (c) => `${weights.weights[c]}%` },
          { label: t('detail'), wide: true, cell: (c) => detail[c] },
        ]}
      />
    </section>
  );
}
