import { defineMutation } from '@/lib/action';
import { projectResource } from '@/lib/projects/resource';
import { feedbackSeenSchema } from './schemas';

/**
 * The user saw a project's feedback up to `upTo` (its newest change the page showed, never later
 * than now, never earlier than before): a liaison's to-do counts feedback given after that.
 */
export const markFeedbackSeen = defineMutation({
  schema: feedbackSeenSchema,
  action: 'project.read',
  resource: (tx, input) => projectResource(tx, input.projectId),
  async run({ tx, user, input, audit }) {
    const before = await tx.projectSeen.findUnique({ where: { userId_projectId: { userId: user.id, projectId: input.projectId } }, select: { seenAt: true } });
    const upTo = new Date(Math.min(input.upTo.getTime(), Date.now()));
    const seenAt = before && before.seenAt > upTo ? before.seenAt : upTo;
    await tx.projectSeen.upsert({
      where: { userId_projectId: { userId: user.id, projectId: input.projectId } },
      create: { userId: user.id, projectId: input.projectId, seenAt },
      update: { seenAt },
    });
    await audit({ action: 'project.feedbackSeen', entity: 'Project', entityId: input.projectId, before, after: { seenAt } });
    return { seenAt };
  },
});
