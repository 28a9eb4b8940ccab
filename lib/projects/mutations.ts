import { defineMutation, updateVersioned } from '@/lib/action';
import { projectResource } from './resource';
import { updateProjectSchema } from './schemas';

const auditFields = { id: true, name: true, description: true, plannedInvestment: true, status: true, version: true } as const;

/** A liaison edits its SOE's project; a stale version is a conflict, not an overwrite. */
export const updateProject = defineMutation({
  schema: updateProjectSchema,
  action: 'project.update',
  resource: (tx, input) => projectResource(tx, input.projectId),
  async run({ tx, input, audit }) {
    const before = await tx.project.findUniqueOrThrow({ where: { id: input.projectId }, select: auditFields });
    await updateVersioned(
      (where) =>
        tx.project.updateMany({
          where,
          data: {
            name: input.name,
            description: input.description ?? null,
            plannedInvestment: input.plannedInvestment,
            version: { increment: 1 },
          },
        }),
      input.projectId,
      input.version,
    );
    const after = await tx.project.findUniqueOrThrow({ where: { id: input.projectId }, select: auditFields });
    await audit({ action: 'project.update', entity: 'Project', entityId: input.projectId, before, after });
    return { version: after.version };
  },
});
