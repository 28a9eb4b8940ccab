import 'server-only';
import { can, projectScope, type SessionUser } from '@/lib/auth/policy';
import { z } from 'zod';
import { db, type Prisma } from '@/lib/db/client';
import { CooperationMode, OutcomeArea, ProjectStatus } from '@/lib/db/enums';
import { isStale } from '@/lib/dashboard/rules';
import { idSchema } from '@/lib/ids';
import { listParamsSchema, PAGE_SIZE } from '@/lib/lists/params';
import { projectResource } from './resource';
import { currentQuarter } from '@/lib/dates';
import { byPinyin } from '@/lib/i18n/sort';

export const projectListSchema = listParamsSchema(['name', 'soe', 'zone', 'status', 'planned'] as const).extend({
  status: z.enum(Object.values(ProjectStatus) as [ProjectStatus, ...ProjectStatus[]]).optional().catch(undefined),
  mode: z.enum(Object.values(CooperationMode) as [CooperationMode, ...CooperationMode[]]).optional().catch(undefined),
  soe: idSchema.optional().catch(undefined),
  district: idSchema.optional().catch(undefined),
  outcome: z.enum(Object.values(OutcomeArea) as [OutcomeArea, ...OutcomeArea[]]).optional().catch(undefined),
  /** City-wide projects, tied to no zone (the dashboard's 全市 row). */
  citywide: z.literal('1').optional().catch(undefined),
  /** Stale projects (the dashboard's rule, lib/dashboard/rules.ts). */
  stale: z.literal('1').optional().catch(undefined),
});
export type ProjectListParams = z.infer<typeof projectListSchema>;

function projectOrder(p: ProjectListParams): Prisma.ProjectOrderByWithRelationInput[] {
  const dir = p.dir;
  switch (p.sort) {
    case 'soe':
      return [{ soe: { name: dir } }, { name: 'asc' }];
    case 'zone':
      return [{ zone: { name: dir } }, { name: 'asc' }];
    case 'status':
      return [{ status: dir }, { name: 'asc' }];
    case 'planned':
      return [{ plannedInvestment: { sort: dir, nulls: 'last' } }, { name: 'asc' }];
    default:
      return [{ name: dir }];
  }
}

/** Ids of the stale projects on `today` (the rule the dashboard counts with; the last update of any state counts, as in its list). */
async function staleProjectIds(today: Date) {
  const rows = await db().$queryRaw<{ id: number }[]>`
    SELECT p.id FROM "Project" p LEFT JOIN LATERAL (SELECT max(period) AS period FROM "ProjectUpdate" u WHERE u."projectId" = p.id) l ON true
    WHERE ${isStale('p', 'l.period', today)}`;
  return rows.map((r) => r.id);
}

/** A page of the projects the user may see, filtered and sorted as the URL says. */
export async function listProjects(user: SessionUser, p: ProjectListParams = projectListSchema.parse({}), take = PAGE_SIZE, today = new Date()) {
  const where: Prisma.ProjectWhereInput = {
    AND: [
      projectScope(user),
      p.q ? { OR: [{ name: { contains: p.q } }, { zone: { name: { contains: p.q } } }] } : {},
      p.status ? { status: p.status } : {},
      p.mode ? { mode: p.mode } : {},
      p.soe ? { soeId: p.soe } : {},
      p.district ? { zone: { districtId: p.district } } : {},
      p.outcome ? { outcomeArea: p.outcome } : {},
      p.citywide ? { zoneId: null } : {},
      p.stale ? { id: { in: await staleProjectIds(today) } } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db().project.findMany({
      where,
      select: {
        id: true,
        name: true,
        status: true,
        mode: true,
        plannedInvestment: true,
        soe: { select: { name: true } },
        zone: { select: { name: true } },
        source: { select: { isSample: true } },
        updates: { select: { period: true, progressPct: true }, orderBy: { period: 'desc' }, take: 1 },
      },
      orderBy: projectOrder(p),
      skip: (p.page - 1) * take,
      take,
    }),
    db().project.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      mode: r.mode,
      plannedInvestment: r.plannedInvestment?.toString() ?? null,
      soe: r.soe.name,
      zone: r.zone?.name ?? null,
      isSample: r.source?.isSample ?? false,
      lastUpdate: r.updates[0]?.period ?? null,
      progressPct: r.updates[0]?.progressPct ?? null,
    })),
  };
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
      jointVentureRecord: { select: { id: true, name: true, zoneId: true, source: { select: { isSample: true } } } },
      cooperative: { select: { name: true } },
      description: true,
      sourceNote: true,
      version: true,
      soe: { select: { id: true, name: true } },
      zone: { select: { id: true, name: true } },
      source: { select: { title: true, isSample: true } },
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
          answer: true,
          returnReason: true,
          version: true,
          author: { select: { displayName: true } },
          events: {
            select: { id: true, kind: true, reason: true, figures: true, createdAt: true, actorId: true, actor: { select: { displayName: true } } },
            orderBy: { id: 'asc' },
          },
          source: { select: { isSample: true } },
        },
        orderBy: { period: 'desc' },
        take: 24,
      },
      beneficiaries: {
        select: { id: true, kind: true, people: true, households: true, village: { select: { id: true, name: true, population: true } } },
        orderBy: [{ villageId: 'asc' }, { kind: 'asc' }],
      },
      feedback: {
        select: { id: true, period: true, rating: true, comment: true, villageId: true, village: { select: { name: true } } },
        orderBy: { period: 'desc' },
        take: 24,
      },
    },
  });
  return {
    ...p,
    plannedInvestment: p.plannedInvestment?.toString() ?? null,
    villages: p.villages.map((v) => v.village),
    updates: p.updates.map((u) => ({
      ...u,
      investmentToDate: u.investmentToDate.toString(),
      incomeToVillages: u.incomeToVillages.toString(),
      // Evidence on a dispute or an answer is added by its author (attachment.add on the step).
      events: u.events.map((e) => ({ ...e, canAttach: can(user, 'attachment.add', { kind: 'UPDATE_EVENT', project: resource, actorId: e.actorId }) })),
    })),
    feedback: p.feedback.map((f) => ({ ...f, canAttach: can(user, 'attachment.add', { kind: 'FEEDBACK', project: resource, feedbackVillageId: f.villageId }) })),
    canEdit: can(user, 'project.update', resource),
    canReview: can(user, 'project.confirmUpdate', resource),
    canAttachEvidence: can(user, 'attachment.add', { kind: 'UPDATE', project: resource }),
    canRevise: can(user, 'project.reviseUpdate', resource),
    canReturn: can(user, 'project.returnUpdate', resource),
    canCloseDispute: can(user, 'project.closeDispute', resource),
    canReopen: can(user, 'project.reopenUpdate', resource),
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
  if (!can(user, 'project.propose', {}) || user.soeId === null) return [];
  const zones = await db().zone.findMany({
    where: { pairings: { some: { soeId: user.soeId, until: null } } },
    select: { id: true, name: true, villages: { select: { id: true, name: true } } },
  });
  return byPinyin(zones).map((z) => ({ ...z, villages: byPinyin(z.villages) }));
}

/** The villages of a project's zone (choices in its edit form). */
export async function listZoneVillages(zoneId: number | null) {
  if (zoneId === null) return [];
  return byPinyin(await db().village.findMany({ where: { zoneId }, select: { id: true, name: true } }));
}
