import 'server-only';
import { can, type Resources, type SessionUser } from '@/lib/auth/policy';
import { db, type Prisma } from '@/lib/db/client';
import type { Criterion } from '@/lib/db/enums';
import { ownerOf, ownerResource, type Owner } from './resource';

// Evidence is read through its owner record: a file id alone grants nothing.

const listed = {
  id: true, ownerKind: true, updateId: true, updateEventId: true, feedbackId: true, accreditationId: true, criterion: true,
  size: true, mime: true, name: true, width: true, height: true, takenAt: true, latitude: true, longitude: true, createdAt: true,
  uploaderId: true, uploader: { select: { displayName: true, role: true } },
} as const;

export type AttachmentItem = {
  id: number;
  name: string;
  mime: string;
  size: number;
  isImage: boolean;
  /** EXIF: shown only with the record, to whoever may read it. */
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
  uploaderName: string;
  uploaderId: number;
  createdAt: Date;
  /** May the viewer remove it (its uploader, an administrator)? */
  removable: boolean;
};

async function visible(user: SessionUser, where: Prisma.AttachmentWhereInput): Promise<(AttachmentItem & { owner: Owner })[]> {
  const rows = await db().attachment.findMany({ where: { ...where, deletedAt: null }, select: listed, orderBy: { id: 'asc' } });
  // One policy question per owner record, however many files it holds.
  const owners = new Map<string, Resources['attachment'] | null>();
  const out: (AttachmentItem & { owner: Owner })[] = [];
  for (const row of rows) {
    const owner = ownerOf(row);
    if (!owner) continue;
    const key = `${owner.kind}:${owner.id}`;
    if (!owners.has(key)) {
      const found = await ownerResource(db(), owner);
      owners.set(key, found && can(user, 'attachment.read', found) ? found : null);
    }
    const readable = owners.get(key);
    if (!readable) continue;
    const resource = { ...readable, uploaderId: row.uploaderId };
    out.push({
      id: row.id,
      name: row.name,
      mime: row.mime,
      size: row.size,
      isImage: row.mime.startsWith('image/'),
      takenAt: row.takenAt,
      latitude: row.latitude,
      longitude: row.longitude,
      uploaderName: row.uploader.displayName,
      uploaderId: row.uploaderId,
      createdAt: row.createdAt,
      removable: can(user, 'attachment.delete', resource),
      owner,
    });
  }
  return out;
}

/** The files of these monthly updates, by update id. */
export async function attachmentsOfUpdates(user: SessionUser, updateIds: number[]) {
  const byUpdate = new Map<number, AttachmentItem[]>();
  if (!updateIds.length) return byUpdate;
  for (const item of await visible(user, { ownerKind: 'UPDATE', updateId: { in: updateIds } })) {
    const id = item.owner.id;
    byUpdate.set(id, [...(byUpdate.get(id) ?? []), item]);
  }
  return byUpdate;
}

/** The files of these records of one kind (a dispute's or answer's step, village feedback), by record id. */
async function attachmentsOf(user: SessionUser, kind: 'UPDATE_EVENT' | 'FEEDBACK', ids: number[]) {
  const byOwner = new Map<number, AttachmentItem[]>();
  if (!ids.length) return byOwner;
  const where: Prisma.AttachmentWhereInput = kind === 'UPDATE_EVENT' ? { ownerKind: kind, updateEventId: { in: ids } } : { ownerKind: kind, feedbackId: { in: ids } };
  for (const item of await visible(user, where)) byOwner.set(item.owner.id, [...(byOwner.get(item.owner.id) ?? []), item]);
  return byOwner;
}

/** The files of these steps of updates' histories (disputes and answers), by event id. */
export const attachmentsOfEvents = (user: SessionUser, eventIds: number[]) => attachmentsOf(user, 'UPDATE_EVENT', eventIds);

/** The files of these village feedback entries, by feedback id. */
export const attachmentsOfFeedback = (user: SessionUser, feedbackIds: number[]) => attachmentsOf(user, 'FEEDBACK', feedbackIds);

/** The files of an accreditation round, by criterion. */
export async function attachmentsOfRound(user: SessionUser, accreditationId: number) {
  const byCriterion = new Map<Criterion, AttachmentItem[]>();
  for (const item of await visible(user, { ownerKind: 'CRITERION', accreditationId })) {
    if (item.owner.kind !== 'CRITERION') continue;
    byCriterion.set(item.owner.criterion, [...(byCriterion.get(item.owner.criterion) ?? []), item]);
  }
  return byCriterion;
}

/** One attachment for download, or null — absent, removed, or out of the user's scope alike (404). */
export async function attachmentForDownload(user: SessionUser | null, id: number) {
  if (!user) return null;
  const row = await db().attachment.findUnique({ where: { id }, select: { ...listed, sha256: true, deletedAt: true } });
  const owner = row && !row.deletedAt ? ownerOf(row) : null;
  const resource = owner && (await ownerResource(db(), owner));
  if (!row || !resource || !can(user, 'attachment.read', resource)) return null;
  return { id: row.id, sha256: row.sha256, name: row.name, mime: row.mime, size: row.size };
}
