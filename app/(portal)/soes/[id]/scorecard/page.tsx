import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CommitmentForm } from '@/components/scorecard/commitment-form';
import { ComponentsTable, YearForm } from '@/components/scorecard/components-table';
import { DataTable } from '@/components/ui/data-table';
import { SampleTag } from '@/components/ui/sample-banner';
import { can } from '@/lib/auth/policy';
import { requireUser } from '@/lib/auth/current-user';
import { portalNow } from '@/lib/clock';
import { parseId } from '@/lib/ids';
import { toLocale } from '@/lib/i18n/config';
import { formatCount, formatShare, formatYuan } from '@/lib/i18n/format';
import { firstValues, type SearchParams } from '@/lib/lists/params';
import { getScorecard, scorecardYearSchema } from '@/lib/scorecard/queries';
import { MONEY_MEASURES } from '@/lib/scorecard/schemas';

/** An SOE's scorecard for a year: commitments against delivery per paired zone, and the assessment's components. */
export default async function ScorecardPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const id = parseId((await params).id);
  const now = portalNow();
  const year = scorecardYearSchema(now).parse(firstValues(await searchParams).year);
  const card = id === null ? null : await getScorecard(user, id, year, now);
  if (!card) notFound();
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  const canCommit = can(user, 'commitment.manage', { soeId: card.soe.id });
  const a = card.assessment;
  const figure = (measure: string, value: string | null) =>
    value === null ? null : MONEY_MEASURES.includes(measure as never) ? formatYuan(value, locale) : formatCount(value, locale);
  return (
    <article className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">
          {t('scorecard.title', { soe: card.soe.name })}
          {card.soe.isSample && <SampleTag />}
        </h1>
        <p className="text-sm text-slate-600">
          <Link href={`/soes/${card.soe.id}`} className="text-red-900 hover:underline">{card.soe.name}</Link>
          {can(user, 'assessment.read', {}) && (
            <> · <Link href={`/soes/ranking?year=${year}`} className="text-red-900 hover:underline">{t('scorecard.rankingTitle')}</Link></>
          )}
        </p>
        <p className="text-sm text-slate-600">{t('scorecard.intro')}</p>
      </header>
      <YearForm year={year} />
      <p className="text-sm text-slate-700" data-testid="scorecard-pioneers">
        {t('pioneers.scorecard', { soe: card.pioneers.soeMembers, village: card.pioneers.villageMembers, posts: card.pioneers.posts })}
      </p>
      {!a ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm">{t('scorecard.noPairing', { year })}</p>
      ) : (
        <>
          <ComponentsTable assessment={a} weights={card.weights} year={year} />
          <section aria-labelledby="sc-zones" className="space-y-3">
            <h2 id="sc-zones" className="font-semibold">{t('scorecard.zonesTitle')}</h2>
            {a.zones.map((z) => (
              <section key={z.pairingId} aria-labelledby={`sc-zone-${z.pairingId}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid={`scorecard-zone-${z.pairingId}`}>
                <h3 id={`sc-zone-${z.pairingId}`} className="font-semibold">
                  <Link href={`/zones/${z.zoneId}`} className="text-red-900 hover:underline">{z.zone}</Link>
                  {z.commitmentSample && <SampleTag />}
                </h3>
                <p className="text-sm text-slate-700">
                  {z.accredited ? t('scorecard.accredited', { year }) : t('scorecard.notAccredited', { year })} ·{' '}
                  {z.incomeAverage === null
                    ? t('scorecard.noIncome', { year })
                    : t('scorecard.income', { year, amount: formatYuan(z.incomeAverage, locale), n: z.incomeReporting, total: z.villages })}
                </p>
                <DataTable
                  rows={z.measures}
                  rowKey={(m) => m.measure}
                  columns={[
                    { label: t('scorecard.measure'), cell: (m) => t(`scorecard.measureName.${m.measure}`) },
                    { label: t('scorecard.committed'), numeric: true, cell: (m) => figure(m.measure, m.committed) ?? <span className="text-slate-500">{t('scorecard.notCommitted')}</span> },
                    {
                      label: t('scorecard.delivered'),
                      numeric: true,
                      cell: (m) => (
                        <>
                          {figure(m.measure, m.delivered) ?? <span className="text-slate-500">{t('scorecard.notEntered')}</span>}
                          <span className="ml-1 text-xs text-slate-500">（{m.entered ? t('scorecard.entered') : t('scorecard.computed')}）</span>
                        </>
                      ),
                    },
                    { label: t('scorecard.share'), numeric: true, cell: (m) => (m.share === null ? '—' : formatShare(m.share, locale)) },
                  ]}
                />
                {canCommit && (
                  // Not in a <details>: one that opened while none was entered would close on saving and hide the answer.
                  <div className="rounded border border-slate-200 p-3">
                    <h4 className="text-sm font-medium">{t('scorecard.editCommitment', { zone: z.zone, year })}</h4>
                    <div className="mt-2">
                      <CommitmentForm
                        pairingId={z.pairingId}
                        year={year}
                        zone={z.zone}
                        existing={z.commitmentId === null ? null : {
                          id: z.commitmentId, version: z.commitmentVersion!,
                          investment: z.c_investment, projects: z.c_projects, jobs: z.c_jobs, purchases: z.c_purchases,
                          trainingSessions: z.c_trainingSessions, staffStationed: z.c_staffStationed,
                          purchasesDone: z.purchasesDone, trainingDone: z.trainingDone, staffDone: z.staffDone,
                        }}
                      />
                    </div>
                  </div>
                )}
              </section>
            ))}
          </section>
        </>
      )}
    </article>
  );
}
