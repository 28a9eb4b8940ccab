import 'server-only';
import { Prisma } from '@/lib/db/client';
import { STALE_AFTER_DAYS } from '@/lib/metrics/quality';

// The dashboard's counting rules as SQL fragments, each stated once and used
// by every query that needs it (queries.ts, flags.ts, sample-marks.ts). The
// 口径说明 section on the dashboard says the same in words (dashboard.defs.*).
// Arguments that name columns are trusted code, never user input.

const col = (name: string) => Prisma.raw(name);

/** Zones with a pairing in force on `day` (participation, the leaderboard, the district table). */
export function zonesPairedOn(day: Date) {
  return Prisma.sql`SELECT DISTINCT "zoneId" FROM "Pairing" WHERE "since" <= ${day}::date AND ("until" IS NULL OR "until" >= ${day}::date)`;
}

/**
 * True when the zone `zone` had a pairing in force at any time in `year` (a number or a column):
 * the villages counted for a year's income are those of zones paired in that year, not today's.
 */
export function pairedInYear(zone: string, year: number | string) {
  const y = typeof year === 'number' ? Prisma.sql`${year}::int` : col(year);
  return Prisma.sql`EXISTS (SELECT 1 FROM "Pairing" pr WHERE pr."zoneId" = ${col(zone)}
    AND pr."since" <= make_date(${y}, 12, 31) AND (pr."until" IS NULL OR pr."until" >= make_date(${y}, 1, 1)))`;
}

/**
 * A project in progress is stale when more than STALE_AFTER_DAYS have passed since the end of the
 * last month it reported (`lastPeriod`, stored as the month's first day) or, with no report, since
 * its start; never before STALE_AFTER_DAYS have passed since it was created in the portal.
 */
export function isStale(project: string, lastPeriod: string, today: Date) {
  const p = (c: string) => col(`${project}."${c}"`);
  return Prisma.sql`(${p('status')} = 'IN_PROGRESS' AND greatest(
    coalesce((${col(lastPeriod)} + interval '1 month' - interval '1 day')::date, ${p('startDate')}, ${p('createdAt')}::date),
    ${p('createdAt')}::date) < ${today}::date - ${STALE_AFTER_DAYS}::int)`;
}

/** True when the record's `sourceId` column points at a sample source (the synthetic layer). */
export function fromSample(sourceColumn: string) {
  return Prisma.sql`coalesce(${col(sourceColumn)} IN (SELECT id FROM "Source" WHERE "isSample"), false)`;
}
