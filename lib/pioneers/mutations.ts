import { defineMutation, FieldError } from '@/lib/action';
import { projectResource } from '@/lib/projects/resource';
import { memberSchema, postSchema, removeSchema } from './schemas';

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

/**
 * Takes a member off the team, with a reason. A member still holding posts is refused, naming them:
 * a post says who does the work on a project, so its end is decided on that project, not here.
 */
export const removePioneerMember = defineMutation({
  schema: removeSchema,
  action: 'pioneer.manageTeam',
  resource: async (tx, input) => {
    const member = await tx.pioneerMember.findUnique({ where: { id: input.id }, select: { zoneId: true, side: true, zone: { select: { pairings: { select: { soeId: true } } } } } });
    return member ? { zoneId: member.zoneId, soeIds: member.zone.pairings.map((p) => p.soeId), side: member.side } : null;
  },
  async run({ tx, input, audit }) {
    // Locked: a post being set up on this member meanwhile waits, and then finds no member.
    await tx.$queryRaw`SELECT id FROM "PioneerMember" WHERE id = ${input.id} FOR UPDATE`;
    const before = await tx.pioneerMember.findUniqueOrThrow({ where: { id: input.id }, include: { posts: { select: { title: true, project: { select: { name: true } } }, orderBy: { id: 'asc' } } } });
    if (before.posts.length) {
      const posts = before.posts.map((p) => `${p.project.name}·${p.title}`).join('、');
      throw new FieldError('reason', 'validation.pioneerHoldsPosts', { count: before.posts.length, posts });
    }
    await tx.pioneerMember.delete({ where: { id: input.id } });
    const { posts: _none, ...member } = before;
    await audit({ action: 'pioneer.removeMember', entity: 'PioneerMember', entityId: input.id, before: member, after: { reason: input.reason } });
    return { id: input.id };
  },
});

/** Ends a pioneer post on a project, with a reason. */
export const removePioneerPost = defineMutation({
  schema: removeSchema,
  action: 'pioneer.removePost',
  resource: async (tx, input) => {
    const post = await tx.pioneerPost.findUnique({ where: { id: input.id }, select: { projectId: true } });
    return post ? projectResource(tx, post.projectId) : null;
  },
  async run({ tx, input, audit }) {
    const before = await tx.pioneerPost.findUniqueOrThrow({ where: { id: input.id } });
    await tx.pioneerPost.delete({ where: { id: input.id } });
    await audit({ action: 'pioneer.removePost', entity: 'PioneerPost', entityId: input.id, before, after: { reason: input.reason } });
    return { id: input.id };
  },
});
