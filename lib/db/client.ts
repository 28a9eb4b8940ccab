import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { asPageError } from './unavailable';

/** A whole number of milliseconds (at least `min`) from the environment, or the default. */
export function envMs(name: string, fallback: number, min = 1) {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= min ? value : fallback;
}

/**
 * How long a request waits on PostgreSQL, each named once (milliseconds):
 * - PORTAL_DB_CONNECT_TIMEOUT_MS: to open a connection, or to get one from the pool when all are busy;
 * - PORTAL_DB_STATEMENT_TIMEOUT_MS: one statement (PostgreSQL's statement_timeout; the client gives up
 *   one second later when the server does not answer at all, e.g. stalled);
 * - PORTAL_DB_IDLE_TRANSACTION_TIMEOUT_MS: a transaction left open with nothing running in it.
 * A transaction as a whole is bounded by defineMutation's `timeout` (imports: 120 s).
 */
export function databaseTimeouts() {
  return {
    connectMs: envMs('PORTAL_DB_CONNECT_TIMEOUT_MS', 5_000),
    statementMs: envMs('PORTAL_DB_STATEMENT_TIMEOUT_MS', 10_000),
    idleTransactionMs: envMs('PORTAL_DB_IDLE_TRANSACTION_TIMEOUT_MS', 30_000),
  };
}

// The one Prisma client of the app. DATABASE_URL is set by the launcher
// (embedded PostgreSQL) or by the deployment.
function createClient(connectionString = process.env.DATABASE_URL) {
  if (!connectionString) throw new Error('DATABASE_URL is not set: start the portal with `npm start`.');
  const timeouts = databaseTimeouts();
  const adapter = new PrismaPg({
    connectionString,
    max: 10,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 1_000,
    idle_in_transaction_session_timeout: timeouts.idleTransactionMs,
    // A plan for each query's own values, never the generic plan PostgreSQL may switch to after five
    // runs of a prepared statement: the dashboard's aggregates are run again and again, and at scale
    // their cost depends on the values (a year, a target). With this set, the x100 benchmark's
    // recomputations, which had failed with read timeouts, completed; that the generic plan was the
    // cause is likely, not shown.
    options: '-c plan_cache_mode=force_custom_plan',
    keepAlive: true,
  });
  // Every failure of the database itself (down, stalled, restarting) reaches pages as one
  // DatabaseUnavailableError (logged with its request id), which the error boundary recognises.
  return new PrismaClient({ adapter }).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw asPageError(error);
        }
      },
    },
  }) as unknown as PrismaClient;
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; replica?: PrismaClient };

/** Created on first use, so that importing this module never needs a database. */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

/**
 * For reads that may lag the last write by replication delay (the citywide
 * aggregates): a streaming replica at DATABASE_REPLICA_URL when one is set,
 * else the primary. Pages that show what the user just saved read db().
 */
export function readDb(): PrismaClient {
  const inSnapshot = snapshotReader.getStore();
  if (inSnapshot) return inSnapshot;
  const replica = process.env.DATABASE_REPLICA_URL;
  if (!replica) return db();
  globalForPrisma.replica ??= createClient(replica);
  return globalForPrisma.replica;
}

const snapshotReader = new AsyncLocalStorage<PrismaClient>();

/**
 * Runs `read` with every readDb() query in it inside one read-only REPEATABLE READ
 * transaction: all of them see the same snapshot of the data, whatever commits
 * meanwhile (queries started together run one after another on its connection).
 */
export function inOneSnapshot<T>(read: () => Promise<T>): Promise<T> {
  const timeouts = databaseTimeouts();
  return readDb().$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      return snapshotReader.run(tx as unknown as PrismaClient, read);
    },
    { isolationLevel: 'RepeatableRead', maxWait: timeouts.connectMs, timeout: 6 * timeouts.statementMs },
  );
}

export type { PrismaClient };
export { Prisma } from './generated/client';
export type { Role } from './generated/client';
