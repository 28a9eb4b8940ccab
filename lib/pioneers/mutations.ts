import { defineMutation, FieldError } from '@/lib/action';
import { projectResource } from '@/lib/projects/resource';
import { memberSchema, postSchema } from './schemas';

// A zone's pioneer team (兴乡先锋队) and the posts (兴乡先锋岗) its members hold on projects.

export const addPioneerMember = defineMutation({
  schema: memberSchema,
  action: 'pioneer.manageTeam',
  resource: async (tx, input) => {
    const zone = await tx.zone.findUnique({ where: { id: input.zoneId }, select: { pairings: { select: { soeId: true } } } });
    return zone ? { zoneId: input.zoneId, soeIds: zone.pairings.map((p) => p.soeId), side: input.side } : null;
  },
  async run({ tx, input, audit }) {
    if (await tx.pioneerMember.count({ where: { zoneId: input.zoneId, name: input.name, side: input.side } })) throw new FieldError('name', 'validation.pioneerTaken');
    const after = await tx.pioneerMember.create({ data: input });
    await audit({ action: 'pioneer.addMember', entity: 'PioneerMember', entityId: after.id, after });
    return { id: after.id };
  },
});

export const addPioneerPost = defineMutation({
  schema: postSchema,
  action: 'pioneer.addPost',
  resource: (tx, input) => projectResource(tx, input.projectId),
  async run({ tx, input, audit }) {
    const [project, member] = await Promise.all([
      tx.project.findUniqueOrThrow({ where: { id: input.projectId }, select: { zoneId: true } }),
      tx.pioneerMember.findUnique({ where: { id: input.memberId }, select: { zoneId: true } }),
    ]);
    // A post is held by a member of the team of the project's own zone.
    if (!member || member.zoneId !== project.zoneId) throw new FieldError('memberId', 'validation.pioneerNotInZone');
    if (await tx.pioneerPost.count({ where: input })) throw new FieldError('title', 'validation.pioneerPostTaken');
    const after = await tx.pioneerPost.create({ data: input });
    await audit({ action: 'pioneer.addPost', entity: 'PioneerPost', entityId: after.id, after });
    return { id: after.id };
  },
});
