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
/** A month's posted figures. */
export type MonthReport = Figures & { period: Date };
export const figureSelect = { period: true, progressPct: true, investmentToDate: true, jobsCreated: true, incomeToVillages: true } as const;

/** What the update rules need to know of a project. */
export type ProjectForUpdates = { status: string; plannedInvestment: string | null };

/**
 * Every cumulative figure lies between its neighbours in time: not below the
 * report of the month before, not above the report of the month after (a
 * back-dated report must fit between the two); the investment not above the plan.
 * `reports` are the project's other months (any that are known: the nearest two suffice).
 */
export function checkFigures(project: ProjectForUpdates, reports: MonthReport[], period: Date, input: Figures) {
  let previous: MonthReport | null = null;
  let next: MonthReport | null = null;
  for (const r of reports) {
    if (r.period < period && (!previous || r.period > previous.period)) previous = r;
    if (r.period > period && (!next || r.period < next.period)) next = r;
  }
  for (const [field, below] of CUMULATIVE) {
    const value = new Prisma.Decimal(input[field].toString());
    if (previous && value.lessThan(previous[field].toString()))
      throw new FieldError(field, below, { value: previous[field].toString(), month: previous.period.toISOString().slice(0, 7) });
    if (next && value.greaterThan(next[field].toString()))
      throw new FieldError(field, 'validation.aboveLaterReport', { value: next[field].toString(), month: next.period.toISOString().slice(0, 7) });
  }
  if (project.plannedInvestment !== null && new Prisma.Decimal(input.investmentToDate.toString()).greaterThan(project.plannedInvestment))
    throw new FieldError('investmentToDate', 'validation.investmentAbovePlan');
}

/** Beneficiary counts only for the project's own villages. */
export function checkBeneficiaryVillages(projectVillageIds: ReadonlySet<number>, beneficiaries: { villageId: number }[]) {
  if (beneficiaries.some((b) => !projectVillageIds.has(b.villageId))) throw new FieldError('beneficiaries', 'validation.beneficiaryVillage');
}

export type NewUpdate = Figures & { period: Date; beneficiaries: { villageId: number }[] };

/**
 * The rules of a new month's update, the form's and the import's alike (the
 * import calls this with the reports it read for the whole file, and the
 * file's earlier rows): an open project, a month not yet posted, the figures
 * between their neighbours and within the plan, beneficiaries of the project's villages.
 */
export function checkNewUpdate(project: ProjectForUpdates & { villageIds: ReadonlySet<number> }, reports: MonthReport[], input: NewUpdate) {
  if (project.status === 'COMPLETED') throw new FieldError('period', 'validation.projectClosed');
  if (reports.some((r) => r.period.getTime() === input.period.getTime())) throw new FieldError('period', 'validation.periodExists');
  checkFigures(project, reports, input.period, input);
  checkBeneficiaryVillages(project.villageIds, input.beneficiaries);
}

/** Locks the project (updates of one project are serialised, so the cumulative checks see the latest report); a completed project takes no reports. */
export async function lockProjectForUpdates(tx: Tx, projectId: number, field = 'period'): Promise<ProjectForUpdates> {
  const [project] = await tx.$queryRaw<ProjectForUpdates[]>`
    SELECT status::text, "plannedInvestment"::text FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
  if (project!.status === 'COMPLETED') throw new FieldError(field, 'validation.projectClosed');
  return project!;
}

/** The project's reports of this month and of the months next to it. */
async function reportsAround(tx: Tx, projectId: number, period: Date): Promise<MonthReport[]> {
  const found = await Promise.all([
    tx.projectUpdate.findFirst({ where: { projectId, period }, select: figureSelect }),
    tx.projectUpdate.findFirst({ where: { projectId, period: { lt: period } }, orderBy: { period: 'desc' }, select: figureSelect }),
    tx.projectUpdate.findFirst({ where: { projectId, period: { gt: period } }, orderBy: { period: 'asc' }, select: figureSelect }),
  ]);
  return found.filter((r) => r !== null);
}

/**
 * The checks every set of a month's figures passes, posted or revised: each
 * cumulative figure between the reports before and after it in time, the
 * investment not above the plan.
 */
export async function checkUpdateFigures(tx: Tx, project: ProjectForUpdates, projectId: number, period: Date, figures: Figures) {
  const reports = (await reportsAround(tx, projectId, period)).filter((r) => r.period.getTime() !== period.getTime());
  checkFigures(project, reports, period, figures);
}

export type PostUpdateInput = ReturnType<typeof postUpdateSchema.parse>;
/** A beneficiary row as it was before an update replaced its counts (null: the update created it). */
export type ReplacedBeneficiary = { id: number; before: { updateId: number | null; people: number; households: number | null } | null };

/**
 * Posts a month's update as the form does, inside the caller's transaction
 * (the form's core and the update import): locks the project, checks every
 * rule, writes the update, its POSTED event and the beneficiary counts, which
 * replace the project's earlier counts for the same village and kind.
 * The caller writes the audit row.
 */
export async function postUpdate(tx: Tx, input: PostUpdateInput, user: { id: number }) {
  const project = await lockProjectForUpdates(tx, input.projectId);
  const villageIds = new Set((await tx.projectVillage.findMany({ where: { projectId: input.projectId }, select: { villageId: true } })).map((v) => v.villageId));
  checkNewUpdate({ ...project, villageIds }, await reportsAround(tx, input.projectId, input.period), input);

  const { beneficiaries, ...fields } = input;
  const update = await tx.projectUpdate.create({ data: { ...fields, authorId: user.id } });
  await tx.updateEvent.create({ data: { updateId: update.id, kind: 'POSTED', actorId: user.id } });
  const replaced: ReplacedBeneficiary[] = [];
  for (const b of beneficiaries) {
    const key = { projectId_villageId_kind: { projectId: input.projectId, villageId: b.villageId, kind: b.kind } };
    const before = await tx.beneficiary.findUnique({ where: key, select: { updateId: true, people: true, households: true } });
    const row = await tx.beneficiary.upsert({
      where: key,
      create: { projectId: input.projectId, updateId: update.id, ...b },
      // Counted anew by the liaison: no longer the sample layer's figure.
      update: { updateId: update.id, people: b.people, households: b.households, sourceId: null },
      select: { id: true },
    });
    replaced.push({ id: row.id, before });
  }
  return { update, beneficiaries, replaced };
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
    const { update, beneficiaries } = await postUpdate(tx, input, user);
    await audit({ action: 'projectUpdate.create', entity: 'ProjectUpdate', entityId: update.id, after: { ...update, beneficiaries } });
    return { id: update.id };
  },
});
