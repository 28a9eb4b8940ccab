import type { Prisma } from '@/lib/db/client';

type Tx = Prisma.TransactionClient;

export type AuditEntry = {
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

const SECRET_FIELDS = new Set(['passwordHash', 'password', 'newPassword', 'currentPassword']);

/** Plain JSON for the audit trail (Decimal and Date serialise themselves), BigInts as strings, no secrets. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (SECRET_FIELDS.has(key)) return '[redacted]';
      // A group robot's address carries its key (Soe.webhookUrl): whether one is set, not what it is.
      if (key === 'webhookUrl') return v == null ? v : '[redacted]';
      if (typeof v === 'bigint') return v.toString();
      return v;
    }),
  );
}

/** Writes one audit row inside the caller's transaction. */
export async function writeAudit(tx: Tx, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      actorName: entry.actorName,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      before: toAuditJson(entry.before),
      after: toAuditJson(entry.after),
    },
  });
}
