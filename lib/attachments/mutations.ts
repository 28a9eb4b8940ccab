import type { z } from 'zod';
import { defineMutation, FieldError } from '@/lib/action';
import type { Prisma } from '@/lib/db/client';
import { MAX_FILES_PER_RECORD, MAX_RECORD_BYTES } from './limits';
import { ownerColumns, ownerOf, ownerResource, type Owner } from './resource';
import { addAttachmentSchema, deleteAttachmentSchema, ownerSchema } from './schemas';

// Evidence files: the row that says whose a stored file is. The route stores
// the bytes first (lib/files/storage.ts, content-addressed); this writes the
// row and its audit row in one transaction. A file whose row never came
// (refused, a crash in between) has no row and is swept (./sweep.ts).

type Tx = Prisma.TransactionClient;

export const ownerFromInput = (input: z.output<typeof ownerSchema>): Owner =>
  input.ownerKind === 'CRITERION' ? { kind: 'CRITERION', id: input.ownerId, criterion: input.criterion! } : { kind: input.ownerKind, id: input.ownerId };

const shown = { id: true, ownerKind: true, updateId: true, updateEventId: true, feedbackId: true, accreditationId: true, criterion: true, sha256: true, size: true, mime: true, name: true, takenAt: true, latitude: true, longitude: true, deletedAt: true, deleteReason: true } as const;

/** Serialises uploads to one record, so the per-record limits hold under concurrent uploads. */
async function lockOwner(tx: Tx, owner: Owner) {
  const table = { UPDATE: 'ProjectUpdate', UPDATE_EVENT: 'UpdateEvent', FEEDBACK: 'Feedback', CRITERION: 'Accreditation' }[owner.kind];
  await tx.$queryRawUnsafe(`SELECT id FROM "${table}" WHERE id = $1 FOR UPDATE`, owner.id);
}

export const addAttachment = defineMutation({
  schema: addAttachmentSchema,
  action: 'attachment.add',
  resource: (tx, input) => ownerResource(tx, ownerFromInput(input)),
  async run({ tx, input, user, audit }) {
    const owner = ownerFromInput(input);
    await lockOwner(tx, owner);
    const { file } = input;
    const held = await tx.attachment.aggregate({ where: { ...ownerColumns(owner), deletedAt: null }, _count: true, _sum: { size: true } });
    if (held._count >= MAX_FILES_PER_RECORD) throw new FieldError('file', 'validation.attachments.tooMany', { max: MAX_FILES_PER_RECORD });
    if ((held._sum.size ?? 0) + file.size > MAX_RECORD_BYTES) throw new FieldError('file', 'validation.attachments.recordFull', { max: MAX_RECORD_BYTES / 2 ** 20 });
    const row = await tx.attachment.create({
      data: {
        ...ownerColumns(owner),
        sha256: file.sha256,
        size: file.size,
        mime: file.mime,
        name: file.name,
        width: file.width,
        height: file.height,
        takenAt: file.takenAt,
        latitude: file.latitude,
        longitude: file.longitude,
        uploaderId: user.id,
      },
      select: shown,
    });
    await audit({ action: 'attachment.add', entity: 'Attachment', entityId: row.id, after: row });
    return { id: row.id };
  },
});

/** A soft delete with a reason: the row and the file stay (the audit trail may point at them); nobody is shown it any more. */
export const deleteAttachment = defineMutation({
  schema: deleteAttachmentSchema,
  action: 'attachment.delete',
  async resource(tx, input) {
    const row = await tx.attachment.findUnique({ where: { id: input.id }, select: { ...shown, uploaderId: true } });
    const owner = row && !row.deletedAt ? ownerOf(row) : null;
    return owner ? ownerResource(tx, owner, row!.uploaderId) : null;
  },
  async run({ tx, input, user, audit }) {
    const before = await tx.attachment.findUniqueOrThrow({ where: { id: input.id }, select: shown });
    const { count } = await tx.attachment.updateMany({ where: { id: input.id, deletedAt: null }, data: { deletedAt: new Date(), deletedById: user.id, deleteReason: input.reason } });
    if (!count) throw new FieldError('reason', 'validation.attachments.gone');
    const after = await tx.attachment.findUniqueOrThrow({ where: { id: input.id }, select: shown });
    await audit({ action: 'attachment.delete', entity: 'Attachment', entityId: input.id, before, after });
    return { id: input.id };
  },
});
