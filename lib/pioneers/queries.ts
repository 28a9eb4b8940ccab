import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { comparePinyin } from '@/lib/i18n/sort';
import { projectResource } from '@/lib/projects/resource';

const SIDE_ORDER = { VILLAGE: 0, SOE: 1 } as const;

/** A zone's pioneer team with each member's posts counted, village side first, names in pinyin order; null when unseen. */
export async function getPioneerTeam(user: SessionUser, zoneId: number) {
  const zone = await db().zone.findUnique({ where: { id: zoneId }, select: { pairings: { select: { soeId: true } } } });
  const soeIds = zone?.pairings.map((p) => p.soeId) ?? [];
  if (!zone || !can(user, 'zone.read', { zoneId, soeIds })) return null;
  const members = await db().pioneerMember.findMany({
    where: { zoneId },
    select: { id: true, name: true, side: true, role: true, source: { select: { isSample: true } }, _count: { select: { posts: true } } },
  });
  return members
    .map((m) => ({
      id: m.id, name: m.name, side: m.side, role: m.role, posts: m._count.posts, isSample: m.source?.isSample ?? false,
      canRemove: can(user, 'pioneer.manageTeam', { zoneId, soeIds, side: m.side }),
    }))
    .sort((a, b) => SIDE_ORDER[a.side] - SIDE_ORDER[b.side] || comparePinyin(a.name, b.name));
}

/** The posts on a project, the zone's team to choose from, and whether the user may add one; null when the project is unseen. */
export async function getProjectPosts(user: SessionUser, projectId: number) {
  const resource = await projectResource(db(), projectId);
  if (!resource || !can(user, 'project.read', resource)) return null;
  const zoneId = resource.zoneId;
  const [posts, team] = await Promise.all([
    db().pioneerPost.findMany({
      where: { projectId },
      select: { id: true, title: true, source: { select: { isSample: true } }, member: { select: { name: true, side: true, role: true } } },
      orderBy: { id: 'asc' },
    }),
    zoneId === null ? [] : db().pioneerMember.findMany({ where: { zoneId }, select: { id: true, name: true, side: true, role: true } }),
  ]);
  return {
    posts: posts.map((p) => ({ id: p.id, title: p.title, isSample: p.source?.isSample ?? false, ...p.member })),
    team: team.sort((a, b) => SIDE_ORDER[a.side] - SIDE_ORDER[b.side] || comparePinyin(a.name, b.name)),
    canAdd: zoneId !== null && can(user, 'pioneer.addPost', resource),
    canRemove: can(user, 'pioneer.removePost', resource),
  };
}
