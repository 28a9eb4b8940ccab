import 'server-only';
import { can, importScope, type SessionUser } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import type { ImportRecord } from './engine';
import { importKinds } from './registry';

const HISTORY_SIZE = 50;
const CHANGES_SHOWN = 500;

/** May this user see any import history (their SOE's, or all)? */
export const canReadImports = (user: SessionUser) => can(user, 'import.read', { kind: 'any', soeId: user.soeId });

/** The latest imports the user may see, newest first. */
export async function listImports(user: SessionUser) {
  if (!canReadImports(user)) return [];
  const rows = await db().import.findMany({
    where: importScope(user),
    orderBy: { id: 'desc' },
    take: HISTORY_SIZE,
    select: { id: true, kind: true, fileName: true, rows: true, counts: true, createdAt: true, undoneAt: true, user: { select: { displayName: true } } },
  });
  return rows.map(({ user: by, counts, ...r }) => ({ ...r, counts: counts as Record<string, number>, by: by?.displayName ?? null }));
}

/** One import with what it created and changed (from its audit row), or null when the user may not see it. */
export async function getImport(user: SessionUser, id: number) {
  const found = await db().import.findUnique({
    where: { id },
    select: {
      id: true, kind: true, fileName: true, rows: true, counts: true, soeId: true, userId: true, createdAt: true, undoneAt: true, version: true,
      user: { select: { displayName: true } }, undoneBy: { select: { displayName: true } },
    },
  });
  if (!found) return null;
  const resource = { kind: found.kind, soeId: found.soeId, importedById: found.userId };
  if (!can(user, 'import.read', resource)) return null;
  const entry = await db().auditLog.findFirst({ where: { entity: 'Import', entityId: String(id), action: `import.${found.kind}` }, select: { after: true } });
  const record = (entry?.after ?? { created: [], changed: [] }) as unknown as ImportRecord;
  return {
    ...found,
    counts: found.counts as Record<string, number>,
    by: found.user?.displayName ?? null,
    undoneBy: found.undoneBy?.displayName ?? null,
    created: record.created.map((c) => ({ entity: c.entity, count: c.ids.length })),
    changed: record.changed.slice(0, CHANGES_SHOWN),
    changedCount: record.changed.length,
    canUndo: !found.undoneAt && can(user, 'import.undo', resource),
  };
}

export { importKinds };
