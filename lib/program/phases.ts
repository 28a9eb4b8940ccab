import 'server-only';
import { db, readDb } from '@/lib/db/client';
import { meets } from '@/lib/metrics/trajectory';

// The program's phases as the dashboard and the admin page read them, and an ended
// phase's final result: each target against what the records say as of the phase's end.

export type PhaseTargets = { zones: number; income: string; incomeStrict: boolean };
export type Phase = { id: number; name: string; nameEn: string | null; startsOn: Date; endsOn: Date; version: number; targets: PhaseTargets | null };

/** Zones listed as closest to accreditation under an ended phase's result. */
export const CLOSEST_ZONES = 5;

/** Every phase, oldest first. `fresh` reads the primary (the admin page shows what was just saved). */
export async function listPhases(fresh = false): Promise<Phase[]> {
  const rows = await (fresh ? db() : readDb()).programPhase.findMany({
    orderBy: { startsOn: 'asc' },
    select: { id: true, name: true, nameEn: true, startsOn: true, endsOn: true, version: true, targets: { select: { metric: true, value: true, comparator: true } } },
  });
  return rows.map(({ targets, ...p }) => {
    const zones = targets.find((t) => t.metric === 'MODEL_ZONES');
    const income = targets.find((t) => t.metric === 'AVG_VILLAGE_INCOME');
    return {
      ...p,
      targets: zones && income ? { zones: Number(zones.value), income: income.value.toString(), incomeStrict: income.comparator === 'ABOVE' } : null,
    };
  });
}

/** A phase's name in the interface's language: the English name where one is set, else the Chinese. */
export function phaseName(phase: { name: string; nameEn: string | null }, locale: string) {
  return locale === 'en' && phase.nameEn ? phase.nameEn : phase.name;
}

/** The calendar day (UTC midnight, as @db.Date columns read) that `now` is in China (UTC+8). */
export function chinaDay(now: Date) {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/** The phase running on `now`'s day (periods never overlap), the latest that has ended before it, and the next one set. */
export function phasesAt(phases: Phase[], now: Date) {
  const day = chinaDay(now);
  return {
    current: phases.find((p) => p.startsOn <= day && day <= p.endsOn) ?? null,
    ended: phases.filter((p) => p.endsOn < day).at(-1) ?? null,
    next: phases.find((p) => p.startsOn > day) ?? null,
  };
}

/**
 * An ended phase's final result as of its last day: zones accredited that day (rounds
 * accredited by then and not revoked by then), the average collective income of the
 * villages of zones paired that day for the phase's last year (n reporting of N), each
 * against its target (met or not, and by how much), and the zones closest to accreditation.
 */
export async function getPhaseResult(phase: Phase & { targets: PhaseTargets }) {
  const end = phase.endsOn;
  const year = end.getUTCFullYear();
  const client = readDb();
  const [[row], closest] = await Promise.all([
    client.$queryRaw<{ accredited: number; villages: number; reporting: number; average: string | null }[]>`
      SELECT
        (SELECT count(DISTINCT "zoneId")::int FROM "Accreditation"
          WHERE "accreditedOn" <= ${end}::date AND (status = 'ACCREDITED' OR (status = 'REVOKED' AND "closedOn" > ${end}::date))) AS accredited,
        count(v.id)::int AS villages, count(vi.amount)::int AS reporting, round(avg(vi.amount), 2)::text AS average
      FROM "Village" v LEFT JOIN "VillageIncome" vi ON vi."villageId" = v.id AND vi.year = ${year}
      WHERE v."zoneId" IN (SELECT "zoneId" FROM "Pairing" WHERE "since" <= ${end}::date AND ("until" IS NULL OR "until" >= ${end}::date))
    `,
    // Rounds open on the last day (nominated by then, not yet decided), by criteria passed by then.
    client.$queryRaw<{ zoneId: number; name: string; passed: number; nominatedOn: Date }[]>`
      SELECT a."zoneId", z.name, a."nominatedOn",
        (SELECT count(*)::int FROM "Assessment" s WHERE s."accreditationId" = a.id AND s.result = 'PASS' AND s."assessedOn" <= ${end}::date) AS passed
      FROM "Accreditation" a JOIN "Zone" z ON z.id = a."zoneId"
      WHERE a."nominatedOn" <= ${end}::date
        AND (a."accreditedOn" IS NULL OR a."accreditedOn" > ${end}::date)
        AND (a."closedOn" IS NULL OR a."closedOn" > ${end}::date)
      ORDER BY passed DESC, a."nominatedOn", z.name
      LIMIT ${CLOSEST_ZONES}
    `,
  ]);
  const t = phase.targets;
  const average = row?.average ?? null;
  const accredited = row?.accredited ?? 0;
  return {
    asOf: end,
    year,
    zones: { target: t.zones, actual: accredited, met: accredited >= t.zones, gap: Math.abs(t.zones - accredited) },
    income: {
      target: t.income,
      average,
      reporting: row?.reporting ?? 0,
      villages: row?.villages ?? 0,
      met: average !== null && meets(Number(average), Number(t.income), t.incomeStrict),
      // Yuan, to the cent: how far below the target, or how far above it.
      gap: average === null ? null : (Math.abs(Math.round(Number(t.income) * 100) - Math.round(Number(average) * 100)) / 100).toFixed(2),
    },
    closest: closest.map((c) => ({ zoneId: c.zoneId, name: c.name, passed: c.passed })),
  };
}

export type PhaseResult = Awaited<ReturnType<typeof getPhaseResult>>;
