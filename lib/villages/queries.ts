import 'server-only';
import { can, projectScope, type SessionUser } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';

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
      zone: { select: { id: true, name: true, district: { select: { name: true } }, pairings: { select: { soeId: true } } } },
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
