import 'server-only';
import { can, projectScope, type SessionUser } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { projectResource } from './resource';
import { currentQuarter } from './review-mutations';

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
      batch: true,
      endDate: true,
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
          version: true,
          author: { select: { displayName: true } },
          source: { select: { isDemo: true } },
        },
        orderBy: { period: 'desc' },
        take: 24,
      },
      beneficiaries: {
        select: { id: true, kind: true, people: true, households: true, village: { select: { id: true, name: true, population: true } } },
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
    canReview: can(user, 'project.confirmUpdate', resource),
    canGiveFeedback: can(user, 'project.giveFeedback', resource),
    myFeedback:
      user.villageId === null
        ? null
        : await db().feedback.findUnique({
            where: { projectId_villageId_period: { projectId: id, villageId: user.villageId, period: currentQuarter() } },
            select: { rating: true, comment: true, version: true },
          }),
  };
}

/** Zones a liaison may create projects in (paired with its SOE now), with their villages. */
export async function listPairedZones(user: SessionUser) {
  if (user.role !== 'SOE_LIAISON' || user.soeId === null) return [];
  return db().zone.findMany({
    where: { pairings: { some: { soeId: user.soeId, until: null } } },
    select: { id: true, name: true, villages: { select: { id: true, name: true }, orderBy: { name: 'asc' } } },
    orderBy: { name: 'asc' },
  });
}

/** The villages of a project's zone (choices in its edit form). */
export async function listZoneVillages(zoneId: number | null) {
  if (zoneId === null) return [];
  return db().village.findMany({ where: { zoneId }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
}
