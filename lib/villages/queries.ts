import 'server-only';
import { z } from 'zod';
import { can, projectScope, villageScope, type SessionUser } from '@/lib/auth/policy';
import { db, type Prisma } from '@/lib/db/client';
import { idSchema } from '@/lib/ids';
import { listParamsSchema, PAGE_SIZE } from '@/lib/lists/params';
import { latestCompleteYear } from '@/lib/metrics/trajectory';

/**
 * The villages a year's income figures count (the dashboard's drill-down): those of zones paired at
 * any time in `year` (lib/dashboard/rules.ts), by income band of 100,000 yuan, district, or missing.
 */
export const villageListSchema = listParamsSchema(['name', 'zone'] as const).extend({
  year: z.coerce.number().int().min(2000).max(2100).catch(() => latestCompleteYear(new Date())).default(() => latestCompleteYear(new Date())),
  band: z.coerce.number().int().min(0).max(10).optional().catch(undefined),
  district: idSchema.optional().catch(undefined),
  missing: z.literal('1').optional().catch(undefined),
});
export type VillageListParams = z.infer<typeof villageListSchema>;

export async function listVillages(user: SessionUser, p: VillageListParams, take = PAGE_SIZE) {
  const yearIncome = { year: p.year };
  const band =
    p.band === undefined ? {} : { amount: p.band >= 10 ? { gte: 1_000_000 } : { gte: p.band * 100_000, lt: (p.band + 1) * 100_000 } };
  const where: Prisma.VillageWhereInput = {
    AND: [
      villageScope(user),
      { zone: { pairings: { some: { since: { lte: new Date(Date.UTC(p.year, 11, 31)) }, OR: [{ until: null }, { until: { gte: new Date(Date.UTC(p.year, 0, 1)) } }] } } } },
      p.q ? { OR: [{ name: { contains: p.q } }, { zone: { name: { contains: p.q } } }] } : {},
      p.district ? { zone: { districtId: p.district } } : {},
      p.missing ? { incomes: { none: yearIncome } } : p.band !== undefined ? { incomes: { some: { ...yearIncome, ...band } } } : {},
    ],
  };
  const orderBy: Prisma.VillageOrderByWithRelationInput[] =
    p.sort === 'zone' ? [{ zone: { name: p.dir } }, { name: 'asc' }] : [{ name: p.dir }];
  const [rows, total] = await Promise.all([
    db().village.findMany({
      where,
      select: {
        id: true,
        name: true,
        source: { select: { isSample: true } },
        zone: { select: { id: true, name: true, district: { select: { name: true } } } },
        incomes: { where: yearIncome, select: { amount: true, source: { select: { isSample: true } } } },
      },
      orderBy,
      skip: (p.page - 1) * take,
      take,
    }),
    db().village.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((v) => ({
      id: v.id,
      name: v.name,
      zoneId: v.zone.id,
      zone: v.zone.name,
      district: v.zone.district.name,
      income: v.incomes[0]?.amount.toString() ?? null,
      isSample: (v.source?.isSample ?? false) || (v.incomes[0]?.source?.isSample ?? false),
    })),
  };
}

/** A village with its income history and the projects serving it; null when unseen. */
export async function getVillage(user: SessionUser, id: number) {
  const village = await db().village.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      version: true,
      population: true,
      households: true,
      sourceNote: true,
      source: { select: { title: true, isSample: true } },
      zone: { select: { id: true, name: true, districtId: true, district: { select: { name: true } }, pairings: { select: { soeId: true } } } },
      incomes: {
        select: {
          year: true,
          amount: true,
          updatedAt: true,
          version: true,
          corrections: { select: { id: true, before: true, after: true, reason: true, createdAt: true, actor: { select: { displayName: true } } }, orderBy: { id: 'desc' } },
        },
        orderBy: { year: 'asc' },
      },
      projects: {
        where: { project: projectScope(user) },
        select: { project: { select: { id: true, name: true, status: true, soe: { select: { name: true } } } } },
      },
    },
  });
  if (!village) return null;
  const resource = { villageId: village.id, zoneId: village.zone.id, soeIds: village.zone.pairings.map((p) => p.soeId) };
  if (!can(user, 'village.read', resource)) return null;
  return {
    ...village,
    incomes: village.incomes.map((i) => ({ year: i.year, amount: i.amount.toString(), updatedAt: i.updatedAt, version: i.version })),
    /** Every correction of a reported income, newest first: what it was, what it became, who and why. */
    corrections: village.incomes
      .flatMap((i) =>
        i.corrections.map((c) => ({ id: c.id, year: i.year, before: c.before.toString(), after: c.after.toString(), reason: c.reason, at: c.createdAt, actor: c.actor?.displayName ?? null })),
      )
      .sort((a, b) => b.id - a.id),
    canReportIncome: can(user, 'village.reportIncome', resource),
    canEdit: can(user, 'masterData.manage', {}),
    projects: village.projects.map((p) => p.project),
  };
}
