import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

// The one Prisma client of the app. DATABASE_URL is set by the launcher
// (embedded PostgreSQL) or by the deployment.
function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set: start the portal with `npm start`.');
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** Created on first use, so that importing this module never needs a database. */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

export type { PrismaClient };
export { Prisma } from './generated/client';
export type { Role } from './generated/client';
