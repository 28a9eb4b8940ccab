import type { Prisma } from '@/lib/db/client';
import type { Resources } from '@/lib/auth/policy';

type Reader = Pick<Prisma.TransactionClient, 'project'>;

/** What the policy needs to know about a project; null when there is no such project. */
export async function projectResource(tx: Reader, projectId: number): Promise<Resources['project'] | null> {
  const project = await tx.project.findUnique({
    where: { id: projectId },
    select: {
      soeId: true,
      zoneId: true,
      zone: { select: { pairings: { select: { soeId: true } } } },
      villages: { select: { villageId: true } },
    },
  });
  if (!project) return null;
  return {
    soeId: project.soeId,
    zoneId: project.zoneId,
    zoneSoeIds: project.zone?.pairings.map((p) => p.soeId) ?? [],
    villageIds: project.villages.map((v) => v.villageId),
  };
}

/** The project of a monthly update, for the policy; null when there is no such update. */
export async function updateResource(tx: Pick<Prisma.TransactionClient, 'project' | 'projectUpdate'>, updateId: number): Promise<Resources['project'] | null> {
  const update = await tx.projectUpdate.findUnique({ where: { id: updateId }, select: { projectId: true } });
  return update ? projectResource(tx, update.projectId) : null;
}
