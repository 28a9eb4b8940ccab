import 'server-only';
import type { SqlScope } from '@/lib/auth/policy';
import { envMs, inOneSnapshot, readDb } from '@/lib/db/client';

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
// took at most the wait budget to compute (PORTAL_FIGURES_WAIT_MS, 100 ms: a city's
// dashboard takes tens of milliseconds). Beyond it (a province: seconds), a reader
// gets the last copy at once, with its `asOf` and `current: false` (the page says
// so), while one recomputation runs for everybody. Those recomputations are spaced,
// however fast the writes come: each part at most every PORTAL_FIGURES_GAP_MS (3 s),
// and for at most a quarter of the time, so that the pages are served beside them
// (measured: the README's Performance). A new day, or a caller that asks for `fresh`
// (a printed briefing, an export), always waits.
//
// The production server runs one process per core (lib/server/serve.ts). A process that
// starts a recomputation says so to the others, and sends them the copy it computed
// (through the cluster's primary): the others serve their last copy meanwhile instead
// of computing the same figures beside it, so one write costs one recomputation, not
// one per core.

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
  /** When another server process said it began recomputing this part (Date.now()), until its copy comes. */
  elsewhereSince: number;
  /** The running computation, and when it began (performance.now()). */
  running: { promise: Promise<Copy>; startedAt: number } | null;
  /** The recomputation to begin when the gap after the last one has passed. */
  due: NodeJS.Timeout | null;
  /** How long the last computation took, and when it ended. */
  computeMs: number;
  endedAt: number;
};

/** Scopes are SOEs (a few hundred at most); beyond this many parts, start afresh. */
const MAX_PARTS = 1000;
/** A recomputation another process began is waited for at most this long (it may have died). */
const ELSEWHERE_MAX_MS = 60_000;
/** How much later than the process that computed a copy the others would begin the next one. */
const OTHER_PROCESS_FIRST_MS = 500;
/** A part served late is recomputed for at most a quarter of the time: the next begins no sooner than 3× the last one's length after it ended. */
const SPACING = 3;

// On globalThis: the bundler may load this module once per route, and every copy must be one per process.
const shared = globalThis as typeof globalThis & { portalFigureParts?: Map<string, Part> };
const parts = (shared.portalFigureParts ??= listenToOtherProcesses(new Map()));

function partNamed(name: string) {
  let p = parts.get(name);
  if (!p) {
    if (parts.size >= MAX_PARTS) clearDashboardCache();
    p = { copy: null, elsewhereSince: 0, running: null, due: null, computeMs: 0, endedAt: 0 };
    parts.set(name, p);
  }
  return p;
}

/** What the processes of one server tell each other (relayed by the primary: lib/server/serve.ts). */
export type FigureMessage =
  | { portalFigures: 'running' | 'failed'; part: string }
  | { portalFigures: 'copy'; part: string; copy: Copy; computeMs: number };

function tellOtherProcesses(message: FigureMessage) {
  // Only in a cluster worker (process.send exists): the tests and `next dev` run one process.
  if (process.send && process.connected) process.send(message, undefined, {}, () => {});
}

function listenToOtherProcesses(map: Map<string, Part>) {
  if (!process.send) return map;
  process.on('message', (message: Partial<FigureMessage> | null) => {
    if (message?.portalFigures === undefined || typeof message.part !== 'string') return;
    const p = partNamed(message.part);
    if (message.portalFigures === 'running') p.elsewhereSince = Date.now();
    else if (message.portalFigures === 'failed') p.elsewhereSince = 0;
    else if (message.portalFigures === 'copy' && message.copy) {
      p.elsewhereSince = 0;
      if (isNewer(message.copy, p.copy)) {
        p.copy = message.copy;
        p.computeMs = message.computeMs ?? p.computeMs;
        // The process that computed it begins the next one; this one only if that one does not (say, no reader comes there).
        p.endedAt = performance.now() + OTHER_PROCESS_FIRST_MS;
      }
    }
  });
  return map;
}

/** A reader waits for a recomputation expected to take at most this long (PORTAL_FIGURES_WAIT_MS). */
const waitBudgetMs = () => envMs('PORTAL_FIGURES_WAIT_MS', 100, 0);
/** A part served late is recomputed at most this often (PORTAL_FIGURES_GAP_MS), however fast the writes come. */
const minGapMs = () => envMs('PORTAL_FIGURES_GAP_MS', 3000, 0);

/** Whether `copy` states a later moment than `than` (a process keeps the newest copy it has). */
const isNewer = (copy: Copy, than: Copy | null) => !than || than.asOf.getTime() < copy.asOf.getTime();

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
      // Unless a newer copy from another process came meanwhile.
      if (!part.copy || !isNewer(part.copy, copy)) part.copy = copy;
      tellOtherProcesses({ portalFigures: 'copy', part: name, copy, computeMs: performance.now() - startedAt });
      return copy;
    },
  );
  part.running = { promise, startedAt };
  tellOtherProcesses({ portalFigures: 'running', part: name });
  promise.then(
    () => settle(),
    (error: unknown) => {
      settle();
      tellOtherProcesses({ portalFigures: 'failed', part: name });
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

/** Whether another process said it is computing this part (its copy will come here). */
const elsewhere = (p: Part) => Date.now() - p.elsewhereSince < Math.max(ELSEWHERE_MAX_MS, 3 * p.computeMs);
/** The recomputations of parts served late, one after another. */
let inTheBackground = Promise.resolve();

/**
 * `compute()`'s result for the current state of the data (see above), computed once for all
 * readers of the same `part`. `fresh`: always the current state, waiting when it must.
 */
export async function cachedSnapshot<T>(day: string, compute: () => Promise<T>, part = 'citywide', { fresh = false } = {}): Promise<Snapshot<T>> {
  const readAt = performance.now();
  const key = await currentKey(day);
  const p = partNamed(part);
  const copy = p.copy;
  if (copy?.key === key) return { value: copy.value as T, asOf: copy.asOf, current: true };

  const canServeLast = !fresh && copy !== null && copy.day === day && p.computeMs > waitBudgetMs();
  if (canServeLast) {
    // None while another process is computing this part (its copy will come here); else spaced:
    // the next recomputation begins once the gap after the last one has passed, at the latest then.
    if (!p.running && !elsewhere(p) && !p.due) {
      const wait = Math.max(0, p.endedAt + Math.max(minGapMs(), SPACING * p.computeMs) - performance.now());
      p.due = setTimeout(() => {
        // One at a time in this process: the parts a write made stale do not all take the cores at once.
        inTheBackground = inTheBackground.then(async () => {
          p.due = null;
          if (!p.running && !elsewhere(p)) await recompute(part, p, day, compute).promise.catch(() => undefined);
        });
      }, wait);
      p.due.unref?.();
    }
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
  for (const p of parts.values()) if (p.due) clearTimeout(p.due);
  parts.clear();
}
