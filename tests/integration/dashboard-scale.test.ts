import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/policy';
import { getDashboard } from '../../lib/dashboard/overview';
import { db, inOneSnapshot, readDb } from '../../lib/db/client';
import { PAGE_SIZE } from '../../lib/lists/params';
import { getMasterData, PAIRINGS_PER_PAGE } from '../../lib/pairings/queries';
import { listSoes, soeListSchema } from '../../lib/soes/queries';
import { scaleSizes, seedScale } from '../../prisma/seed/scale';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// The scale generator, and the dashboard's cache: the same figures while
// nothing changes, new figures after any committed write (from the app or not).
const NOW = new Date('2026-11-28T00:00:00Z');
const SCALE = 0.05;
const org: SessionUser = { id: 0, username: 't', displayName: 't', role: 'ORG_VIEWER', soeId: null, villageId: null, zoneId: null };
let database: TestDatabase;
let other: TestDatabase;

beforeAll(async () => {
  other = await createTestDatabase();
  await seed(other.url, {});
  await seedScale(other.url, SCALE);
  database = await createTestDatabase(); // last: the app's DATABASE_URL
  await seed(database.url, {});
}, 120_000);
afterAll(async () => {
  await database.drop();
  await other.drop();
});

const count = async (db: TestDatabase, table: string) =>
  Number((await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`))[0]!.n);
const fingerprint = (db: TestDatabase) =>
  db.prisma.$queryRawUnsafe<{ md5: string }[]>(
    `SELECT md5(string_agg(concat_ws(',', v.name, v.population, vi.year, vi.amount), ';' ORDER BY vi.id)) AS md5
     FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId"`,
  );

describe('npm run db:seed -- --scale N', () => {
  it('adds N × Wuhan of zones, villages, SOEs and projects, with incomes and updates, the same on every run', async () => {
    const sizes = scaleSizes(SCALE);
    const base = { Zone: await count(database, 'Zone'), Village: await count(database, 'Village'), Soe: await count(database, 'Soe'), Project: await count(database, 'Project') };
    const counts = await seedScale(database.url, SCALE);
    expect(counts.Zone).toBe(sizes.zones);
    expect(await count(database, 'Zone')).toBe(base.Zone + sizes.zones);
    expect(await count(database, 'Village')).toBe(base.Village + sizes.villages);
    expect(await count(database, 'Soe')).toBe(base.Soe + sizes.soes);
    expect(await count(database, 'Project')).toBe(base.Project + sizes.projects);
    expect(counts.VillageIncome).toBeGreaterThan(sizes.villages * 4);
    expect(counts.ProjectUpdate).toBeGreaterThan(sizes.projects);
    // Every update within its project's plan, and cumulative figures never falling.
    const [bad] = await database.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT u."investmentToDate" > p."plannedInvestment" OR u."investmentToDate" < lag(u."investmentToDate") OVER w AS bad
        FROM "ProjectUpdate" u JOIN "Project" p ON p.id = u."projectId" WINDOW w AS (PARTITION BY u."projectId" ORDER BY u.period)) x
      WHERE bad`;
    expect(bad!.n).toBe(0);
    expect(await fingerprint(database)).toEqual(await fingerprint(other));
  });
});

describe('lists that stay small at scale', () => {
  const admin: SessionUser = { ...org, role: 'ORG_ADMIN' };
  it('pages the SOE list and finds SOEs by name', async () => {
    const all = await count(database, 'Soe');
    const first = await listSoes(admin, soeListSchema.parse({}));
    expect(first.total).toBe(all);
    expect(first.rows.length).toBe(Math.min(all, PAGE_SIZE));
    const found = await listSoes(admin, soeListSchema.parse({ q: '规模测试国企1' }));
    expect(found.rows.length).toBeGreaterThan(0);
    expect(found.rows.every((s) => s.name.includes('规模测试国企1'))).toBe(true);
  });

  it('narrows the master-data choices and pages the pairings', async () => {
    const data = (await getMasterData(admin, { zone: '规模片区1', page: 1 }))!;
    expect(data.zones.length).toBeGreaterThan(0);
    expect(data.zones.every((z) => z.name.includes('规模片区1'))).toBe(true);
    expect(data.zoneCount).toBe(data.zones.length);
    expect(data.pairings.every((p) => p.zone.name.includes('规模片区1'))).toBe(true);
    expect(data.soeCount).toBe(await count(database, 'Soe')); // not narrowed by the zone search
    const everything = (await getMasterData(admin, { page: 1 }))!;
    expect(everything.pairings.length).toBe(Math.min(everything.pairingCount, PAIRINGS_PER_PAGE));
    expect(everything.pairingCount).toBeGreaterThan(PAIRINGS_PER_PAGE);
  });
});

describe('the dashboard cache', () => {
  it('serves the same figures while nothing is written', async () => {
    // Other test files write to the same cluster, which changes its snapshot: of a few tries, one meets a quiet moment.
    let hits = 0;
    for (let i = 0; i < 10 && hits === 0; i++) {
      // The citywide aggregates and the (scoped) flag lists are each one cached object.
      const first = (await getDashboard(org, NOW))!;
      const again = (await getDashboard(org, NOW))!;
      if (again.soes === first.soes && again.flags === first.flags) hits++;
    }
    expect(hits).toBe(1);
  });

  it('computes again after any committed write, even one made outside the app', async () => {
    const before = (await getDashboard(org, NOW))!;
    await database.prisma.$executeRaw`UPDATE "Zone" SET "accreditedAt" = NULL WHERE id = (SELECT min(id) FROM "Zone" WHERE "accreditedAt" IS NOT NULL)`;
    const after = (await getDashboard(org, NOW))!;
    expect(after.zones.accredited).toBe(before.zones.accredited - 1);
  });

  it('plans each query for its own values (a generic plan of a repeated aggregate can take minutes at scale)', async () => {
    const [inSnapshot] = await inOneSnapshot(() => readDb().$queryRaw<{ plan_cache_mode: string }[]>`SHOW plan_cache_mode`);
    const [direct] = await db().$queryRaw<{ plan_cache_mode: string }[]>`SHOW plan_cache_mode`;
    expect([inSnapshot!.plan_cache_mode, direct!.plan_cache_mode]).toEqual(['force_custom_plan', 'force_custom_plan']);
  });

  it('computes every figure of a copy in one snapshot, whatever commits meanwhile', async () => {
    const accredited = () => readDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Zone" WHERE "accreditedAt" IS NOT NULL`;
    const [first, second, outside] = await inOneSnapshot(async () => {
      const first = await accredited();
      await database.prisma.$executeRaw`UPDATE "Zone" SET "accreditedAt" = NULL WHERE id = (SELECT min(id) FROM "Zone" WHERE "accreditedAt" IS NOT NULL)`;
      return [first, await accredited(), await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Zone" WHERE "accreditedAt" IS NOT NULL`];
    });
    expect(second[0]!.n).toBe(first[0]!.n);
    expect(outside[0]!.n).toBe(first[0]!.n - 1);
  });

  it('serves the last figures with their moment while new ones are computed, when computing takes longer than a reader should wait', async () => {
    const { PORTAL_FIGURES_WAIT_MS: budget, PORTAL_FIGURES_GAP_MS: gap } = process.env;
    process.env.PORTAL_FIGURES_WAIT_MS = '0'; // every recomputation "too long": the province's case, on a small database
    process.env.PORTAL_FIGURES_GAP_MS = '300'; // the next one begins 300 ms after the last ended, with nobody asking
    try {
      const before = (await getDashboard(org, NOW, { fresh: true }))!;
      const written = new Date();
      await database.prisma.$executeRaw`UPDATE "Zone" SET "accreditedAt" = NULL WHERE id = (SELECT min(id) FROM "Zone" WHERE "accreditedAt" IS NOT NULL)`;
      const last = (await getDashboard(org, NOW))!;
      expect(last.figuresAsOf.current).toBe(false);
      expect(last.zones.accredited).toBe(before.zones.accredited);
      expect(last.figuresAsOf.at.getTime()).toBe(before.figuresAsOf.at.getTime());
      // Then, once the gap has passed, the copy that counts the write, stating a later moment: computed
      // without another reader asking (the last one was told that newer entries are being counted).
      await new Promise((resolve) => setTimeout(resolve, 300));
      let next = last;
      for (let i = 0; i < 100 && next.figuresAsOf.at <= written; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        next = (await getDashboard(org, NOW))!;
      }
      expect(next.figuresAsOf.at.getTime()).toBeGreaterThan(written.getTime());
      expect(next.zones.accredited).toBe(before.zones.accredited - 1);
      // A briefing or an export waits for the current state.
      await database.prisma.$executeRaw`UPDATE "Zone" SET "accreditedAt" = NULL WHERE id = (SELECT min(id) FROM "Zone" WHERE "accreditedAt" IS NOT NULL)`;
      const signed = (await getDashboard(org, NOW, { fresh: true }))!;
      expect(signed.figuresAsOf.current).toBe(true);
      expect(signed.zones.accredited).toBe(before.zones.accredited - 2);
    } finally {
      process.env.PORTAL_FIGURES_WAIT_MS = budget;
      process.env.PORTAL_FIGURES_GAP_MS = gap;
    }
  });

  it('keeps a day’s figures to that day', async () => {
    const today = (await getDashboard(org, NOW))!;
    const tomorrow = (await getDashboard(org, new Date('2026-11-29T00:00:00Z')))!;
    expect(tomorrow.soes).not.toBe(today.soes);
    expect(tomorrow.flags).not.toBe(today.flags);
  });
});
