import 'server-only';
import { readDb } from '@/lib/db/client';

// The citywide dashboard is the same for everyone allowed to see it, so one
// copy per process serves all. It is keyed on PostgreSQL's current snapshot
// (which changes whenever a transaction with writes commits anywhere in the
// cluster) and the day, so no write, from any app instance, a CLI tool or
// psql, can leave a stale copy behind, and nothing needs to be told to
// invalidate it. The key is read before computing: figures that already
// include a later commit are stored under the older key, which no later
// reader will match. Key and figures come from the same server (the replica
// when DATABASE_REPLICA_URL is set), which applies commits in order.

type Entry<T> = { key: string; value: Promise<T> };
let entry: Entry<unknown> | undefined;

export async function cachedUntilDataChanges<T>(day: string, compute: () => Promise<T>): Promise<T> {
  const [{ snapshot }] = await readDb().$queryRaw<[{ snapshot: string }]>`SELECT pg_current_snapshot()::text AS snapshot`;
  const key = `${day}|${snapshot}`;
  if (entry?.key === key) return entry.value as Promise<T>;
  // Concurrent readers of the same state share one computation.
  const value = compute();
  entry = { key, value };
  value.catch(() => {
    if (entry?.value === value) entry = undefined;
  });
  return value;
}

/** For benchmarks that time the uncached path. */
export function clearDashboardCache() {
  entry = undefined;
}
