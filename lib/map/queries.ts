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
  // Scalars only, and the few districts, sample sources and zones in assessment apart: loading
  // them as relations of tens of thousands of zones costs Prisma seconds (x100: 1.3 s against 0.2 s).
  const [zones, districts, sampleSources, candidates] = await Promise.all([
    readDb().zone.findMany({
      where: { AND: [zoneScope(user), districtId ? { districtId } : {}] },
      select: { id: true, name: true, lat: true, lng: true, accreditedAt: true, districtId: true, locationSourceId: true },
    }),
    readDb().district.findMany({ select: { id: true, name: true } }),
    readDb().source.findMany({ where: { isSample: true }, select: { id: true } }),
    readDb().accreditation.findMany({ where: { status: 'CANDIDATE' }, select: { zoneId: true } }),
  ]);
  const districtName = new Map(districts.map((d) => [d.id, d.name]));
  const sample = new Set(sampleSources.map((s) => s.id));
  const inAssessment = new Set(candidates.map((a) => a.zoneId));
  return byPinyin(zones).map((z) => ({
    id: z.id,
    name: z.name,
    district: districtName.get(z.districtId) ?? '',
    at: z.lat !== null && z.lng !== null ? { lat: z.lat, lng: z.lng } : null,
    status: z.accreditedAt ? 'accredited' : inAssessment.has(z.id) ? 'assessment' : 'none',
    sampleLocation: z.locationSourceId !== null && sample.has(z.locationSourceId),
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
