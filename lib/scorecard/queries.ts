import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { portalNow } from '@/lib/clock';
import { cachedSnapshot } from '@/lib/dashboard/cache';
import { db, Prisma, readDb, type PrismaClient } from '@/lib/db/client';
import { listPhases } from '@/lib/program/phases';
import { chinaDay, reminderConfig } from '@/lib/reminders/config';
import { updateDueDate } from '@/lib/reminders/due';
import { z } from 'zod';
import { byPinyin, comparePinyin } from '@/lib/i18n/sort';
import { latestCompleteYear } from '@/lib/metrics/trajectory';
import { ASSESSMENT_COMPONENTS, COMMITMENT_MEASURES, type AssessmentComponent, type CommitmentMeasure } from './schemas';

// The SOE scorecard and the yearly assessment (考核), computed from the records:
// - delivery: per pairing and measure committed (> 0), delivered ÷ committed capped at 1, averaged;
//   investment and jobs delivered are the year's growth of the cumulative figures of the SOE's
//   projects in the zone (last counted update by the year's end minus the last before it; a disputed
//   or excluded update is not counted, as on the dashboard), projects those started in the year;
//   purchases, training and staff as the org department entered them;
// - accreditation: share of the zones paired in the year accredited by its end (not revoked by then);
// - income: the year's average collective income of those zones' reporting villages ÷ the income
//   target of the phase running at the year's end, capped at 1;
// - feedback: the average rating (1–5) of the SOE's projects in the year's quarters ÷ 5;
// - timeliness: share of the months due in the year reported by the due day (UPDATE_DUE_DAY, the
//   reminders' rule) — each month from the project's start (or creation) that is past its due day,
//   through its last report once it is completed or suspended;
// - disputes: 1 − the share of the year's updates disputed or excluded.
// A component with nothing to measure is left out and the others' weights count in its place.

export type Components = Record<AssessmentComponent, number | null>;
export type Weights = Record<AssessmentComponent, number>;

/** The weights used for a year nobody has set: equal shares. */
export const DEFAULT_WEIGHTS: Weights = { delivery: 30, accreditation: 15, income: 15, feedback: 15, timeliness: 15, disputes: 10 };

const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1));
const yearEnd = (year: number) => new Date(Date.UTC(year, 11, 31));

/** Pairings in force at any time in `year`, of the given SOEs (all when null). */
function pairedIn(year: number, soeIds: number[] | null) {
  return Prisma.sql`SELECT p.id, p."soeId", p."zoneId" FROM "Pairing" p
    WHERE p.since <= ${yearEnd(year)}::date AND (p."until" IS NULL OR p."until" >= ${yearStart(year)}::date)
    ${soeIds ? Prisma.sql`AND p."soeId" = ANY(${soeIds}::int[])` : Prisma.empty}`;
}

type PairingRow = {
  pairingId: number; soeId: number; zoneId: number; zone: string; zoneSample: boolean;
  accredited: boolean; incomeSum: string | null; incomeReporting: number; villages: number;
  investment: string; jobs: number; projects: number;
  commitmentId: number | null; commitmentVersion: number | null; commitmentSample: boolean;
  c_investment: string | null; c_projects: number | null; c_jobs: number | null; c_purchases: string | null; c_trainingSessions: number | null; c_staffStationed: number | null;
  purchasesDone: string | null; trainingDone: number | null; staffDone: number | null;
};

/** Per pairing in force in the year: its zone's accreditation and income, delivery from the records, and the year's commitment. */
async function pairingRows(client: PrismaClient, year: number, soeIds: number[] | null): Promise<PairingRow[]> {
  const end = yearEnd(year);
  const start = yearStart(year);
  return client.$queryRaw<PairingRow[]>`
    WITH pr AS (${pairedIn(year, soeIds)}),
    -- Each project's last counted update by the year's end and before its start (the unique index on
    -- project and period finds each in one step; a CTE of counted updates read per project did not).
    proj AS (
      SELECT pj.id, pj."soeId", pj."zoneId", e."investmentToDate" AS inv_end, e."jobsCreated" AS jobs_end,
        b."investmentToDate" AS inv_before, b."jobsCreated" AS jobs_before,
        coalesce(pj."startDate", pj."createdAt"::date) BETWEEN ${start}::date AND ${end}::date AS started
      FROM "Project" pj
      LEFT JOIN LATERAL (SELECT u."investmentToDate", u."jobsCreated" FROM "ProjectUpdate" u
        WHERE u."projectId" = pj.id AND u.period <= ${end}::date AND u.confirmation NOT IN ('DISPUTED', 'EXCLUDED') ORDER BY u.period DESC LIMIT 1) e ON true
      LEFT JOIN LATERAL (SELECT u."investmentToDate", u."jobsCreated" FROM "ProjectUpdate" u
        WHERE u."projectId" = pj.id AND u.period < ${start}::date AND u.confirmation NOT IN ('DISPUTED', 'EXCLUDED') ORDER BY u.period DESC LIMIT 1) b ON true
      WHERE pj."zoneId" IN (SELECT "zoneId" FROM pr) AND pj."soeId" IN (SELECT "soeId" FROM pr)
    ),
    delivered AS (
      SELECT pr.id AS "pairingId",
        coalesce(sum(coalesce(proj.inv_end, 0) - coalesce(proj.inv_before, 0)), 0)::text AS investment,
        coalesce(sum(coalesce(proj.jobs_end, 0) - coalesce(proj.jobs_before, 0)), 0)::int AS jobs,
        count(proj.id) FILTER (WHERE proj.started)::int AS projects
      FROM pr LEFT JOIN proj ON proj."soeId" = pr."soeId" AND proj."zoneId" = pr."zoneId"
      GROUP BY pr.id
    )
    SELECT pr.id AS "pairingId", pr."soeId", pr."zoneId", z.name AS zone,
      coalesce(z."sourceId" IN (SELECT id FROM "Source" WHERE "isSample"), false) AS "zoneSample",
      EXISTS (SELECT 1 FROM "Accreditation" a WHERE a."zoneId" = z.id AND a."accreditedOn" <= ${end}::date
              AND (a.status = 'ACCREDITED' OR (a.status = 'REVOKED' AND a."closedOn" > ${end}::date))) AS accredited,
      -- The zone's incomes and villages from the rollups the triggers keep (docs/architecture.md).
      CASE WHEN zy.villages > 0 THEN zy.total::text END AS "incomeSum",
      coalesce(zy.villages, 0) AS "incomeReporting",
      coalesce(zv.villages, 0) AS villages,
      d.investment, d.jobs, d.projects,
      pc.id AS "commitmentId", pc.version AS "commitmentVersion",
      coalesce(pc."sourceId" IN (SELECT id FROM "Source" WHERE "isSample"), false) AS "commitmentSample",
      pc.investment::text AS c_investment, pc.projects AS c_projects, pc.jobs AS c_jobs, pc.purchases::text AS c_purchases,
      pc."trainingSessions" AS "c_trainingSessions", pc."staffStationed" AS "c_staffStationed",
      pc."purchasesDone"::text AS "purchasesDone", pc."trainingDone", pc."staffDone"
    FROM pr JOIN "Zone" z ON z.id = pr."zoneId" JOIN delivered d ON d."pairingId" = pr.id
    LEFT JOIN rollup.zone_year_income zy ON zy.zone_id = z.id AND zy.year = ${year}::int
    LEFT JOIN rollup.zone_villages zv ON zv.zone_id = z.id
    LEFT JOIN "PairingCommitment" pc ON pc."pairingId" = pr.id AND pc.year = ${year}::int
    ORDER BY pr.id`;
}

export type MeasureLine = { measure: CommitmentMeasure; committed: string | null; delivered: string | null; entered: boolean; share: number | null };

/** A pairing's commitments against delivery, measure by measure (delivered null: not entered). */
function measures(r: PairingRow): MeasureLine[] {
  const delivered: Record<CommitmentMeasure, { value: string | null; entered: boolean }> = {
    investment: { value: r.investment, entered: false },
    projects: { value: String(r.projects), entered: false },
    jobs: { value: String(r.jobs), entered: false },
    purchases: { value: r.purchasesDone, entered: true },
    trainingSessions: { value: r.trainingDone === null ? null : String(r.trainingDone), entered: true },
    staffStationed: { value: r.staffDone === null ? null : String(r.staffDone), entered: true },
  };
  return COMMITMENT_MEASURES.map((measure) => {
    const raw = r[`c_${measure}`];
    const committed = raw === null ? null : String(raw);
    const done = delivered[measure];
    const share = committed !== null && Number(committed) > 0 ? Math.min(Number(done.value ?? 0) / Number(committed), 1) : null;
    return { measure, committed, delivered: done.value, entered: done.entered, share };
  });
}

type SoeFigures = { feedback: string | null; feedbackCount: number; updates: number; disputedOrExcluded: number; openDisputes: number; sampleRecords: boolean };

async function soeFigures(client: PrismaClient, year: number, soeIds: number[] | null): Promise<Map<number, SoeFigures>> {
  const start = yearStart(year);
  const end = yearEnd(year);
  const ofSoes = (column: Prisma.Sql) => (soeIds ? Prisma.sql`AND ${column} = ANY(${soeIds}::int[])` : Prisma.empty);
  // One grouped pass over each table (a subquery per SOE read the updates 1,516 times at x100).
  const rows = await client.$queryRaw<(SoeFigures & { soeId: number })[]>`
    WITH sample AS (SELECT id FROM "Source" WHERE "isSample"),
    upd AS (
      SELECT pj."soeId",
        count(*) FILTER (WHERE u.period BETWEEN ${start}::date AND ${end}::date)::int AS updates,
        count(*) FILTER (WHERE u.period BETWEEN ${start}::date AND ${end}::date AND u.confirmation IN ('DISPUTED', 'EXCLUDED'))::int AS "disputedOrExcluded",
        count(*) FILTER (WHERE u.confirmation = 'DISPUTED')::int AS "openDisputes",
        bool_or(u.period BETWEEN ${start}::date AND ${end}::date AND u."sourceId" IN (SELECT id FROM sample)) AS sample
      FROM "ProjectUpdate" u JOIN "Project" pj ON pj.id = u."projectId" WHERE true ${ofSoes(Prisma.sql`pj."soeId"`)} GROUP BY pj."soeId"
    ),
    fb AS (
      SELECT pj."soeId", avg(f.rating)::text AS feedback, count(*)::int AS "feedbackCount", bool_or(f."sourceId" IN (SELECT id FROM sample)) AS sample
      FROM "Feedback" f JOIN "Project" pj ON pj.id = f."projectId"
      WHERE f.period BETWEEN ${start}::date AND ${end}::date ${ofSoes(Prisma.sql`pj."soeId"`)} GROUP BY pj."soeId"
    ),
    -- SOEs paired (at any time) with a zone whose income of the year counts a sample record.
    income_sample AS (
      SELECT DISTINCT p."soeId" FROM "Pairing" p JOIN rollup.zone_year_income r ON r.zone_id = p."zoneId"
      WHERE r.year = ${year}::int AND r.sample > 0 ${ofSoes(Prisma.sql`p."soeId"`)}
    )
    SELECT s.id AS "soeId", fb.feedback, coalesce(fb."feedbackCount", 0) AS "feedbackCount",
      coalesce(upd.updates, 0) AS updates, coalesce(upd."disputedOrExcluded", 0) AS "disputedOrExcluded", coalesce(upd."openDisputes", 0) AS "openDisputes",
      -- Whether the year's figures rest on sample records: its updates, feedback or its zones' incomes.
      (coalesce(upd.sample, false) OR coalesce(fb.sample, false) OR i."soeId" IS NOT NULL) AS "sampleRecords"
    FROM "Soe" s LEFT JOIN upd ON upd."soeId" = s.id LEFT JOIN fb ON fb."soeId" = s.id LEFT JOIN income_sample i ON i."soeId" = s.id
    WHERE true ${ofSoes(Prisma.sql`s.id`)}`;
  return new Map(rows.map(({ soeId, ...r }) => [soeId, r]));
}

/** Months due in `year` and those reported by their due day, per SOE (the reminders' due rule). */
async function timeliness(client: PrismaClient, year: number, soeIds: number[] | null, now: Date) {
  const today = chinaDay(now);
  const config = reminderConfig();
  const ofProjects = { status: { not: 'PREPARING' as const }, ...(soeIds ? { soeId: { in: soeIds } } : {}) };
  const [projects, updates, lastReports] = await Promise.all([
    client.project.findMany({ where: ofProjects, select: { id: true, soeId: true, status: true, startDate: true, createdAt: true } }),
    client.projectUpdate.findMany({
      where: { project: ofProjects, period: { gte: yearStart(year), lte: yearEnd(year) } },
      select: { projectId: true, period: true, createdAt: true },
    }),
    // A completed or suspended project is due through its last report only.
    client.projectUpdate.groupBy({ by: ['projectId'], where: { project: { ...ofProjects, status: { notIn: ['PREPARING', 'IN_PROGRESS'] } } }, _max: { period: true } }),
  ]);
  const byProject = groupBy(updates, (u) => u.projectId);
  const lastReport = new Map(lastReports.map((r) => [r.projectId, r._max.period]));
  const out = new Map<number, { due: number; onTime: number }>();
  for (const p of projects) {
    const reports = byProject.get(p.id) ?? [];
    const posted = new Map(reports.map((u) => [u.period.getTime(), u.createdAt]));
    const last = lastReport.get(p.id) ?? null;
    const first = p.startDate ?? p.createdAt;
    const tally = out.get(p.soeId) ?? { due: 0, onTime: 0 };
    for (let m = 0; m < 12; m++) {
      const period = new Date(Date.UTC(year, m, 1));
      if (period < new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1))) continue;
      if (p.status !== 'IN_PROGRESS' && (!last || period > last)) continue;
      const due = updateDueDate(period, config);
      if (due >= today) continue;
      tally.due += 1;
      const at = posted.get(period.getTime());
      if (at && chinaDay(at) <= due) tally.onTime += 1;
    }
    out.set(p.soeId, tally);
  }
  return out;
}

/** The income target of the phase running on the year's last day (null: none set). */
async function incomeTarget(year: number) {
  const end = yearEnd(year);
  const phase = (await listPhases(true)).find((p) => p.startsOn <= end && end <= p.endsOn);
  return phase?.targets?.income ?? null;
}

function groupBy<T, K>(items: T[], key: (item: T) => K) {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** The weighted score in percent over the components that have a value (null: none has). */
export function weightedScore(components: Components, weights: Weights) {
  let sum = 0;
  let weight = 0;
  for (const c of ASSESSMENT_COMPONENTS) {
    const value = components[c];
    if (value === null || weights[c] === 0) continue;
    sum += value * weights[c];
    weight += weights[c];
  }
  return weight ? (sum / weight) * 100 : null;
}

/** Every SOE's assessment for a year (those with a pairing in force in it), read through `client`. */
async function assess(year: number, soeIds: number[] | null, now: Date, client: PrismaClient = db()) {
  const [pairings, figures, months, target] = await Promise.all([pairingRows(client, year, soeIds), soeFigures(client, year, soeIds), timeliness(client, year, soeIds, now), incomeTarget(year)]);
  const bySoe = groupBy(pairings, (p) => p.soeId);
  return new Map(
    [...bySoe].map(([soeId, rows]) => {
      const zones = rows.map((r) => ({ ...r, measures: measures(r), incomeAverage: r.incomeReporting ? Number(r.incomeSum) / r.incomeReporting : null }));
      const shares = zones.flatMap((z) => z.measures.map((m) => m.share).filter((s): s is number => s !== null));
      const zoneIds = new Set(rows.map((r) => r.zoneId));
      const distinct = [...zoneIds].map((id) => rows.find((r) => r.zoneId === id)!);
      // The average over the villages that reported, across the SOE's zones.
      const reporting = distinct.reduce((n, z) => n + z.incomeReporting, 0);
      const incomeSum = distinct.reduce((s, z) => s + Number(z.incomeSum ?? 0), 0);
      const incomeAverage = reporting ? incomeSum / reporting : null;
      const f = figures.get(soeId)!;
      const m = months.get(soeId) ?? { due: 0, onTime: 0 };
      const components: Components = {
        delivery: mean(shares),
        accreditation: distinct.filter((z) => z.accredited).length / distinct.length,
        income: incomeAverage !== null && target !== null && Number(target) > 0 ? Math.min(incomeAverage / Number(target), 1) : null,
        feedback: f.feedback === null ? null : Number(f.feedback) / 5,
        timeliness: m.due ? m.onTime / m.due : null,
        disputes: f.updates ? 1 - f.disputedOrExcluded / f.updates : null,
      };
      return [soeId, { zones, components, incomeAverage, incomeReporting: reporting, incomeTarget: target, months: m, ...f }] as const;
    }),
  );
}

/** The year's weights as set by the org department, or the defaults (`set: false`). */
export async function getWeights(year: number) {
  const row = await db().assessmentWeights.findUnique({ where: { year }, include: { source: { select: { isSample: true } } } });
  if (!row) return { id: null, version: null, set: false, isSample: false, weights: DEFAULT_WEIGHTS };
  const weights = Object.fromEntries(ASSESSMENT_COMPONENTS.map((c) => [c, row[c]])) as Weights;
  return { id: row.id, version: row.version, set: true, isSample: row.source?.isSample ?? false, weights };
}

/** One SOE's scorecard for a year; null when the user may not see it. */
export async function getScorecard(user: SessionUser, soeId: number, year: number, now = portalNow()) {
  if (!can(user, 'soe.scorecard', { soeId })) return null;
  const soe = await db().soe.findUnique({ where: { id: soeId }, select: { id: true, name: true, source: { select: { isSample: true } } } });
  if (!soe) return null;
  const [assessment, weights, [pioneers]] = await Promise.all([
    assess(year, [soeId], now).then((m) => m.get(soeId) ?? null),
    getWeights(year),
    // Its zones' pioneer teams by side, and the pioneer posts on its projects, as they stand.
    db().$queryRaw<{ soeMembers: number; villageMembers: number; posts: number }[]>`
      SELECT count(*) FILTER (WHERE m.side = 'SOE')::int AS "soeMembers", count(*) FILTER (WHERE m.side = 'VILLAGE')::int AS "villageMembers",
        (SELECT count(*)::int FROM "PioneerPost" pp JOIN "Project" pj ON pj.id = pp."projectId" WHERE pj."soeId" = ${soeId}) AS posts
      FROM "PioneerMember" m WHERE m."zoneId" IN (SELECT "zoneId" FROM "Pairing" WHERE "soeId" = ${soeId})`,
  ]);
  const zones = byPinyin((assessment?.zones ?? []).map((z) => ({ ...z, name: z.zone })));
  return {
    soe: { id: soe.id, name: soe.name, isSample: soe.source?.isSample ?? false },
    year,
    assessment: assessment ? { ...assessment, zones, score: weightedScore(assessment.components, weights.weights) } : null,
    weights,
    pioneers: pioneers!,
  };
}

/**
 * The yearly ranking of the SOEs with each component; null when the user may not see it. Every SOE's
 * assessment is computed once per state of the data (lib/dashboard/cache.ts: at x100 it takes a
 * second) and states its moment (`asOf`); `fresh` (the export) waits for the current state. The
 * weights are read as they stand: a change of them shows at once.
 */
export async function getRanking(user: SessionUser, year: number, now = portalNow(), { fresh = false } = {}) {
  if (!can(user, 'assessment.read', {})) return null;
  const [snapshot, weights, soes] = await Promise.all([
    cachedSnapshot(chinaDay(now).toISOString().slice(0, 10), () => assess(year, null, now, readDb()), `ranking:${year}`, { fresh }),
    getWeights(year),
    db().soe.findMany({ select: { id: true, name: true, source: { select: { isSample: true } } } }),
  ]);
  const assessed = snapshot.value;
  const rows = soes
    .filter((s) => assessed.has(s.id))
    .map((s) => {
      const a = assessed.get(s.id)!;
      // Computed from sample records (the SOE, a commitment, an update, feedback, an income, the weights): marked so.
      const fromSample = (s.source?.isSample ?? false) || weights.isSample || a.sampleRecords || a.zones.some((z) => z.commitmentSample);
      return { soeId: s.id, name: s.name, isSample: s.source?.isSample ?? false, fromSample, components: a.components, score: weightedScore(a.components, weights.weights), zones: new Set(a.zones.map((z) => z.zoneId)).size };
    })
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || comparePinyin(a.name, b.name));
  return { year, weights, rows: rows.map((r, i) => ({ ...r, rank: r.score === null ? null : i + 1 })), asOf: { at: snapshot.asOf, current: snapshot.current } };
}

/** The year a scorecard or ranking shows: as asked, or the last complete year. */
export const scorecardYearSchema = (now: Date) => z.coerce.number().int().min(2021).max(2100).catch(() => latestCompleteYear(now));
