import 'server-only';
import { can, projectScope, type SessionUser } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { projectResource } from './resource';

export async function listProjects(user: SessionUser) {
  const rows = await db().project.findMany({
    where: projectScope(user),
    select: {
      id: true,
      name: true,
      status: true,
      plannedInvestment: true,
      soe: { select: { name: true } },
      zone: { select: { name: true } },
      source: { select: { isDemo: true } },
      _count: { select: { updates: true } },
    },
    orderBy: [{ soe: { name: 'asc' } }, { name: 'asc' }],
  });
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    status: p.status,
    plannedInvestment: p.plannedInvestment?.toString() ?? null,
    soe: p.soe.name,
    zone: p.zone?.name ?? null,
    isDemo: p.source?.isDemo ?? false,
    updates: p._count.updates,
  }));
}

/** One project, or null when it does not exist or the user may not read it. */
export async function getProject(user: SessionUser, id: number) {
  const resource = await projectResource(db(), id);
  if (!resource || !can(user, 'project.read', resource)) return null;
  const p = await db().project.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      name: true,
      status: true,
      mode: true,
      method: true,
      outcomeArea: true,
      plannedInvestment: true,
      startDate: true,
      jointVenture: true,
      description: true,
      sourceNote: true,
      version: true,
      soe: { select: { id: true, name: true } },
      zone: { select: { id: true, name: true } },
      source: { select: { title: true, isDemo: true } },
      villages: { select: { village: { select: { id: true, name: true } } } },
      updates: {
        select: {
          id: true,
          period: true,
          progressPct: true,
          investmentToDate: true,
          jobsCreated: true,
          incomeToVillages: true,
          narrative: true,
          confirmation: true,
          disputeReason: true,
          author: { select: { displayName: true } },
        },
        orderBy: { period: 'desc' },
        take: 24,
      },
      beneficiaries: {
        select: { id: true, kind: true, people: true, households: true, village: { select: { name: true, population: true } } },
        orderBy: [{ villageId: 'asc' }, { kind: 'asc' }],
      },
      feedback: {
        select: { id: true, period: true, rating: true, comment: true, village: { select: { name: true } } },
        orderBy: { period: 'desc' },
        take: 24,
      },
    },
  });
  return {
    ...p,
    plannedInvestment: p.plannedInvestment?.toString() ?? null,
    villages: p.villages.map((v) => v.village),
    updates: p.updates.map((u) => ({ ...u, investmentToDate: u.investmentToDate.toString(), incomeToVillages: u.incomeToVillages.toString() })),
    canEdit: can(user, 'project.update', resource),
  };
}
