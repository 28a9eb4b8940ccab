import { ConflictError, defineMutation, FieldError } from '@/lib/action';
import { currentQuarter } from '@/lib/dates';
import { projectResource, updateResource } from './resource';
import { feedbackSchema, reviewUpdateSchema } from './schemas';

/**
 * A village committee confirms or disputes (with a reason) an update about its
 * village. A confirmation is final: a confirmed update cannot be disputed or
 * confirmed again (a disputed one can still be confirmed once corrected or
 * answered); one sent back for revision waits for the revision.
 */
export const reviewUpdate = defineMutation({
  schema: reviewUpdateSchema,
  action: 'project.confirmUpdate',
  resource: (tx, input) => updateResource(tx, input.updateId),
  versioned: (input) => ({ table: 'ProjectUpdate', id: input.updateId, version: input.version }),
  async run({ tx, input, user, audit }) {
    const fields = { id: true, projectId: true, period: true, confirmation: true, disputeReason: true, confirmedById: true, version: true } as const;
    const before = await tx.projectUpdate.findUniqueOrThrow({ where: { id: input.updateId }, select: fields });
    if (before.confirmation === 'CONFIRMED') throw new FieldError('decision', 'validation.alreadyConfirmed');
    // Sent back for revision: the village waits for the liaison's revision. Excluded: the org department closed it.
    if (before.confirmation === 'RETURNED') throw new FieldError('decision', 'validation.awaitingRevision');
    if (before.confirmation === 'EXCLUDED') throw new FieldError('decision', 'validation.updateExcluded');
    await tx.projectUpdate.update({
      where: { id: input.updateId },
      data: {
        confirmation: input.decision,
        disputeReason: input.decision === 'DISPUTED' ? input.reason : null,
        confirmedById: user.id,
        version: { increment: 1 },
      },
    });
    await tx.updateEvent.create({ data: { updateId: input.updateId, kind: input.decision, reason: input.decision === 'DISPUTED' ? input.reason : null, actorId: user.id } });
    const after = await tx.projectUpdate.findUniqueOrThrow({ where: { id: input.updateId }, select: fields });
    await audit({ action: input.decision === 'DISPUTED' ? 'projectUpdate.dispute' : 'projectUpdate.confirm', entity: 'ProjectUpdate', entityId: input.updateId, before, after });
    return { version: after.version };
  },
});

const feedbackKey = (input: { projectId: number; quarter: Date }, villageId: number) => ({
  projectId_villageId_period: { projectId: input.projectId, villageId, period: input.quarter },
});

/** One rating per project, village and quarter; editable (with its version) until the quarter ends. */
export const giveFeedback = defineMutation({
  schema: feedbackSchema,
  action: 'project.giveFeedback',
  resource: (tx, input) => projectResource(tx, input.projectId),
  // The village's rating for the quarter, when it has one: a second rating edits it, with its version.
  async versioned(input, tx, user) {
    const found = await tx.feedback.findUnique({ where: feedbackKey(input, user.villageId!), select: { id: true } });
    if (!found && input.version) throw new ConflictError();
    return found && { table: 'Feedback', id: found.id, version: input.version ?? 0 };
  },
  async run({ tx, input, user, audit }) {
    if (input.quarter.getTime() !== currentQuarter().getTime()) throw new FieldError('quarter', 'validation.periodClosed');
    const before = await tx.feedback.findUnique({ where: feedbackKey(input, user.villageId!) });
    // A first rating (no version) finds one given meanwhile, after `versioned` looked: a conflict, never an overwrite.
    if (before && !input.version) throw new ConflictError();
    const data = { rating: input.rating, comment: input.comment, authorId: user.id };
    const after = before
      ? await tx.feedback.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } })
      : await tx.feedback.create({ data: { ...data, projectId: input.projectId, villageId: user.villageId!, period: input.quarter } });
    await audit({ action: before ? 'feedback.update' : 'feedback.create', entity: 'Feedback', entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  },
});
