import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/policy';
import { getDashboard } from '../../lib/dashboard/overview';
import { db } from '../../lib/db/client';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// DATABASE_REPLICA_URL: the citywide aggregates are read there, everything else
// from the primary. A second database stands in for the replica, holding one
// model zone fewer, so the test sees which server answered.
const org: SessionUser = { id: 0, username: 't', displayName: 't', role: 'ORG_VIEWER', soeId: null, villageId: null, zoneId: null };
let replica: TestDatabase;
let primary: TestDatabase;

beforeAll(async () => {
  replica = await createTestDatabase();
  await seed(replica.url, {});
  await replica.prisma.$executeRaw`UPDATE "Zone" SET "accreditedAt" = NULL WHERE id = (SELECT min(id) FROM "Zone" WHERE "accreditedAt" IS NOT NULL)`;
  primary = await createTestDatabase(); // the app's DATABASE_URL
  await seed(primary.url, {});
  process.env.DATABASE_REPLICA_URL = replica.url;
}, 120_000);
afterAll(async () => {
  delete process.env.DATABASE_REPLICA_URL;
  await (globalThis as { replica?: { $disconnect(): Promise<void> } }).replica?.$disconnect();
  await primary.drop();
  await replica.drop();
});

describe('DATABASE_REPLICA_URL', () => {
  it('sends the dashboard’s reads to the replica and the rest to the primary', async () => {
    const onPrimary = await db().zone.count({ where: { accreditedAt: { not: null } } });
    const dashboard = (await getDashboard(org, new Date('2026-11-28T00:00:00Z')))!;
    expect(dashboard.zones.accredited).toBe(onPrimary - 1);
  });
});
