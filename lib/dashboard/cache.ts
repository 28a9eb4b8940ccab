import 'server-only';
import type { SqlScope } from '@/lib/auth/policy';
import { inOneSnapshot, readDb } from '@/lib/db/client';

// Figures computed once per state of the data and served to every reader of that
// state. The citywide dashboard's aggregates are the same for everyone allowed to
// see them ("part" 'citywide'); lists that name records are kept per scope
// (`scopePart`). Each copy is computed inside one read-only REPEATABLE READ
// transaction, so all its queries see one snapshot, and is keyed on that snapshot
// (pg_current_snapshot(), which changes whenever a transaction with writes commits
// anywhere in the cluster, from any app instance, a CLI tool or psql) and the day:
// nothing needs to be told to invalidate it, and `asOf` is the moment every figure
// of the copy is exact for.
//
// When the data has changed since, a reader waits for the new copy if the last one
// took at most the wait budget to compute (a city's dashboard: tens of milliseconds).
// Beyond it (a province: seconds), a reader gets the last copy at once, with its
// `asOf` and `current: false` (the page says so), while one recomputation runs for
// everybody; recomputations are spaced so that they take at most half the time,
// however fast the writes come. A new day, or a caller that asks for `fresh`
// (a printed briefing, an export), always waits.

export type Snapshot<T> = {
  value: T;
  /** The moment (the transaction's start) at which every figure of `value` is exact. */
  asOf: Date;
  /** Whether nothing was committed between `asOf` and this read. */
  current: boolean;
};

type Copy = { key: string; day: string; asOf: Date; value: unknown };
type Part = {
  copy: Copy | null;
  /** The running computation, and when it began (performance.now()). */
  running: { promise: Promise<Copy>; startedAt: number } | null;
  /** How long the last computation took, and when it ended. */
  computeMs: number;
  endedAt: number;
};

const parts = new Map<string, Part>();
/** Scopes are SOEs (a few hundred at most); beyond this many parts, start afresh. */
const MAX_PARTS = 1000;

/** A reader waits for a recomputation expected to take at most this long (PORTAL_FIGURES_WAIT_MS). */
function waitBudgetMs() {
  const value = Number(process.env.PORTAL_FIGURES_WAIT_MS);
  return Number.isFinite(value) && value >= 0 ? value : 1000;
}

async function currentKey(day: string) {
  const [{ snapshot }] = await readDb().$queryRaw<[{ snapshot: string }]>`SELECT pg_current_snapshot()::text AS snapshot`;
  return `${day}|${snapshot}`;
}

/** Runs `compute` in one snapshot and records the copy; one at a time per part. */
function recompute(name: string, part: Part, day: string, compute: () => Promise<unknown>) {
  const startedAt = performance.now();
  const promise = inOneSnapshot(async () => {
    const [{ snapshot, asOf }] = await readDb().$queryRaw<[{ snapshot: string; asOf: Date }]>`
      SELECT pg_current_snapshot()::text AS snapshot, now() AS "asOf"`;
    return { key: `${day}|${snapshot}`, day, asOf, value: await compute() };
  }).then(
    (copy) => {
      part.copy = copy;
      return copy;
    },
  );
  part.running = { promise, startedAt };
  promise.then(
    () => settle(),
    (error: unknown) => {
      settle();
      if (part.copy) console.error(`Recomputing ${name} failed; the last copy is served`, error);
    },
  );
  function settle() {
    if (part.running?.promise !== promise) return;
    part.running = null;
    part.endedAt = performance.now();
    part.computeMs = part.endedAt - startedAt;
  }
  return part.running;
}

/**
 * `compute()`'s result for the current state of the data (see above), computed once for all
 * readers of the same `part`. `fresh`: always the current state, waiting when it must.
 */
export async function cachedSnapshot<T>(day: string, compute: () => Promise<T>, part = 'citywide', { fresh = false } = {}): Promise<Snapshot<T>> {
  const readAt = performance.now();
  const key = await currentKey(day);
  let p = parts.get(part);
  if (!p) {
    if (parts.size >= MAX_PARTS) parts.clear();
    p = { copy: null, running: null, computeMs: 0, endedAt: 0 };
    parts.set(part, p);
  }
  const copy = p.copy;
  if (copy?.key === key) return { value: copy.value as T, asOf: copy.asOf, current: true };

  const canServeLast = !fresh && copy !== null && copy.day === day && p.computeMs > waitBudgetMs();
  if (canServeLast) {
    // Spaced: the next recomputation starts no sooner than the last one took after it ended.
    if (!p.running && performance.now() - p.endedAt >= p.computeMs) recompute(part, p, day, compute);
    return { value: copy.value as T, asOf: copy.asOf, current: false };
  }
  // Wait for a computation that began after this read (one that began before may miss a commit the reader saw).
  let run = p.running;
  if (run && run.startedAt < readAt) await run.promise.catch(() => undefined);
  run = p.running && p.running.startedAt >= readAt ? p.running : recompute(part, p, day, compute);
  const got = await run.promise;
  return { value: got.value as T, asOf: got.asOf, current: true };
}

/** The value alone, for callers that state no time of their own. */
export async function cachedUntilDataChanges<T>(day: string, compute: () => Promise<T>, part = 'citywide', options: { fresh?: boolean } = {}): Promise<T> {
  return (await cachedSnapshot(day, compute, part, options)).value;
}

/** The cache part of a scoped list: one per scope (`sqlScope(user)`), so each is filtered once. */
export function scopePart(name: string, scope: SqlScope) {
  return `${name}:${scope.all ? 'all' : `${scope.soeId}/${scope.zoneId}`}`;
}

/** For benchmarks that time the uncached path. */
export function clearDashboardCache() {
  parts.clear();
}
