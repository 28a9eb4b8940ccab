import 'server-only';
import { z } from 'zod';
import { can, type SessionUser } from '@/lib/auth/policy';
import { db, type Prisma } from '@/lib/db/client';
import { parseCalendarDate } from '@/lib/dates';
import { pageNumber } from '@/lib/lists/params';
import { plainText } from '@/lib/validation';
import { auditRefs, type AuditNames, type RefKind } from './describe';

export const AUDIT_PAGE_SIZE = 50;

/** A real calendar date (2025-13-45 is none), kept as typed. */
const day = z
  .string()
  .refine((s) => parseCalendarDate(s) !== null)
  .optional()
  .catch(undefined);
const filterText = (max: number) => plainText().max(max).optional().catch(undefined);

/** The audit page's filters, from the URL; anything malformed is ignored rather than trusted. */
export const auditFilterSchema = z.object({
  entity: filterText(40),
  action: filterText(60),
  actor: filterText(64),
  entityId: filterText(40),
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

/** The names of every record the page's audit rows point at (their own record, and values such as soeId), a query per kind. */
export async function auditNames(rows: { entity: string; entityId: string | null; before: unknown; after: unknown }[]): Promise<AuditNames> {
  const wanted = new Map<RefKind, Set<number>>();
  for (const row of rows) for (const { kind, id } of auditRefs(row)) wanted.set(kind, (wanted.get(kind) ?? new Set()).add(id));
  const ids = (kind: RefKind) => ({ where: { id: { in: [...(wanted.get(kind) ?? [])] } } });
  const named = (list: { id: number; name: string }[]) => new Map(list.map((r) => [r.id, r.name]));
  const select = { id: true, name: true } as const;
  const [Project, Soe, Zone, Village, District, Township, User] = await Promise.all([
    db().project.findMany({ ...ids('Project'), select }),
    db().soe.findMany({ ...ids('Soe'), select }),
    db().zone.findMany({ ...ids('Zone'), select }),
    db().village.findMany({ ...ids('Village'), select }),
    db().district.findMany({ ...ids('District'), select }),
    db().township.findMany({ ...ids('Township'), select }),
    db().user.findMany({ ...ids('User'), select: { id: true, displayName: true } }),
  ]);
  return {
    Project: named(Project),
    Soe: named(Soe),
    Zone: named(Zone),
    Village: named(Village),
    District: named(District),
    Township: named(Township),
    User: new Map(User.map((u) => [u.id, u.displayName])),
  };
}
