import 'server-only';
import { z } from 'zod';
import { can, projectScope, zoneScope, type SessionUser } from '@/lib/auth/policy';
import { db, type Prisma } from '@/lib/db/client';
import { idSchema } from '@/lib/ids';
import { byPinyin } from '@/lib/i18n/sort';
import { listParamsSchema, MAX_CHOICES, PAGE_SIZE } from '@/lib/lists/params';

export const zoneListSchema = listParamsSchema(['name', 'district', 'villages', 'accreditedAt'] as const).extend({
  district: idSchema.optional().catch(undefined),
  modelZone: z.enum(['accredited', 'candidate', 'none']).optional().catch(undefined),
  /** Zones with a pairing in force today (the dashboard's paired zones). */
  paired: z.literal('1').optional().catch(undefined),
});
export type ZoneListParams = z.infer<typeof zoneListSchema>;

function where(user: SessionUser, p: ZoneListParams, today = new Date()): Prisma.ZoneWhereInput {
  const day = new Date(today.toISOString().slice(0, 10));
  return {
    AND: [
      zoneScope(user),
      p.q ? { OR: [{ name: { contains: p.q } }, { villages: { some: { name: { contains: p.q } } } }] } : {},
      p.district ? { districtId: p.district } : {},
      p.modelZone === 'accredited' ? { accreditedAt: { not: null } } : {},
      p.modelZone === 'candidate' ? { accreditations: { some: { status: 'CANDIDATE' } } } : {},
      p.modelZone === 'none' ? { accreditedAt: null } : {},
      p.paired ? { pairings: { some: { since: { lte: day }, OR: [{ until: null }, { until: { gte: day } }] } } } : {},
    ],
  };
}

function orderBy(p: ZoneListParams): Prisma.ZoneOrderByWithRelationInput[] {
  const dir = p.dir;
  switch (p.sort) {
    case 'district':
      return [{ district: { name: dir } }, { name: 'asc' }];
    case 'villages':
      return [{ villages: { _count: dir } }, { name: 'asc' }];
    case 'accreditedAt':
      return [{ accreditedAt: { sort: dir, nulls: 'last' } }, { name: 'asc' }];
    default:
      return [{ name: dir }];
  }
}

const listSelect = {
  id: true,
  name: true,
  accreditedAt: true,
  district: { select: { name: true } },
  township: { select: { name: true } },
  source: { select: { isSample: true } },
  _count: { select: { villages: true, projects: true } },
  pairings: { where: { until: null }, select: { soe: { select: { name: true, shortName: true } } } },
} satisfies Prisma.ZoneSelect;

export async function listZones(user: SessionUser, p: ZoneListParams, take = PAGE_SIZE) {
  const w = where(user, p);
  const [rows, total] = p.sort === 'name' ? await pageInPinyinOrder(w, p, take) : await Promise.all([
    db().zone.findMany({ where: w, select: listSelect, orderBy: orderBy(p), skip: (p.page - 1) * take, take }),
    db().zone.count({ where: w }),
  ]);
  return {
    total,
    rows: rows.map((z) => ({
      id: z.id,
      name: z.name,
      district: z.district.name,
      township: z.township?.name ?? null,
      villages: z._count.villages,
      projects: z._count.projects,
      soes: z.pairings.map((x) => x.soe.shortName ?? x.soe.name),
      accreditedAt: z.accreditedAt,
      isSample: z.source?.isSample ?? false,
    })),
  };
}

/**
 * A page of zones by name in pinyin order: PostgreSQL's C collation would sort by character
 * code, so the names in scope are sorted here (lib/i18n/sort.ts) and only the page is loaded.
 */
async function pageInPinyinOrder(w: Prisma.ZoneWhereInput, p: ZoneListParams, take: number) {
  const names = byPinyin(await db().zone.findMany({ where: w, select: { id: true, name: true } }));
  if (p.dir === 'desc') names.reverse();
  const ids = names.slice((p.page - 1) * take, p.page * take).map((z) => z.id);
  const rows = await db().zone.findMany({ where: { id: { in: ids } }, select: listSelect });
  const at = new Map(ids.map((id, i) => [id, i]));
  return [rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!), names.length] as const;
}

export async function listDistricts() {
  return byPinyin(await db().district.findMany({ select: { id: true, name: true } }));
}

/** One zone with its villages' incomes, SOEs, projects and its latest accreditation round; null if unseen. */
export async function getZone(user: SessionUser, id: number) {
  const zone = await db().zone.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      version: true,
      districtId: true,
      townshipId: true,
      secretary: true,
      firstSecretary: true,
      mechanisms: true,
      accreditedAt: true,
      lat: true,
      lng: true,
      sourceNote: true,
      source: { select: { title: true, isSample: true } },
      district: { select: { name: true } },
      township: { select: { name: true } },
      pairings: { select: { since: true, until: true, soe: { select: { id: true, name: true } }, source: { select: { isSample: true } } }, orderBy: { since: 'asc' } },
      villages: {
        select: {
          id: true,
          name: true,
          population: true,
          households: true,
          source: { select: { isSample: true } },
          incomes: { select: { year: true, amount: true, source: { select: { isSample: true } } }, orderBy: { year: 'desc' }, take: 5 },
        },
        orderBy: { name: 'asc' },
      },
      projects: { where: projectScope(user), select: { id: true, name: true, status: true, soe: { select: { name: true } }, source: { select: { isSample: true } } }, orderBy: { name: 'asc' } },
      accreditations: {
        select: {
          id: true,
          status: true,
          nominatedOn: true,
          accreditedOn: true,
          closedOn: true,
          closeReason: true,
          version: true,
          source: { select: { isSample: true } },
          assessments: { select: { criterion: true, result: true, assessedOn: true, note: true, assessorName: true, source: { select: { isSample: true } } } },
        },
        orderBy: { nominatedOn: 'desc' },
      },
    },
  });
  if (!zone || !can(user, 'zone.read', { zoneId: zone.id, soeIds: zone.pairings.map((p) => p.soe.id) })) return null;
  return {
    ...zone,
    villages: byPinyin(zone.villages).map((v) => ({ ...v, incomes: v.incomes.map((i) => ({ year: i.year, amount: i.amount.toString(), isSample: i.source?.isSample ?? false })) })),
    projects: byPinyin(zone.projects),
    canAccredit: can(user, 'accreditation.manage', {}),
    canAttachEvidence: can(user, 'attachment.add', { kind: 'CRITERION', zone: { zoneId: zone.id, soeIds: zone.pairings.map((p) => p.soe.id) } }),
    canEdit: can(user, 'masterData.manage', {}),
  };
}

/**
 * Zones to choose a village's zone from (administrators; none for anyone else): its district's, or
 * those named like `named` in any district (at most MAX_CHOICES), with its own zone always among
 * them. A province's every zone in the form would be 30,000.
 */
export async function listZoneOptions(user: SessionUser, village: { zoneId: number; districtId: number }, named?: string) {
  if (!can(user, 'masterData.manage', {})) return [];
  const select = { id: true, name: true, district: { select: { name: true } } } as const;
  const [own, zones] = await Promise.all([
    db().zone.findUniqueOrThrow({ where: { id: village.zoneId }, select }),
    db().zone.findMany({
      where: named ? { name: { contains: named, mode: 'insensitive' } } : { districtId: village.districtId },
      select,
      orderBy: [{ district: { name: 'asc' } }, { name: 'asc' }],
      take: MAX_CHOICES,
    }),
  ]);
  // Its own zone first when the list left it out: the form must never offer to move it unasked.
  const all = zones.some((z) => z.id === own.id) ? zones : [own, ...zones];
  return all.map((z) => ({ id: z.id, name: `${z.district.name} · ${z.name}` }));
}
