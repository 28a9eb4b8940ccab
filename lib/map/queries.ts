import 'server-only';
import { sqlScope, zoneScope, type SessionUser } from '@/lib/auth/policy';
import { portalNow } from '@/lib/clock';
import { cachedUntilDataChanges, scopePart } from '@/lib/dashboard/cache';
import { readDb } from '@/lib/db/client';
import { byPinyin } from '@/lib/i18n/sort';
import type { Dashboard } from '@/lib/dashboard/overview';
import { buildMapModel, type MapMeasure, type MapZone } from './model';

/**
 * The zones the user may read, for the map: where each is (null when nobody has entered it),
 * its model-zone status, and whether its location is sample data. `districtId` narrows to one district.
 */
export async function listMapZones(user: SessionUser, districtId?: number): Promise<MapZone[]> {
  // Computed once per change of the data and scope, as the dashboard's lists (a province has tens of thousands of zones).
  const scope = sqlScope(user);
  const key = `${scopePart('map', scope)}:${districtId ?? 'all'}`;
  return cachedUntilDataChanges(portalNow().toISOString().slice(0, 10), () => readMapZones(user, districtId), key);
}

async function readMapZones(user: SessionUser, districtId?: number): Promise<MapZone[]> {
  const zones = await readDb().zone.findMany({
    where: { AND: [zoneScope(user), districtId ? { districtId } : {}] },
    select: {
      id: true,
      name: true,
      lat: true,
      lng: true,
      accreditedAt: true,
      district: { select: { name: true } },
      locationSource: { select: { isSample: true } },
      accreditations: { where: { status: 'CANDIDATE' }, select: { id: true }, take: 1 },
    },
  });
  return byPinyin(zones).map((z) => ({
    id: z.id,
    name: z.name,
    district: z.district.name,
    at: z.lat !== null && z.lng !== null ? { lat: z.lat, lng: z.lng } : null,
    status: z.accreditedAt ? 'accredited' : z.accreditations.length > 0 ? 'assessment' : 'none',
    sampleLocation: z.locationSource?.isSample ?? false,
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
  return buildMapModel({
    districts: data.districts,
    zones: await listMapZones(user, districtId),
    measure,
    income: { target: Number(data.goal.income), strict: data.goal.incomeStrict },
    focus,
  });
}
