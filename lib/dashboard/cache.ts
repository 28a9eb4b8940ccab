import 'server-only';
import type { SqlScope } from '@/lib/auth/policy';
import { readDb } from '@/lib/db/client';

// The citywide dashboard's aggregates are the same for everyone allowed to see
// them, so one copy per process serves all; its "needs attention" lists are
// scoped, so one copy per scope (`part`: 'citywide', or the scope's key). Each
// is keyed on PostgreSQL's current snapshot (which changes whenever a
// transaction with writes commits anywhere in the cluster) and the day, so no
// write, from any app instance, a CLI tool or psql, can leave a stale copy
// behind, and nothing needs to be told to invalidate it. The key is read before
// computing: figures that already include a later commit are stored under the
// older key, which no later reader will match. Key and figures come from the
// same server (the replica when DATABASE_REPLICA_URL is set), which applies
// commits in order.

type Entry = { key: string; value: Promise<unknown> };
const entries = new Map<string, Entry>();
/** Scopes are SOEs (a few hundred at most); beyond this many parts, start afresh. */
const MAX_PARTS = 1000;

export async function cachedUntilDataChanges<T>(day: string, compute: () => Promise<T>, part = 'citywide'): Promise<T> {
  const [{ snapshot }] = await readDb().$queryRaw<[{ snapshot: string }]>`SELECT pg_current_snapshot()::text AS snapshot`;
  const key = `${day}|${snapshot}`;
  const found = entries.get(part);
  if (found?.key === key) return found.value as Promise<T>;
  // Concurrent readers of the same state share one computation.
  const value = compute();
  if (!found && entries.size >= MAX_PARTS) entries.clear();
  entries.set(part, { key, value });
  value.catch(() => {
    if (entries.get(part)?.value === value) entries.delete(part);
  });
  return value;
}

/** The cache part of a scoped list: one per scope (`sqlScope(user)`), so each is filtered once. */
export function scopePart(name: string, scope: SqlScope) {
  return `${name}:${scope.all ? 'all' : `${scope.soeId}/${scope.zoneId}`}`;
}

/** For benchmarks that time the uncached path. */
export function clearDashboardCache() {
  entries.clear();
}
