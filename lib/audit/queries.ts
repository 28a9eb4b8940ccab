import 'server-only';
import { z } from 'zod';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db, type Prisma } from '@/lib/db/client';
import { pageNumber } from '@/lib/lists/params';

export const AUDIT_PAGE_SIZE = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** The audit page's filters, from the URL; anything malformed is ignored rather than trusted. */
export const auditFilterSchema = z.object({
  entity: z.string().max(40).optional().catch(undefined),
  action: z.string().max(60).optional().catch(undefined),
  actor: z.string().max(64).optional().catch(undefined),
  entityId: z.string().max(40).optional().catch(undefined),
  from: day,
  to: day,
  page: pageNumber,
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export async function listAuditEntries(user: SessionUser, filter: AuditFilter) {
  if (!can(user, 'audit.read', {})) return { rows: [], total: 0 };
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.entity && { entity: filter.entity }),
    ...(filter.entityId && { entityId: filter.entityId }),
    ...(filter.action && { action: { startsWith: filter.action } }),
    ...(filter.actor && { actorName: filter.actor }),
    ...((filter.from || filter.to) && {
      at: {
        ...(filter.from && { gte: new Date(`${filter.from}T00:00:00+08:00`) }),
        ...(filter.to && { lt: new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86_400_000) }),
      },
    }),
  };
  const [rows, total] = await Promise.all([
    db().auditLog.findMany({
      where,
      select: { id: true, at: true, actorName: true, action: true, entity: true, entityId: true, before: true, after: true },
      orderBy: { id: 'desc' },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db().auditLog.count({ where }),
  ]);
  return { rows: rows.map((r) => ({ ...r, id: r.id.toString() })), total };
}

export async function listAuditEntities(user: SessionUser) {
  if (!can(user, 'audit.read', {})) return [];
  const rows = await db().auditLog.groupBy({ by: ['entity'], orderBy: { entity: 'asc' } });
  return rows.map((r) => r.entity);
}
