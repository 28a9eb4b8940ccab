import { defineMutation, FieldError } from '@/lib/action';
import { Prisma } from '@/lib/db/client';
import { projectResource } from './resource';
import { changeStatusSchema, createProjectSchema, postUpdateSchema, updateProjectSchema } from './schemas';
import { canMoveStatus } from './status';

type Tx = Prisma.TransactionClient;

const auditFields = {
  id: true,
  name: true,
  soeId: true,
  zoneId: true,
  mode: true,
  method: true,
  outcomeArea: true,
  batch: true,
  status: true,
  plannedInvestment: true,
  startDate: true,
  endDate: true,
  jointVenture: true,
  description: true,
  version: true,
  villages: { select: { villageId: true } },
} as const;

/** Every chosen village must belong to the project's zone. */
async function checkVillages(tx: Tx, zoneId: number | null, villageIds: number[]) {
  if (!villageIds.length) return;
  const found = zoneId === null ? 0 : await tx.village.count({ where: { id: { in: villageIds }, zoneId } });
  if (found !== new Set(villageIds).size) throw new FieldError('villageIds', 'validation.villageNotInZone');
}

/** A liaison creates a project for its own SOE, in a zone paired with it. */
export const createProject = defineMutation({
  schema: createProjectSchema,
  action: 'project.create',
  async resource(tx, input, user) {
    const zone = await tx.zone.findUnique({ where: { id: input.zoneId }, select: { pairings: { where: { until: null }, select: { soeId: true } } } });
    if (!zone || user.soeId === null) return null;
    return { soeId: user.soeId, zoneId: input.zoneId, zoneSoeIds: zone.pairings.map((p) => p.soeId), villageIds: [] };
  },
  async run({ tx, input, user, audit }) {
    await checkVillages(tx, input.zoneId, input.villageIds);
    const { villageIds, ...fields } = input;
    const project = await tx.project.create({
      data: { ...fields, soeId: user.soeId!, villages: { create: [...new Set(villageIds)].map((villageId) => ({ villageId })) } },
      select: auditFields,
    });
    await audit({ action: 'project.create', entity: 'Project', entityId: project.id, after: project });
    return { id: project.id, version: project.version };
  },
});

/** A liaison edits its SOE's project; a stale version is a conflict, not an overwrite. */
export const updateProject = defineMutation({
  schema: updateProjectSchema,
  action: 'project.update',
  resource: (tx, input) => projectResource(tx, input.projectId),
  versioned: (input) => ({ table: 'Project', id: input.projectId, version: input.version }),
  async run({ tx, input, audit }) {
    const before = await tx.project.findUniqueOrThrow({ where: { id: input.projectId }, select: auditFields });
    await checkVillages(tx, before.zoneId, input.villageIds);
    const { projectId, version: _seen, villageIds, ...fields } = input;
    await tx.project.update({ where: { id: projectId }, data: { ...fields, version: { increment: 1 } } });
    await tx.projectVillage.deleteMany({ where: { projectId, villageId: { notIn: villageIds } } });
    await tx.projectVillage.createMany({ data: villageIds.map((villageId) => ({ projectId, villageId })), skipDuplicates: true });
    const after = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: auditFields });
    await audit({ action: 'project.update', entity: 'Project', entityId: projectId, before, after });
    return { id: projectId, version: after.version };
  },
});

export const changeProjectStatus = defineMutation({
  schema: changeStatusSchema,
  action: 'project.update',
  resource: (tx, input) => projectResource(tx, input.projectId),
  versioned: (input) => ({ table: 'Project', id: input.projectId, version: input.version }),
  async run({ tx, input, audit }) {
    const before = await tx.project.findUniqueOrThrow({ where: { id: input.projectId }, select: { id: true, status: true, version: true } });
    if (!canMoveStatus(before.status, input.status)) throw new FieldError('status', 'validation.statusMove');
    const after = await tx.project.update({ where: { id: input.projectId }, data: { status: input.status, version: { increment: 1 } }, select: { id: true, status: true, version: true } });
    await audit({ action: 'project.status', entity: 'Project', entityId: input.projectId, before, after });
    return { version: after.version };
  },
});

/** The cumulative figures of a monthly update, and the message when one falls below the report before it. */
const CUMULATIVE = [
  ['progressPct', 'validation.progressDecreased'],
  ['investmentToDate', 'validation.investmentDecreased'],
  ['jobsCreated', 'validation.jobsDecreased'],
  ['incomeToVillages', 'validation.incomeDecreased'],
] as const;
export type Figures = Record<(typeof CUMULATIVE)[number][0], number | string | Prisma.Decimal>;
export const figureSelect = { period: true, progressPct: true, investmentToDate: true, jobsCreated: true, incomeToVillages: true } as const;

/**
 * Every cumulative figure lies between its neighbours in time: not below the
 * report of the month before, not above the report of the month after (a
 * back-dated report must fit between the two).
 */
function checkBetweenNeighbours(input: Figures, previous: (Figures & { period: Date }) | null, next: (Figures & { period: Date }) | null) {
  for (const [field, below] of CUMULATIVE) {
    const value = new Prisma.Decimal(input[field].toString());
    if (previous && value.lessThan(previous[field].toString()))
      throw new FieldError(field, below, { value: previous[field].toString(), month: previous.period.toISOString().slice(0, 7) });
    if (next && value.greaterThan(next[field].toString()))
      throw new FieldError(field, 'validation.aboveLaterReport', { value: next[field].toString(), month: next.period.toISOString().slice(0, 7) });
  }
}

type LockedProject = { status: string; plannedInvestment: string | null };

/** Locks the project (updates of one project are serialised, so the cumulative checks see the latest report); a completed project takes no reports. */
export async function lockProjectForUpdates(tx: Tx, projectId: number, field = 'period'): Promise<LockedProject> {
  const [project] = await tx.$queryRaw<LockedProject[]>`
    SELECT status::text, "plannedInvestment"::text FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
  if (project!.status === 'COMPLETED') throw new FieldError(field, 'validation.projectClosed');
  return project!;
}

/**
 * The checks every set of a month's figures passes, posted or revised: each
 * cumulative figure between the reports before and after it in time, the
 * investment not above the plan.
 */
export async function checkUpdateFigures(tx: Tx, project: LockedProject, projectId: number, period: Date, figures: Figures) {
  const [previous, next] = await Promise.all([
    tx.projectUpdate.findFirst({ where: { projectId, period: { lt: period } }, orderBy: { period: 'desc' }, select: figureSelect }),
    tx.projectUpdate.findFirst({ where: { projectId, period: { gt: period } }, orderBy: { period: 'asc' }, select: figureSelect }),
  ]);
  checkBetweenNeighbours(figures, previous, next);
  if (project.plannedInvestment !== null && new Prisma.Decimal(figures.investmentToDate.toString()).greaterThan(project.plannedInvestment))
    throw new FieldError('investmentToDate', 'validation.investmentAbovePlan');
}

/**
 * A month's progress report. Figures are cumulative, so each lies between the
 * reports before and after it in time; beneficiary counts replace the
 * project's earlier counts for the same village and kind.
 */
export const postProjectUpdate = defineMutation({
  schema: postUpdateSchema,
  action: 'project.postUpdate',
  resource: (tx, input) => projectResource(tx, input.projectId),
  async run({ tx, input, user, audit }) {
    const project = await lockProjectForUpdates(tx, input.projectId);
    if (await tx.projectUpdate.count({ where: { projectId: input.projectId, period: input.period } }))
      throw new FieldError('period', 'validation.periodExists');
    await checkUpdateFigures(tx, project, input.projectId, input.period, input);
    const projectVillages = new Set((await tx.projectVillage.findMany({ where: { projectId: input.projectId }, select: { villageId: true } })).map((v) => v.villageId));
    if (input.beneficiaries.some((b) => !projectVillages.has(b.villageId))) throw new FieldError('beneficiaries', 'validation.beneficiaryVillage');

    const { beneficiaries, ...fields } = input;
    const update = await tx.projectUpdate.create({ data: { ...fields, authorId: user.id } });
    await tx.updateEvent.create({ data: { updateId: update.id, kind: 'POSTED', actorId: user.id } });
    for (const b of beneficiaries) {
      await tx.beneficiary.upsert({
        where: { projectId_villageId_kind: { projectId: input.projectId, villageId: b.villageId, kind: b.kind } },
        create: { projectId: input.projectId, updateId: update.id, ...b },
        // Counted anew by the liaison: no longer the sample layer's figure.
        update: { updateId: update.id, people: b.people, households: b.households, sourceId: null },
      });
    }
    await audit({ action: 'projectUpdate.create', entity: 'ProjectUpdate', entityId: update.id, after: { ...update, beneficiaries } });
    return { id: update.id };
  },
});
