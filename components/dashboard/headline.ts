import type { Dashboard } from '@/lib/dashboard/overview';
import type { Locale } from '@/lib/i18n/config';
import { formatCount, formatPeople, formatYuan } from '@/lib/i18n/format';
import type { translator } from '@/lib/i18n/translator';

type T = ReturnType<typeof translator>;

/**
 * The eight headline figures as the dashboard's cards show them, written once: the dashboard and the
 * briefing both print these strings, so the briefing's figures equal the dashboard's by construction.
 */
export function headlineValues(data: Dashboard, t: T, locale: Locale) {
  return {
    modelZones: t('dashboard.modelZonesValue', { count: data.zones.accredited, target: data.goal.zones }),
    income: data.income.average ? formatYuan(data.income.average, locale) : t('dashboard.noData'),
    projects: formatCount(data.projects.total, locale),
    participation: t('dashboard.participationValue', { soes: data.participation.soes, zones: data.participation.pairedZones }),
    investment: `${formatYuan(data.projects.planned, locale)} / ${formatYuan(data.projects.made, locale)}`,
    jobs: formatPeople(data.projects.jobs, locale),
    incomeToVillages: formatYuan(data.projects.incomeToVillages, locale),
    beneficiaries: formatPeople(data.participation.beneficiaries, locale),
  };
}

export type HeadlineId = keyof ReturnType<typeof headlineValues>;
