import 'server-only';
import { can, projectScope, soeScope, type SessionUser } from '@/lib/auth/policy';
import type { z } from 'zod';
import { db, type Prisma } from '@/lib/db/client';
import { listParamsSchema, PAGE_SIZE } from '@/lib/lists/params';
import { byPinyin } from '@/lib/i18n/sort';

export const soeListSchema = listParamsSchema(['name'] as const);
export type SoeListParams = z.infer<typeof soeListSchema>;

/** A page of the SOEs the user may see, found by name, with their pairings and projects counted. */
export async function listSoes(user: SessionUser, p: SoeListParams, take = PAGE_SIZE) {
  const where: Prisma.SoeWhereInput = {
    AND: [soeScope(user), p.q ? { OR: [{ name: { contains: p.q, mode: 'insensitive' } }, { shortName: { contains: p.q, mode: 'insensitive' } }] } : {}],
  };
  const [rows, total] = await Promise.all([
    db().soe.findMany({
      where,
      select: {
        id: true,
        name: true,
        category: true,
        level: true,
        nameVerified: true,
        source: { select: { isSample: true } },
        _count: { select: { pairings: true, projects: true } },
      },
      orderBy: [{ level: 'asc' }, { name: 'asc' }],
      skip: (p.page - 1) * take,
      take,
    }),
    db().soe.count({ where }),
  ]);
  return { total, rows: rows.map((s) => ({ ...s, isSample: s.source?.isSample ?? false, zones: s._count.pairings, projects: s._count.projects })) };
}

/** Id and name of every SOE the user may see, for filters. */
export async function listSoeChoices(user: SessionUser) {
  return byPinyin(await db().soe.findMany({ where: soeScope(user), select: { id: true, name: true } }));
}

/** An SOE with its zones, projects (with planned investment and latest update); null when unseen. */
export async function getSoe(user: SessionUser, id: number) {
  if (!can(user, 'soe.read', { soeId: id })) return null;
  const soe = await db().soe.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      version: true,
      shortName: true,
      nameEn: true,
      category: true,
      level: true,
      nameVerified: true,
      liaisonLead: true,
      sourceNote: true,
      source: { select: { title: true, isSample: true } },
      pairings: { select: { since: true, until: true, source: { select: { isSample: true } }, zone: { select: { id: true, name: true, district: { select: { name: true } } } } } },
      projects: {
        where: projectScope(user),
        select: {
          id: true,
          name: true,
          status: true,
          plannedInvestment: true,
          zone: { select: { name: true } },
          source: { select: { isSample: true } },
          updates: { select: { period: true, progressPct: true, investmentToDate: true, source: { select: { isSample: true } } }, orderBy: { period: 'desc' }, take: 1 },
        },
        orderBy: { name: 'asc' },
      },
    },
  });
  if (!soe) return null;
  return {
    ...soe,
    projects: soe.projects.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      zone: p.zone?.name ?? null,
      plannedInvestment: p.plannedInvestment?.toString() ?? null,
      isSample: p.source?.isSample ?? false,
      latest: p.updates[0]
        ? { period: p.updates[0].period, progressPct: p.updates[0].progressPct, investmentToDate: p.updates[0].investmentToDate.toString(), isSample: p.updates[0].source?.isSample ?? false }
        : null,
    })),
  };
}
