import 'server-only';
import { sqlScope, type SessionUser } from '@/lib/auth/policy';
import { zoneInScope } from '@/lib/auth/sql-scope';
import { portalNow } from '@/lib/clock';
import { cachedUntilDataChanges, scopePart } from '@/lib/dashboard/cache';
import { readDb } from '@/lib/db/client';
import { byPinyin } from '@/lib/i18n/sort';
import type { Dashboard } from '@/lib/dashboard/overview';
import { layOutZones, shadeMap, type MapMeasure, type MapZone } from './model';

/**
 * The zones the user may read, for the map: where each is (null when nobody has entered it),
 * its model-zone status, and whether its location is sample data. `districtId` narrows to one district.
 */
export async function listMapZones(user: SessionUser, districtId?: number): Promise<MapZone[]> {
  // One flat query (the policy's scope as SQL: zoneInScope is zoneScope's equivalent): a province has
  // tens of thousands of zones, and Prisma's relations or models cost three times the CPU for them.
  const scope = sqlScope(user);
  const zones = await readDb().$queryRaw<
    { id: number; name: string; district: string; lat: number | null; lng: number | null; accredited: boolean; inAssessment: boolean; sampleLocation: boolean }[]
  >`
    SELECT z.id, z.name, d.name AS district, z.lat, z.lng, z."accreditedAt" IS NOT NULL AS accredited,
      EXISTS (SELECT 1 FROM "Accreditation" a WHERE a."zoneId" = z.id AND a.status = 'CANDIDATE') AS "inAssessment",
      coalesce(s."isSample", false) AS "sampleLocation"
    FROM "Zone" z JOIN "District" d ON d.id = z."districtId" LEFT JOIN "Source" s ON s.id = z."locationSourceId"
    WHERE (${districtId ?? null}::int IS NULL OR z."districtId" = ${districtId ?? null}::int)
      AND ${zoneInScope(scope, 'z.id')}`;
  return byPinyin(zones).map((z) => ({
    id: z.id,
    name: z.name,
    district: z.district,
    at: z.lat !== null && z.lng !== null ? { lat: z.lat, lng: z.lng } : null,
    status: z.accredited ? 'accredited' : z.inAssessment ? 'assessment' : 'none',
    sampleLocation: z.sampleLocation,
  }));
}

/**
 * The map for a page: the dashboard's district figures (never counted again here) and the zones
 * the user may read; with `districtId`, fitted to that district and showing its zones alone.
 */
export async function getMapModel(
  user: SessionUser,
  data: Pick<Dashboard, 'districts' | 'goal'>,
  measure: MapMeasure,
  districtId?: number,
) {
  const focus = districtId ? (data.districts.find((d) => d.id === districtId)?.name ?? undefined) : undefined;
  // The zones' layer is computed once per change of the data, scope and view, as the dashboard's
  // lists: a province has tens of thousands of zones, and a page draws at most MAP_MAX_POINTS.
  const key = `${scopePart('map', sqlScope(user))}:${districtId ?? 'all'}:${focus ?? ''}`;
  const layer = await cachedUntilDataChanges(portalNow().toISOString().slice(0, 10), async () => layOutZones(await listMapZones(user, districtId), focus), key);
  return shadeMap({ districts: data.districts, measure, income: { target: Number(data.goal.income), strict: data.goal.incomeStrict }, focus }, layer);
}
