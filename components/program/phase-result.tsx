import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Dashboard } from '@/lib/dashboard/overview';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatYuan } from '@/lib/i18n/format';
import { phaseName } from '@/lib/program/phases';

/**
 * The program's phases on the dashboard: the phase running today, and the final result of
 * the latest ended one (each target met or not, and by how much, as of its last day, with
 * the zones closest to accreditation). Without a running phase, a note, and for an
 * administrator a link to open the next one.
 */
export async function PhaseResult({ phases, locale, canManage }: { phases: Dashboard['phases']; locale: Locale; canManage: boolean }) {
  const t = await getTranslations('program');
  const { current, ended, next } = phases;
  const date = (d: Date) => formatDate(d, locale);
  return (
    <section aria-labelledby="program-phases" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="program-phases" className="font-semibold">
        {current ? t('currentTitle', { name: phaseName(current, locale), start: date(current.startsOn), end: date(current.endsOn) }) : t('noCurrentTitle')}
      </h2>
      {!current && (
        <p role="status" className="text-amber-800">
          {next ? t('nextPhase', { name: phaseName(next, locale), start: date(next.startsOn) }) : t('noCurrent')}{' '}
          {canManage && <Link href="/admin/program" className="text-red-800 underline">{t('setPhase')}</Link>}
        </p>
      )}
      {ended && (
        <div className="space-y-1" data-testid="phase-result">
          <h3 className="font-medium">{t('endedTitle', { name: phaseName(ended, locale), start: date(ended.startsOn), end: date(ended.endsOn) })}</h3>
          <ul className="list-disc pl-5">
            <li className={ended.zones.met ? 'text-emerald-800' : 'text-rose-800'}>
              {t(ended.zones.met ? 'zonesMet' : 'zonesNotMet', { date: date(ended.asOf), actual: ended.zones.actual, target: ended.zones.target, gap: ended.zones.gap })}
            </li>
            <li className={ended.income.met ? 'text-emerald-800' : 'text-rose-800'}>
              {ended.income.average === null
                ? t('incomeNone', { year: ended.year, villages: ended.income.villages })
                : t(ended.income.met ? 'incomeMet' : 'incomeNotMet', {
                    year: ended.year,
                    reporting: ended.income.reporting,
                    villages: ended.income.villages,
                    average: formatYuan(ended.income.average, locale),
                    target: formatYuan(ended.income.target, locale),
                    gap: formatYuan(ended.income.gap ?? '0', locale),
                  })}
            </li>
          </ul>
          <h4 className="font-medium">{t('closest')}</h4>
          {ended.closest.length ? (
            <ol className="list-decimal pl-5">
              {ended.closest.map((z) => (
                <li key={z.zoneId}>
                  <Link href={`/zones/${z.zoneId}`} className="underline">{z.name}</Link> {t('passed', { passed: z.passed })}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-slate-600">{t('closestNone')}</p>
          )}
        </div>
      )}
    </section>
  );
}
