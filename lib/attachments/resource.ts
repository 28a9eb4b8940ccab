import type { Prisma } from '@/lib/db/client';
import type { Criterion } from '@/lib/db/enums';
import type { Resources } from '@/lib/auth/policy';
import { projectResource } from '@/lib/projects/resource';

type Reader = Pick<Prisma.TransactionClient, 'project' | 'projectUpdate' | 'updateEvent' | 'feedback' | 'accreditation'>;

/** The record evidence belongs to, as the form names it. */
export type Owner =
  | { kind: 'UPDATE'; id: number }
  | { kind: 'UPDATE_EVENT'; id: number }
  | { kind: 'FEEDBACK'; id: number }
  | { kind: 'CRITERION'; id: number; criterion: Criterion };

/** The owner's columns on an Attachment row, and the `where` that finds the owner's files. */
export function ownerColumns(owner: Owner) {
  switch (owner.kind) {
    case 'UPDATE':
      return { ownerKind: owner.kind, updateId: owner.id };
    case 'UPDATE_EVENT':
      return { ownerKind: owner.kind, updateEventId: owner.id };
    case 'FEEDBACK':
      return { ownerKind: owner.kind, feedbackId: owner.id };
    case 'CRITERION':
      return { ownerKind: owner.kind, accreditationId: owner.id, criterion: owner.criterion };
  }
}

/** What the policy needs to know about an owner record; null when there is no such record. */
export async function ownerResource(tx: Reader, owner: Owner, uploaderId?: number): Promise<Resources['attachment'] | null> {
  switch (owner.kind) {
    case 'UPDATE': {
      const update = await tx.projectUpdate.findUnique({ where: { id: owner.id }, select: { projectId: true } });
      const project = update && (await projectResource(tx, update.projectId));
      return project ? { kind: 'UPDATE', project, uploaderId } : null;
    }
    case 'UPDATE_EVENT': {
      const event = await tx.updateEvent.findUnique({ where: { id: owner.id }, select: { actorId: true, update: { select: { projectId: true } } } });
      const project = event && (await projectResource(tx, event.update.projectId));
      return project ? { kind: 'UPDATE_EVENT', project, actorId: event.actorId, uploaderId } : null;
    }
    case 'FEEDBACK': {
      const feedback = await tx.feedback.findUnique({ where: { id: owner.id }, select: { projectId: true, villageId: true } });
      const project = feedback && (await projectResource(tx, feedback.projectId));
      return project ? { kind: 'FEEDBACK', project, feedbackVillageId: feedback.villageId, uploaderId } : null;
    }
    case 'CRITERION': {
      const round = await tx.accreditation.findUnique({ where: { id: owner.id }, select: { zoneId: true, zone: { select: { pairings: { select: { soeId: true } } } } } });
      return round ? { kind: 'CRITERION', zone: { zoneId: round.zoneId, soeIds: round.zone.pairings.map((p) => p.soeId) }, uploaderId } : null;
    }
  }
}

/** The owner of a stored attachment row. */
export function ownerOf(row: { ownerKind: string; updateId: number | null; updateEventId: number | null; feedbackId: number | null; accreditationId: number | null; criterion: Criterion | null }): Owner | null {
  if (row.ownerKind === 'UPDATE' && row.updateId) return { kind: 'UPDATE', id: row.updateId };
  if (row.ownerKind === 'UPDATE_EVENT' && row.updateEventId) return { kind: 'UPDATE_EVENT', id: row.updateEventId };
  if (row.ownerKind === 'FEEDBACK' && row.feedbackId) return { kind: 'FEEDBACK', id: row.feedbackId };
  if (row.ownerKind === 'CRITERION' && row.accreditationId && row.criterion) return { kind: 'CRITERION', id: row.accreditationId, criterion: row.criterion };
  return null;
}
