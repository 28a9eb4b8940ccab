import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/db/generated/client';
import { withDatabase } from '../../lib/ops/database';

export type TestDatabase = { name: string; url: string; prisma: PrismaClient; drop: () => Promise<void> };

async function admin<T>(run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: inject('adminUrl') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file, copied from the migrated template, and
 * made the app's DATABASE_URL so lib/db/client.ts uses it too.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `portal_test_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`));
  const url = withDatabase(inject('adminUrl'), name);
  process.env.DATABASE_URL = url;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return {
    name,
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      const { db } = await import('../../lib/db/client');
      if ((globalThis as { prisma?: PrismaClient }).prisma) await db().$disconnect();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A database with nothing in it (no migrations), for tests that build schemas themselves. */
export async function createEmptyDatabase() {
  const name = `portal_empty_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: withDatabase(inject('adminUrl'), name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}
