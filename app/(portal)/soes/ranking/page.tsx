import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { FiguresAsOf } from '@/components/dashboard/figures-as-of';
import { ExportLinks, Pagination } from '@/components/lists/list-controls';
import { YearForm } from '@/components/scorecard/components-table';
import { WeightsForm } from '@/components/scorecard/weights-form';
import { DataTable } from '@/components/ui/data-table';
import { SampleTag } from '@/components/ui/sample-banner';
import { can } from '@/lib/auth/policy';
import { requirePermission } from '@/lib/auth/current-user';
import { portalNow } from '@/lib/clock';
import { toLocale } from '@/lib/i18n/config';
import { formatScore, formatShare } from '@/lib/i18n/format';
import { firstValues, pageNumber, pageOf, TABLE_PAGE_SIZE, type SearchParams } from '@/lib/lists/params';
import { getRanking, scorecardYearSchema } from '@/lib/scorecard/queries';
import { ASSESSMENT_COMPONENTS } from '@/lib/scorecard/schemas';

/** The yearly assessment (考核) of the SOEs: the ranking with each component, and (administrators) its weights. */
export default async function RankingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('assessment.read', {});
  const now = portalNow();
  const params = firstValues(await searchParams);
  const year = scorecardYearSchema(now).parse(params.year);
  const asked = pageNumber.parse(params.page);
  const [t, locale, ranking] = await Promise.all([getTranslations(), getLocale().then(toLocale), getRanking(user, year, now)]);
  const { weights, rows } = ranking!;
  const shown = pageOf(rows, asked, TABLE_PAGE_SIZE);
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">{t('scorecard.rankingTitle')}</h1>
        <p className="text-sm text-slate-600">{t('scorecard.rankingIntro')}</p>
        <FiguresAsOf {...ranking!.asOf} />
      </header>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <YearForm year={year} />
        <ExportLinks path="/api/exports/ranking" current={{ year: String(year) }} />
      </div>
      <section aria-labelledby="weights" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="weights" className="mb-2 font-semibold">
          {t('scorecard.weightsTitle', { year })}
          {weights.isSample && <SampleTag />}
        </h2>
        {!weights.set && <p className="text-xs text-amber-800">{t('scorecard.weightsDefault', { year })}</p>}
        {can(user, 'assessment.manage', {}) ? (
          <WeightsForm key={year} year={year} saved={weights.id === null ? null : { id: weights.id, version: weights.version! }} weights={weights.weights} />
        ) : (
          <p className="text-sm">{ASSESSMENT_COMPONENTS.map((c) => `${t(`scorecard.component_.${c}`)} ${weights.weights[c]}%`).join(' · ')}</p>
        )}
      </section>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-2">
        <DataTable
          caption={t('scorecard.rankingTitle')}
          rows={shown.rows}
          rowKey={(r) => r.soeId}
          columns={[
            { label: t('scorecard.rank'), numeric: true, cell: (r) => r.rank ?? '—' },
            {
              label: t('scorecard.soe'),
              cell: (r) => (
                <>
                  <Link href={`/soes/${r.soeId}/scorecard?year=${year}`} className="text-red-900 hover:underline">{r.name}</Link>
                  {r.isSample && <SampleTag />}
                </>
              ),
            },
            { label: t('scorecard.zones'), numeric: true, cell: (r) => r.zones },
            ...ASSESSMENT_COMPONENTS.map((c) => ({
              label: `${t(`scorecard.component_.${c}`)}（${weights.weights[c]}%）`,
              numeric: true,
              cell: (r: (typeof rows)[number]) => (r.components[c] === null ? '—' : formatShare(r.components[c]!, locale)),
            })),
            { label: t('scorecard.score'), numeric: true, cell: (r) => <strong>{r.score === null ? '—' : formatScore(r.score, locale)}</strong> },
          ]}
        />
        {rows.length > TABLE_PAGE_SIZE && <div className="mt-2 px-2"><Pagination page={shown.page} total={rows.length} pageSize={TABLE_PAGE_SIZE} current={{ year: String(year) }} /></div>}
      </div>
    </div>
  );
}
