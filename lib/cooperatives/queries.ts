import 'server-only';
import { z } from 'zod';
import { can, villageScope, type SessionUser } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { comparePinyin } from '@/lib/i18n/sort';
import { dividendExceedsIncome } from './rules';

const isSample = (s: { isSample: boolean } | null | undefined) => s?.isSample ?? false;

/**
 * A zone's cooperative with its villages' shares, the projects it brought in and the dividends per
 * village and year (each beside the village's reported income); null when the user may not read
 * the zone. `cooperative` is null while the zone has none recorded.
 */
export async function getZoneCooperative(user: SessionUser, zoneId: number) {
  const zone = await db().zone.findUnique({
    where: { id: zoneId },
    select: {
      pairings: { select: { soeId: true } },
      villages: { select: { id: true, name: true, incomes: { select: { year: true, amount: true } } }, orderBy: { id: 'asc' } },
      projects: { select: { id: true, name: true, cooperativeId: true, source: { select: { isSample: true } } }, orderBy: { id: 'asc' } },
      cooperative: {
        select: {
          id: true, version: true, name: true, foundedOn: true, plan: true, sourceNote: true,
          source: { select: { title: true, isSample: true } },
          shares: { select: { villageId: true, landMu: true, amount: true, percent: true, asOf: true, version: true, source: { select: { isSample: true } } } },
          dividends: { select: { villageId: true, year: true, amount: true, paidOn: true, version: true, source: { select: { isSample: true } } }, orderBy: [{ year: 'asc' }, { villageId: 'asc' }] },
        },
      },
    },
  });
  if (!zone) return null;
  const resource = { zoneId, soeIds: zone.pairings.map((p) => p.soeId) };
  if (!can(user, 'zone.read', resource)) return null;
  const villages = zone.villages.map((v) => ({ id: v.id, name: v.name }));
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  const incomeOf = new Map(zone.villages.flatMap((v) => v.incomes.map((i) => [`${v.id}:${i.year}`, i.amount.toString()] as const)));
  const c = zone.cooperative;
  return {
    canManage: can(user, 'cooperative.manage', resource),
    /** The villages whose dividends this user may book (every village for an administrator, its own for a committee). */
    dividendVillages: villages.filter((v) => can(user, 'cooperative.recordDividend', { ...resource, villageId: v.id })),
    villages,
    projects: zone.projects.map((p) => ({ id: p.id, name: p.name, broughtIn: c !== null && p.cooperativeId === c.id, isSample: isSample(p.source) })),
    cooperative: c && {
      id: c.id, version: c.version, name: c.name, foundedOn: c.foundedOn, plan: c.plan,
      sourceNote: isSample(c.source) ? null : c.sourceNote, sourceTitle: c.source?.title ?? null, isSample: isSample(c.source),
      shares: c.shares
        .map((s) => ({ villageId: s.villageId, village: villageName.get(s.villageId) ?? '—', landMu: s.landMu?.toString() ?? null, amount: s.amount?.toString() ?? null, percent: s.percent?.toString() ?? null, asOf: s.asOf, version: s.version, isSample: isSample(s.source) }))
        .sort((a, b) => comparePinyin(a.village, b.village)),
      dividends: c.dividends.map((d) => {
        const income = incomeOf.get(`${d.villageId}:${d.year}`) ?? null;
        const amount = d.amount.toString();
        return { villageId: d.villageId, village: villageName.get(d.villageId) ?? '—', year: d.year, amount, paidOn: d.paidOn, version: d.version, income, exceedsIncome: dividendExceedsIncome(amount, income), isSample: isSample(d.source) };
      }),
    },
  };
}

/** A village's dividends by year (for its income history); null when the user may not read the village. */
export async function getVillageDividends(user: SessionUser, villageId: number) {
  const village = await db().village.findUnique({
    where: { id: villageId },
    select: {
      zoneId: true,
      zone: { select: { pairings: { select: { soeId: true } }, cooperative: { select: { id: true, name: true } } } },
      dividends: { select: { year: true, amount: true, paidOn: true, version: true, source: { select: { isSample: true } } }, orderBy: { year: 'asc' } },
    },
  });
  if (!village) return null;
  const resource = { villageId, zoneId: village.zoneId, soeIds: village.zone.pairings.map((p) => p.soeId) };
  if (!can(user, 'village.read', resource)) return null;
  return {
    cooperative: village.zone.cooperative,
    canRecord: village.zone.cooperative !== null && can(user, 'cooperative.recordDividend', resource),
    byYear: new Map(village.dividends.map((d) => [d.year, { amount: d.amount.toString(), paidOn: d.paidOn, version: d.version, isSample: isSample(d.source) }])),
  };
}

export const dividendListSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  zone: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});

/** Every dividend the user may see (the villages in scope), by year and village, beside the year's reported income. */
export async function listDividends(user: SessionUser, params: z.output<typeof dividendListSchema>, take: number) {
  const rows = await db().cooperativeDividend.findMany({
    where: { village: { AND: [villageScope(user), params.zone ? { zoneId: params.zone } : {}] }, ...(params.year ? { year: params.year } : {}) },
    select: {
      year: true, amount: true, paidOn: true, villageId: true,
      source: { select: { isSample: true } },
      cooperative: { select: { name: true } },
      village: { select: { name: true, zone: { select: { name: true, district: { select: { name: true } } } } } },
    },
    orderBy: [{ year: 'asc' }, { villageId: 'asc' }],
    take,
  });
  const incomes = await db().villageIncome.findMany({
    where: { OR: rows.map((r) => ({ villageId: r.villageId, year: r.year })) },
    select: { villageId: true, year: true, amount: true, source: { select: { isSample: true } } },
  });
  const income = new Map(incomes.map((i) => [`${i.villageId}:${i.year}`, i]));
  return rows.map((r) => {
    const reported = income.get(`${r.villageId}:${r.year}`);
    const amount = r.amount.toString();
    return {
      year: r.year, district: r.village.zone.district.name, zone: r.village.zone.name, village: r.village.name, cooperative: r.cooperative.name,
      amount, paidOn: r.paidOn, income: reported?.amount.toString() ?? null,
      exceedsIncome: dividendExceedsIncome(amount, reported?.amount.toString()),
      isSample: isSample(r.source) || isSample(reported?.source),
    };
  });
}
