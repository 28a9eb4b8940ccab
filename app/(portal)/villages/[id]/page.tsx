import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { SampleTag } from '@/components/ui/sample-banner';
import { IncomeForm } from '@/components/villages/income-form';
import { latestCompleteYear } from '@/lib/metrics/trajectory';
import { requireUser } from '@/lib/auth/current-user';
import { parseId } from '@/lib/ids';
import { toLocale } from '@/lib/i18n/config';
import { formatDate, formatHouseholds, formatPeople, formatYuan } from '@/lib/i18n/format';
import { isIncomeJump } from '@/lib/metrics/quality';
import { getVillage } from '@/lib/villages/queries';
import { getVillageDividends } from '@/lib/cooperatives/queries';
import { dividendExceedsIncome } from '@/lib/cooperatives/rules';
import { DividendForm } from '@/components/cooperatives/cooperative-forms';
import { portalNow } from '@/lib/clock';
import { listZoneOptions } from '@/lib/zones/queries';
import { VillageForm } from '@/components/master/master-forms';
import { inputClassName } from '@/components/ui/styles';
import { firstValues, searchText, type SearchParams } from '@/lib/lists/params';

export default async function VillagePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const id = parseId((await params).id);
  const village = id === null ? null : await getVillage(user, id);
  if (!village) notFound();
  // The zone choices: its district's, or (`?zone=`) those of that name in any district.
  const zoneNamed = searchText.parse(firstValues(await searchParams).zone);
  const [t, locale, zones, dividends] = await Promise.all([
    getTranslations(),
    getLocale().then(toLocale),
    listZoneOptions(user, { zoneId: village.zone.id, districtId: village.zone.districtId }, zoneNamed),
    getVillageDividends(user, village.id),
  ]);
  return (
    <article className="space-y-4">
      <header>
        <h1 className="text-xl font-semibold">
          {village.name}
          {village.source?.isSample && <SampleTag />}
        </h1>
        <p className="text-sm text-slate-600">
          {village.zone.district.name} · <Link href={`/zones/${village.zone.id}`} className="text-red-900 hover:underline">{village.zone.name}</Link> ·{' '}
          {t('zones.population')} {village.population === null ? '—' : formatPeople(village.population, locale)} · {t('zones.households')}{' '}
          {village.households === null ? '—' : formatHouseholds(village.households, locale)}
        </p>
        {village.sourceNote && !village.source?.isSample && <p className="text-xs text-slate-500">{t('sample.factTag')}: {village.source?.title} — {village.sourceNote}</p>}
      </header>
      {village.canEdit && (
        <details className="rounded-lg border border-slate-200 bg-white p-4" open={zoneNamed !== undefined}>
          <summary className="cursor-pointer font-semibold">{t('master.editVillage')}</summary>
          <form method="get" className="mt-2 flex flex-wrap items-end gap-2 text-sm">
            <label>
              {t('master.otherZones')}
              <input name="zone" defaultValue={zoneNamed ?? ''} className={inputClassName} />
            </label>
            <button type="submit" className="rounded border border-slate-300 px-3 py-2">{t('list.search')}</button>
          </form>
          <div className="mt-2">
            <VillageForm
              zones={zones}
              record={{ id: village.id, version: village.version, name: village.name, zoneId: village.zone.id, population: village.population, households: village.households }}
            />
          </div>
        </details>
      )}
      {village.canReportIncome && (
        <IncomeForm
          villageId={village.id}
          year={latestCompleteYear(new Date())}
          existing={village.incomes.find((i) => i.year === latestCompleteYear(new Date())) ?? null}
        />
      )}
      <section aria-labelledby="income" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="income" className="font-semibold">{t('zones.incomes')}</h2>
        {dividends?.cooperative && <p className="text-xs text-slate-600">{t('cooperative.villageDividendIntro', { cooperative: dividends.cooperative.name })}</p>}
        <DataTable
          className="mt-2 max-w-2xl text-sm"
          rows={village.incomes}
          rowKey={(income) => income.year}
          columns={[
            { label: t('dashboard.year'), cell: (income) => income.year },
            {
              label: t('dashboard.average'),
              numeric: true,
              cell: (income, i) => (
                <>
                  {formatYuan(income.amount, locale)}
                  {i > 0 && isIncomeJump(Number(village.incomes[i - 1]!.amount), Number(income.amount)) && (
                    <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">{t('dashboard.incomeJumps')}</span>
                  )}
                </>
              ),
            },
            // A dividend is part of the year's income: shown as "of which through the cooperative", flagged when above the total.
            ...(dividends?.cooperative || dividends?.byYear.size
              ? [
                  {
                    label: t('cooperative.incomeOf'),
                    numeric: true,
                    cell: (income: (typeof village.incomes)[number]) => {
                      const d = dividends.byYear.get(income.year);
                      if (!d) return t('cooperative.noDividendYet');
                      return (
                        <span data-testid={`dividend-${income.year}`}>
                          {t('cooperative.throughCooperative', { amount: formatYuan(d.amount, locale) })}
                          {d.isSample && <sup className="ml-0.5 text-amber-800" title={t('sample.tag')}>*</sup>}
                          {dividendExceedsIncome(d.amount, income.amount) && <span className="ml-2 rounded bg-rose-100 px-1 text-xs text-rose-800">{t('cooperative.aboveIncome')}</span>}
                        </span>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
        {dividends?.canRecord && (
          <details className="mt-3 rounded border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-medium">{t('cooperative.recordDividend')}</summary>
            <div className="mt-2">
              <DividendForm
                villages={[{ id: village.id, name: village.name }]}
                year={latestCompleteYear(portalNow())}
                versions={Object.fromEntries([...dividends.byYear].map(([year, d]) => [`${village.id}:${year}`, d.version]))}
              />
            </div>
          </details>
        )}
      </section>
      {village.corrections.length > 0 && (
        <section aria-labelledby="income-corrections" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="income-corrections" className="font-semibold">{t('income.corrections')}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {village.corrections.map((c) => (
              <li key={c.id}>
                {t('income.correctionRow', {
                  year: c.year,
                  before: formatYuan(c.before, locale),
                  after: formatYuan(c.after, locale),
                  actor: c.actor ?? '—',
                  time: formatDate(c.at, locale),
                  reason: c.reason,
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="village-projects" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="village-projects" className="font-semibold">{t('zones.projects')}</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {village.projects.map((p) => (
            <li key={p.id}>
              <Link href={`/projects/${p.id}`} className="text-red-900 hover:underline">{p.name}</Link> · {p.soe.name} · {t(`status.${p.status}`)}
            </li>
          ))}
          {village.projects.length === 0 && <li className="text-slate-500">{t('projects.empty')}</li>}
        </ul>
      </section>
    </article>
  );
}
