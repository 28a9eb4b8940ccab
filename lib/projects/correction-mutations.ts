import { defineMutation, FieldError } from '@/lib/action';
import { Prisma } from '@/lib/db/client';
import type { UpdateConfirmation } from '@/lib/db/enums';
import { checkUpdateFigures, lockProjectForUpdates } from './mutations';
import { updateResource } from './resource';
import { answerDisputeSchema, closeDisputeSchema, reopenUpdateSchema, returnUpdateSchema, reviseUpdateSchema } from './schemas';

// Corrections and disputes: the monthly loop after an update is posted.
//
//   PENDING ──village confirms──▶ CONFIRMED ──org reopens (reason)──▶ PENDING
//   PENDING ──village disputes──▶ DISPUTED ──liaison revises or answers──▶ PENDING
//   PENDING | DISPUTED ──org returns (reason)──▶ RETURNED ──liaison revises──▶ PENDING
//   DISPUTED ──org closes: uphold──▶ EXCLUDED (not counted) | reject──▶ CONFIRMED
//   EXCLUDED ──org reopens (reason)──▶ PENDING
//
// Each step writes one UpdateEvent (the update's history on the project page)
// and one audit row; a revision's event keeps the figures before and after.

type Tx = Prisma.TransactionClient;
const stateFields = {
  id: true, projectId: true, period: true, progressPct: true, investmentToDate: true, jobsCreated: true, incomeToVillages: true,
  narrative: true, confirmation: true, disputeReason: true, answer: true, returnReason: true, confirmedById: true, version: true,
} as const;

async function current(tx: Tx, updateId: number, allowed: UpdateConfirmation[], field: string, refusal: `validation.${string}`) {
  const before = await tx.projectUpdate.findUniqueOrThrow({ where: { id: updateId }, select: stateFields });
  if (!allowed.includes(before.confirmation)) throw new FieldError(field, refusal);
  return before;
}

const figuresOf = (u: { progressPct: number; investmentToDate: unknown; jobsCreated: number; incomeToVillages: unknown; narrative: string | null }) => ({
  progressPct: u.progressPct,
  // Money as PostgreSQL keeps it (200000 and 200000.00 are the same figure).
  investmentToDate: new Prisma.Decimal(String(u.investmentToDate)).toString(),
  jobsCreated: u.jobsCreated,
  incomeToVillages: new Prisma.Decimal(String(u.incomeToVillages)).toString(),
  narrative: u.narrative,
});

/**
 * A liaison revises a posted update that is unconfirmed, disputed or sent back:
 * the same checks as posting, a reason, the earlier figures kept in the
 * update's history; the village then confirms or disputes again.
 */
export const reviseUpdate = defineMutation({
  schema: reviseUpdateSchema,
  action: 'project.reviseUpdate',
  resource: (tx, input) => updateResource(tx, input.updateId),
  versioned: (input) => ({ table: 'ProjectUpdate', id: input.updateId, version: input.version }),
  async run({ tx, input, user, audit }) {
    const { projectId } = await tx.projectUpdate.findUniqueOrThrow({ where: { id: input.updateId }, select: { projectId: true } });
    const project = await lockProjectForUpdates(tx, projectId, 'reason');
    const before = await current(tx, input.updateId, ['PENDING', 'DISPUTED', 'RETURNED'], 'reason', 'validation.notRevisable');
    const next = figuresOf({ ...input, narrative: input.narrative ?? null });
    if (JSON.stringify(next) === JSON.stringify(figuresOf(before))) throw new FieldError('reason', 'validation.nothingChanged');
    await checkUpdateFigures(tx, project, projectId, before.period, input);
    const after = await tx.projectUpdate.update({
      where: { id: input.updateId },
      data: { ...next, confirmation: 'PENDING', disputeReason: null, answer: null, returnReason: null, confirmedById: null, version: { increment: 1 } },
      select: stateFields,
    });
    await tx.updateEvent.create({ data: { updateId: input.updateId, kind: 'REVISED', reason: input.reason, actorId: user.id, figures: { before: figuresOf(before), after: next } } });
    await audit({ action: 'projectUpdate.revise', entity: 'ProjectUpdate', entityId: input.updateId, before, after: { ...after, reason: input.reason } });
    return { version: after.version };
  },
});

/** A liaison answers a dispute keeping the figures; the village then confirms or disputes again. */
export const answerDispute = defineMutation({
  schema: answerDisputeSchema,
  action: 'project.reviseUpdate',
  resource: (tx, input) => updateResource(tx, input.updateId),
  versioned: (input) => ({ table: 'ProjectUpdate', id: input.updateId, version: input.version }),
  async run({ tx, input, user, audit }) {
    const before = await current(tx, input.updateId, ['DISPUTED'], 'answer', 'validation.notDisputed');
    const after = await tx.projectUpdate.update({
      where: { id: input.updateId },
      data: { confirmation: 'PENDING', answer: input.answer, confirmedById: null, version: { increment: 1 } },
      select: stateFields,
    });
    await tx.updateEvent.create({ data: { updateId: input.updateId, kind: 'ANSWERED', reason: input.answer, actorId: user.id } });
    await audit({ action: 'projectUpdate.answer', entity: 'ProjectUpdate', entityId: input.updateId, before, after });
    return { version: after.version };
  },
});

/** The org department sends an unconfirmed update back to the liaison for revision, with a reason. */
export const returnUpdate = defineMutation({
  schema: returnUpdateSchema,
  action: 'project.returnUpdate',
  resource: (tx, input) => updateResource(tx, input.updateId),
  versioned: (input) => ({ table: 'ProjectUpdate', id: input.updateId, version: input.version }),
  async run({ tx, input, user, audit }) {
    const before = await current(tx, input.updateId, ['PENDING', 'DISPUTED'], 'reason', 'validation.notUnconfirmed');
    const after = await tx.projectUpdate.update({
      where: { id: input.updateId },
      data: { confirmation: 'RETURNED', returnReason: input.reason, confirmedById: null, version: { increment: 1 } },
      select: stateFields,
    });
    await tx.updateEvent.create({ data: { updateId: input.updateId, kind: 'RETURNED', reason: input.reason, actorId: user.id } });
    await audit({ action: 'projectUpdate.return', entity: 'ProjectUpdate', entityId: input.updateId, before, after });
    return { version: after.version };
  },
});

/**
 * The org department closes a dispute: upholding the village's objection marks
 * the figures as not counted (EXCLUDED); rejecting it lets the liaison's
 * figures stand (CONFIRMED, by the org department).
 */
export const closeDispute = defineMutation({
  schema: closeDisputeSchema,
  action: 'project.closeDispute',
  resource: (tx, input) => updateResource(tx, input.updateId),
  versioned: (input) => ({ table: 'ProjectUpdate', id: input.updateId, version: input.version }),
  async run({ tx, input, user, audit }) {
    const before = await current(tx, input.updateId, ['DISPUTED'], 'decision', 'validation.notDisputed');
    const uphold = input.decision === 'UPHOLD';
    const after = await tx.projectUpdate.update({
      where: { id: input.updateId },
      data: { confirmation: uphold ? 'EXCLUDED' : 'CONFIRMED', confirmedById: user.id, version: { increment: 1 } },
      select: stateFields,
    });
    await tx.updateEvent.create({ data: { updateId: input.updateId, kind: uphold ? 'DISPUTE_UPHELD' : 'DISPUTE_REJECTED', reason: input.reason, actorId: user.id } });
    await audit({ action: uphold ? 'projectUpdate.upholdDispute' : 'projectUpdate.rejectDispute', entity: 'ProjectUpdate', entityId: input.updateId, before, after: { ...after, reason: input.reason } });
    return { version: after.version };
  },
});

/** Confirmed (or excluded) is final for everyone but the org department, which may reopen it with a reason. */
export const reopenUpdate = defineMutation({
  schema: reopenUpdateSchema,
  action: 'project.reopenUpdate',
  resource: (tx, input) => updateResource(tx, input.updateId),
  versioned: (input) => ({ table: 'ProjectUpdate', id: input.updateId, version: input.version }),
  async run({ tx, input, user, audit }) {
    const before = await current(tx, input.updateId, ['CONFIRMED', 'EXCLUDED'], 'reason', 'validation.notReopenable');
    const after = await tx.projectUpdate.update({
      where: { id: input.updateId },
      data: { confirmation: 'PENDING', confirmedById: null, version: { increment: 1 } },
      select: stateFields,
    });
    await tx.updateEvent.create({ data: { updateId: input.updateId, kind: 'REOPENED', reason: input.reason, actorId: user.id } });
    await audit({ action: 'projectUpdate.reopen', entity: 'ProjectUpdate', entityId: input.updateId, before, after: { ...after, reason: input.reason } });
    return { version: after.version };
  },
});
