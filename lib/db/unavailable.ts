import { databaseUnavailableDigest } from '@/lib/errors';
import { logError, newRequestId } from '@/lib/server/request-id';

// "The database did not answer" (down, restarting, stalled past a timeout, out of
// connections), as opposed to an error in what was asked of it. Pages show it as
// "暂时无法连接数据库"; writes answer "nothing was saved, try again".

const CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  // PostgreSQL: shutting down, starting up, crashed, statement or idle-transaction timeout, too many connections.
  '57P01', '57P02', '57P03', '57014', '25P03', '53300',
  // Prisma: cannot reach, timed out, connection closed, no connection from the pool, transaction timed out.
  'P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028',
]);
const KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TransactionAlreadyClosed']);
const MESSAGES =
  /timeout exceeded when trying to connect|Query read timeout|Connection terminated|Connection ended|connection (is )?(closed|lost)|Can't reach database|statement timeout|canceling statement|terminating connection|database system is (starting up|shutting down|in recovery)|Transaction already closed|Unable to start a transaction|Client has encountered a connection error|ECONNREFUSED|ECONNRESET/i;

/** Whether `error` (or anything it wraps) says the database did not answer. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (!value || typeof value !== 'object' || seen.has(value) || depth > 4) return false;
    seen.add(value);
    if (value instanceof DatabaseUnavailableError) return true;
    const v = value as Record<string, unknown>;
    for (const key of ['code', 'originalCode', 'errorCode']) if (typeof v[key] === 'string' && CODES.has(v[key])) return true;
    if (typeof v.kind === 'string' && KINDS.has(v.kind)) return true;
    if (typeof v.message === 'string' && MESSAGES.test(v.message)) return true;
    return ['cause', 'meta', 'driverAdapterError', 'errors'].some((key) =>
      Array.isArray(v[key]) ? (v[key] as unknown[]).some((item) => visit(item, depth + 1)) : visit(v[key], depth + 1),
    );
  };
  return visit(error, 0);
}

/**
 * A database failure as pages and forms see it: the message says nothing
 * internal, the digest tells the error boundary it was the database and which
 * log entry (`requestId`) holds the original error.
 */
export class DatabaseUnavailableError extends Error {
  readonly digest: string;
  constructor(
    readonly requestId: string,
    options?: { cause?: unknown },
  ) {
    super('The database did not answer', options);
    this.name = 'DatabaseUnavailableError';
    this.digest = databaseUnavailableDigest(requestId);
  }
}

/** `error` as thrown to the page: a database failure is logged once and becomes DatabaseUnavailableError. */
export function asPageError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isDatabaseUnavailable(error)) return error;
  const requestId = newRequestId();
  logError(requestId, error);
  return new DatabaseUnavailableError(requestId, { cause: error });
}
