import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

// The one Prisma client of the app. DATABASE_URL is set by the launcher
// (embedded PostgreSQL) or by the deployment.
function createClient(connectionString = process.env.DATABASE_URL) {
  if (!connectionString) throw new Error('DATABASE_URL is not set: start the portal with `npm start`.');
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
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
  const replica = process.env.DATABASE_REPLICA_URL;
  if (!replica) return db();
  globalForPrisma.replica ??= createClient(replica);
  return globalForPrisma.replica;
}

export type { PrismaClient };
export { Prisma } from './generated/client';
export type { Role } from './generated/client';
