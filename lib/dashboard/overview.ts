import 'server-only';
import { can, sqlScope, type SessionUser } from '@/lib/auth/policy';
import { readDb } from '@/lib/db/client';
import { forecastReachDate, latestCompleteYear, meets, progress, trajectoryPoints } from '@/lib/metrics/trajectory';
import { cachedSnapshot, scopePart } from './cache';
import { getQualityFlags } from './flags';
import {
  getAccreditationHistory,
  getDistrictBreakdown,
  getDistrictInvestment,
  getIncomeByYear,
  getIncomeDistribution,
  getKpis,
  getProjectBreakdown,
  getSoeLeaderboard,
} from './queries';
import { computeIncomeSources } from './income-sources';
import { getSampleMarks } from './sample-marks';

import { portalNow } from '@/lib/clock';
import { PROGRAM_START } from '@/lib/dates';
import { getPhaseResult, listPhases, phasesAt, type Phase } from '@/lib/program/phases';

/** The model zones counted on `day` (the trajectory of a later phase starts from them, not from 0). */
function accreditedOn(history: { date: Date; value: number }[], day: Date) {
  return day <= PROGRAM_START ? 0 : (history.filter((h) => h.date <= day).at(-1)?.value ?? 0);
}

/** The five-year action began in 2021 (docs/program.md); defined once in lib/dates.ts. */
export { PROGRAM_START };
/** The dashboard shows the leading SOEs; the SOE list and the export have them all. */
export const SOE_BOARD_ROWS = 20;
const FALLBACK = { zones: 60, income: '500000', incomeStrict: true };

/**
 * The phases on `now`'s day: the running phase's targets are the dashboard's goal (progress,
 * trajectory, forecast); without one, the latest ended phase's targets stand, with its final
 * result and no forecast (the phase is over: nothing to forecast against).
 */
async function programPhases(now: Date) {
  const { current, ended, next } = phasesAt(await listPhases(), now);
  const shown = current ?? ended;
  const t = shown?.targets ?? FALLBACK;
  const deadline = shown?.endsOn ?? new Date('2025-12-31T00:00:00Z');
  const goal = { zones: t.zones, zonesDeadline: deadline, income: t.income, incomeStrict: t.incomeStrict, incomeDeadline: deadline };
  const brief = (p: Phase | null) => (p ? { id: p.id, name: p.name, nameEn: p.nameEn, startsOn: p.startsOn, endsOn: p.endsOn } : null);
  const result = ended?.targets ? { ...brief(ended)!, ...(await getPhaseResult({ ...ended, targets: ended.targets })) } : null;
  return { goal, running: current !== null, phases: { current: brief(current), ended: result, next: brief(next) }, start: current?.startsOn ?? PROGRAM_START };
}

/** The five program-level totals the source report gives, in the order the dashboard lists them. */
export const REPORTED_TOTALS = ['SOE_PARTY_COMMITTEES', 'PAIRED_JOINT_COMMITTEES', 'PROJECTS', 'RURAL_BENEFICIARIES', 'FUNCTIONAL_JOINT_COMMITTEES'] as const;

/**
 * The program-level reported figures with their source, and their date as the source gives it:
 * `asOfText` (the source's words) where it gives no exact date, `asOf` only where it does.
 */
async function reported() {
  const rows = await readDb().reportedStatistic.findMany({
    where: { soeId: null, zoneId: null, projectId: null },
    select: { metric: true, value: true, asOf: true, asOfText: true, isLowerBound: true, source: { select: { title: true, publisher: true } } },
    orderBy: { asOf: 'desc' },
  });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.metric)) latest.set(r.metric, r);
  return Object.fromEntries(
    [...latest.values()].map((r) => [
      r.metric,
      {
        value: r.value.toString(),
        asOf: r.asOfText ? null : r.asOf,
        asOfText: r.asOfText,
        isLowerBound: r.isLowerBound,
        source: r.source.publisher ?? r.source.title,
      },
    ]),
  );
}

/**
 * Everything the dashboard shows, or null when the user may not see it: the
 * citywide aggregates (the same for everyone, cached once), and the "needs
 * attention" lists, which name records and so show only what the user may
 * read (cached per scope). `fresh`: the current state of the data, never the last
 * copy (a printed briefing, an export: figures an official signs).
 */
export async function getDashboard(user: SessionUser, now = portalNow(), { fresh = false } = {}) {
  if (!can(user, 'dashboard.read', {})) return null;
  const day = now.toISOString().slice(0, 10);
  const scope = sqlScope(user);
  const [citywide, flags] = await Promise.all([
    cachedSnapshot(day, () => computeDashboard(now), 'citywide', { fresh }),
    cachedSnapshot(day, () => getQualityFlags(latestCompleteYear(now), now, scope), scopePart('flags', scope), { fresh }),
  ]);
  return {
    ...citywide.value,
    /** The moment the figures are exact for, and whether anything was committed since (cache.ts). */
    figuresAsOf: { at: citywide.asOf, current: citywide.current },
    flags: flags.value,
    flagsAsOf: { at: flags.asOf, current: flags.current },
  };
}

async function computeDashboard(now: Date) {
  const { goal, running, phases, start } = await programPhases(now);
  const year = latestCompleteYear(now);
  const distributionNow = getIncomeDistribution(year);
  const [kpis, projects, history, incomeByYear, distribution, soes, districts, districtInvestment, reportedFigures, sample, incomeSources] = await Promise.all([
    getKpis(year, goal.income, now),
    getProjectBreakdown(),
    getAccreditationHistory(),
    getIncomeByYear(goal.income),
    distributionNow,
    getSoeLeaderboard(now, SOE_BOARD_ROWS),
    getDistrictBreakdown(year, now),
    getDistrictInvestment(),
    reported(),
    distributionNow.then((bands) => getSampleMarks(year, now, bands.map((b) => b.band))),
    computeIncomeSources(year),
  ]);
  const all = projects.total;
  const historyPoints = history.map((h) => ({ date: h.month, value: h.total }));
  const averageIncome = kpis.averageIncome;
  return {
    now,
    year,
    goal,
    phases,
    reported: reportedFigures,
    /** Where the year's village income came from: cooperative dividends, pairing projects, the rest (income-sources.ts). */
    incomeSources,
    /** Which figures come from any sample record (lib/dashboard/sample-marks.ts). */
    sample,
    zones: {
      accredited: kpis.accredited,
      candidates: kpis.candidates,
      progress: progress(kpis.accredited, goal.zones),
      // Only a running phase is forecast: after a phase's end, its result is shown instead.
      forecast: running ? forecastReachDate(historyPoints, goal.zones, PROGRAM_START, now) : null,
      asOf: kpis.accreditationAsOf,
      history: history.map((h) => ({ month: h.month.toISOString().slice(0, 7), total: h.total })),
      trajectory: trajectoryPoints(start, goal.zonesDeadline, goal.zones, accreditedOn(historyPoints, start)).map((p) => ({
        month: p.date.toISOString().slice(0, 7),
        value: Math.round(p.value * 10) / 10,
      })),
    },
    income: {
      average: averageIncome,
      met: averageIncome !== null && meets(Number(averageIncome), Number(goal.income), goal.incomeStrict),
      villages: kpis.villages,
      reporting: kpis.villagesReporting,
      above: kpis.villagesAbove,
      asOf: kpis.incomeAsOf,
      byYear: incomeByYear,
      distribution,
    },
    projects: {
      total: all?.projects ?? 0,
      byStatus: projects.byStatus,
      planned: all?.planned ?? '0',
      made: all?.made ?? '0',
      madeUnplanned: all?.madeUnplanned ?? '0',
      projectsUnplanned: all?.projectsUnplanned ?? 0,
      jobs: all?.jobs ?? 0,
      incomeToVillages: all?.incomeToVillages ?? '0',
      asOf: all?.asOf ?? null,
      /** Updates disputed by their village and not yet resolved: not counted above (the counting rule). */
      disputedUpdates: kpis.disputedUpdates,
      byMode: projects.byMode,
      byOutcome: projects.byOutcome,
    },
    participation: {
      soes: kpis.soes,
      soesAllLevels: kpis.soesAllLevels,
      pairedZones: kpis.pairedZones,
      beneficiaries: kpis.beneficiaries,
      beneficiaryOverlaps: kpis.beneficiaryOverlaps,
      asOf: kpis.pairingAsOf,
    },
    soes,
    // Investment made per district joins the district rows (the 全市 row's is the projects tied to no zone: not shown).
    districts: districts.map((d) => ({ ...d, made: districtInvestment.find((i) => i.districtId === d.id)?.made ?? (d.id === null ? null : '0') })),
  };
}

export type Dashboard = NonNullable<Awaited<ReturnType<typeof getDashboard>>>;
