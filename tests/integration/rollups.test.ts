import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/policy';
import { undoImport } from '../../lib/imports/mutations';
import { imports } from '../../lib/imports/registry';
import { INCOME_JUMP_FACTOR } from '../../lib/metrics/quality';
import { rebuildRollups } from '../../lib/ops/rollups';
import { seedScale } from '../../prisma/seed/scale';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { checkThenCommit } from '../helpers/imports';

// The rollups (schema `rollup`, migration 20261129140000_rollups) are kept by
// triggers in the same transaction as every write. Whatever happens to the base
// tables — SQL from any client, imports and their undo, deletes, two transactions
// on the same rollup row at once — the rollups equal a rebuild from scratch.

let database: TestDatabase;
let client: pg.Client;
let admin: SessionUser;

const ROLLUPS = {
  zone_year_income: 'zone_id, year',
  zone_villages: 'zone_id',
  project_latest: 'project_id',
  income_jump: 'village_id, year',
};

async function connect() {
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  return c;
}

/** Every rollup row, as text, in key order. */
async function rollups(c: pg.ClientBase = client) {
  const out: Record<string, string[]> = {};
  for (const [table, key] of Object.entries(ROLLUPS)) {
    out[table] = (await c.query(`SELECT t::text AS row FROM rollup.${table} t ORDER BY ${key}`)).rows.map((r) => r.row as string);
  }
  return out;
}

/** What `rollup.rebuild()` makes of the same data (rolled back: the incremental rows stay). */
async function rebuilt() {
  await client.query('BEGIN');
  try {
    await client.query('SELECT rollup.rebuild()');
    return await rollups();
  } finally {
    await client.query('ROLLBACK');
  }
}

async function expectRebuildEqualsIncremental() {
  const incremental = await rollups();
  expect(incremental.zone_year_income!.length).toBeGreaterThan(0);
  expect(incremental).toEqual(await rebuilt());
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.url, {});
  await seedScale(database.url, 0.02);
  client = await connect();
  const user = await database.prisma.user.create({ data: { username: 'rollup-admin', displayName: 'rollup-admin', role: 'ORG_ADMIN', passwordHash: 'x' } });
  admin = { id: user.id, username: user.username, displayName: user.displayName, role: 'ORG_ADMIN', soeId: null, villageId: null, zoneId: null };
}, 120_000);
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe('rollups', () => {
  it('state the rules of lib/metrics/quality.ts and the dashboard target', async () => {
    const { rows } = await client.query(`SELECT rollup.income_jump_factor()::text AS factor, rollup.income_target()::text AS target,
      (SELECT t.value::text FROM "ProgramTarget" t JOIN "ProgramPhase" ph ON ph.id = t."phaseId"
        WHERE t.metric = 'AVG_VILLAGE_INCOME' ORDER BY ph."startsOn" DESC LIMIT 1) AS configured`);
    expect(Number(rows[0].factor)).toBe(INCOME_JUMP_FACTOR);
    expect(rows[0].target).toBe(rows[0].configured);
  });

  it('count against the income target of the latest phase, and follow a phase added, moved or deleted', async () => {
    const target = async () => (await client.query(`SELECT rollup.income_target()::text AS t`)).rows[0].t as string;
    const first = await target();
    const aboveSum = async () => (await client.query(`SELECT coalesce(sum(above), 0)::int AS n FROM rollup.zone_year_income`)).rows[0].n as number;
    const aboveBefore = await aboveSum();
    await client.query(`WITH ph AS (INSERT INTO "ProgramPhase" (name, "startsOn", "endsOn") VALUES ('第二阶段（测试）', '2031-01-01', '2035-12-31') RETURNING id)
      INSERT INTO "ProgramTarget" ("phaseId", metric, comparator, value, unit) SELECT ph.id, 'AVG_VILLAGE_INCOME', comparator, 1000000, unit
      FROM "ProgramTarget", ph WHERE metric = 'AVG_VILLAGE_INCOME' LIMIT 1`);
    expect(await target()).toBe('1000000.00');
    expect(await aboveSum()).toBeLessThan(aboveBefore);
    await expectRebuildEqualsIncremental();
    // Moved before the first phase: the first phase is the latest again (no target written, only a phase's date).
    await client.query(`UPDATE "ProgramPhase" SET "startsOn" = '2011-01-01', "endsOn" = '2015-12-31' WHERE name = '第二阶段（测试）'`);
    expect(await target()).toBe(first);
    expect(await aboveSum()).toBe(aboveBefore);
    await client.query(`UPDATE "ProgramPhase" SET "startsOn" = '2031-01-01', "endsOn" = '2035-12-31' WHERE name = '第二阶段（测试）'`);
    expect(await target()).toBe('1000000.00');
    await client.query(`DELETE FROM "ProgramPhase" WHERE name = '第二阶段（测试）'`);
    expect(await target()).toBe(first);
    expect(await aboveSum()).toBe(aboveBefore);
    await expectRebuildEqualsIncremental();
  });

  it('are not rewritten when a phase is renamed or its model-zone target edited (only an income target change recounts `above`)', async () => {
    const versions = async () => (await client.query(`SELECT string_agg(xmin::text, ',' ORDER BY zone_id, year) AS v FROM rollup.zone_year_income`)).rows[0].v as string;
    const before = await versions();
    await client.query(`UPDATE "ProgramPhase" SET name = name || '·', "endsOn" = "endsOn" + 1`);
    await client.query(`UPDATE "ProgramTarget" SET value = value + 1, version = version + 1 WHERE metric = 'MODEL_ZONES'`);
    // The administrator's form writes the income target back unchanged: nothing to recount.
    await client.query(`UPDATE "ProgramTarget" SET value = value, version = version + 1 WHERE metric = 'AVG_VILLAGE_INCOME'`);
    expect(await versions()).toBe(before);
    await expectRebuildEqualsIncremental();
  });

  it('after the seed (bulk inserts) equal a rebuild', async () => {
    await expectRebuildEqualsIncremental();
  });

  it('equal a rebuild after a random sequence of writes, imports, undos and deletes', async () => {
    const rnd = random(20);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const ids = async (sql: string) => (await client.query(sql)).rows.map((r) => Number(r.id));
    const zones = await ids('SELECT id FROM "Zone" ORDER BY id');
    const amount = () => (rnd() < 0.1 ? Math.round(rnd() * 5_000_000) : Math.round(rnd() * 900_000 * 100) / 100).toFixed(2);
    const period = () => `${2021 + Math.floor(rnd() * 6)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-01`;
    const confirmation = () => pick(['PENDING', 'CONFIRMED', 'DISPUTED', 'RETURNED', 'EXCLUDED']);
    const villageRows = async (n: number) =>
      (await client.query(`SELECT d.name AS district, z.name AS zone, v.name AS village FROM "Village" v JOIN "Zone" z ON z.id = v."zoneId"
        JOIN "District" d ON d.id = z."districtId" ORDER BY hashint4(v.id + $1) LIMIT $2`, [Math.floor(rnd() * 1e6), n])).rows;
    const writes: Record<string, () => Promise<unknown>> = {
      incomeCorrection: async () => client.query(`UPDATE "VillageIncome" SET amount = $2, "updatedAt" = now(), version = version + 1 WHERE id = $1`, [pick(await ids('SELECT id FROM "VillageIncome"')), amount()]),
      incomeBackdated: async () => client.query(`UPDATE "VillageIncome" SET "updatedAt" = "updatedAt" - interval '400 days' WHERE id = $1`, [pick(await ids('SELECT id FROM "VillageIncome"'))]),
      incomeInsert: async () =>
        client.query(`INSERT INTO "VillageIncome" ("villageId", year, amount, "updatedAt") SELECT $1, y, $3, now() FROM (VALUES ($2::int)) x(y)
          ON CONFLICT ("villageId", year) DO UPDATE SET amount = excluded.amount, "updatedAt" = now()`, [pick(await ids('SELECT id FROM "Village"')), 2019 + Math.floor(rnd() * 8), amount()]),
      incomeDelete: async () => client.query(`DELETE FROM "VillageIncome" WHERE id = $1`, [pick(await ids('SELECT id FROM "VillageIncome"'))]),
      incomesManyUpdate: async () => client.query(`UPDATE "VillageIncome" SET amount = amount * 1.07, "updatedAt" = now() WHERE year = $1 AND "villageId" % 7 = $2`, [2021 + Math.floor(rnd() * 5), Math.floor(rnd() * 7)]),
      villageMove: async () => client.query(`UPDATE "Village" SET "zoneId" = $2, name = name || '·' WHERE id = $1`, [pick(await ids('SELECT id FROM "Village"')), pick(zones)]),
      villageInsert: async () => client.query(`INSERT INTO "Village" ("zoneId", name, "updatedAt") VALUES ($1, $2, now())`, [pick(zones), `随机村${Math.floor(rnd() * 1e9)}`]),
      villageDelete: async () => {
        const [id] = await ids(`SELECT id FROM "Village" v WHERE NOT EXISTS (SELECT 1 FROM "ProjectVillage" WHERE "villageId" = v.id) AND NOT EXISTS (SELECT 1 FROM "Beneficiary" WHERE "villageId" = v.id)
          AND NOT EXISTS (SELECT 1 FROM "User" WHERE "villageId" = v.id) AND NOT EXISTS (SELECT 1 FROM "Feedback" WHERE "villageId" = v.id)
          AND NOT EXISTS (SELECT 1 FROM "CooperativeShare" WHERE "villageId" = v.id) AND NOT EXISTS (SELECT 1 FROM "CooperativeDividend" WHERE "villageId" = v.id)
          AND NOT EXISTS (SELECT 1 FROM "JointVenture" WHERE "villageId" = v.id) AND NOT EXISTS (SELECT 1 FROM "JointVenturePartner" WHERE "villageId" = v.id) ORDER BY random() LIMIT 1`);
        await client.query('BEGIN');
        await client.query(`DELETE FROM "VillageIncome" WHERE "villageId" = $1`, [id]);
        await client.query(`DELETE FROM "Village" WHERE id = $1`, [id]);
        await client.query('COMMIT');
      },
      updateInsert: async () =>
        client.query(`INSERT INTO "ProjectUpdate" ("projectId", period, "progressPct", "investmentToDate", "jobsCreated", "incomeToVillages", confirmation, "updatedAt")
          VALUES ($1, $2, 50, $3, $4, $5, $6, now()) ON CONFLICT ("projectId", period) DO NOTHING`, [pick(await ids('SELECT id FROM "Project"')), period(), amount(), Math.floor(rnd() * 100), amount(), confirmation()]),
      updateRevise: async () => client.query(`UPDATE "ProjectUpdate" SET "investmentToDate" = $2, confirmation = $3, version = version + 1 WHERE id = $1`, [pick(await ids('SELECT id FROM "ProjectUpdate"')), amount(), confirmation()]),
      updateDelete: async () => client.query(`DELETE FROM "ProjectUpdate" WHERE id = $1`, [pick(await ids('SELECT id FROM "ProjectUpdate"'))]),
      projectDelete: async () => {
        const [id] = await ids(`SELECT id FROM "Project" p WHERE NOT EXISTS (SELECT 1 FROM "ReportedStatistic" WHERE "projectId" = p.id) ORDER BY random() LIMIT 1`);
        // Its updates, villages, beneficiaries, feedback and events go with it (ON DELETE CASCADE).
        await client.query(`DELETE FROM "Project" WHERE id = $1`, [id]);
      },
      targetChange: async () => client.query(`UPDATE "ProgramTarget" SET value = $1 WHERE metric = 'AVG_VILLAGE_INCOME'`, [pick(['450000', '500000', '500000.01'])]),
      sampleMark: async () => client.query(`UPDATE "Source" SET "isSample" = NOT "isSample" WHERE id = (SELECT "sourceId" FROM "VillageIncome" WHERE "sourceId" IS NOT NULL ORDER BY random() LIMIT 1)`),
      importAndMaybeUndo: async () => {
        const rows = await villageRows(30);
        const headers = ['区', '片区', '村', '人口', '户数', '年份', '村集体经济收入（元）'];
        const csv = [headers, ...rows.map((r) => [r.district, r.zone, r.village, '', '', String(2021 + Math.floor(rnd() * 5)), amount()]),
          [rows[0].district, rows[0].zone, `导入新村${Math.floor(rnd() * 1e9)}`, '800', '', '2024', amount()]];
        // One row per village and year: the import refuses duplicates.
        const seen = new Set<string>();
        const unique = csv.filter((r) => !seen.has(`${r[2]}|${r[5]}`) && seen.add(`${r[2]}|${r[5]}`));
        const bytes = Buffer.from('\uFEFF' + unique.map((r) => r.join(',')).join('\r\n'));
        const outcome = await checkThenCommit(imports.villages, admin, bytes, { commit: true, locale: 'zh-CN', acceptFlagged: true });
        if (outcome.status !== 'committed') throw new Error(`import: ${JSON.stringify(outcome).slice(0, 400)}`);
        if (rnd() < 0.5) {
          const found = await database.prisma.import.findFirstOrThrow({ where: { userId: admin.id }, orderBy: { id: 'desc' } });
          const undone = await undoImport(admin, { importId: found.id, version: found.version });
          if (undone.status !== 'ok') throw new Error(`undo: ${JSON.stringify(undone)}`);
        }
      },
    };
    const names = Object.keys(writes);
    const done: string[] = [];
    for (let i = 0; i < 80; i++) {
      const name = i < names.length ? names[i]! : pick(names);
      await writes[name]!();
      done.push(name);
    }
    expect(new Set(done).size).toBe(names.length);
    await expectRebuildEqualsIncremental();
  }, 120_000);

  it('are rebuilt from scratch by npm run db:rollups (rebuildRollups), e.g. after writes with the triggers off', async () => {
    const good = await rollups();
    await client.query('ALTER TABLE "VillageIncome" DISABLE TRIGGER rollup_update');
    await client.query(`UPDATE "VillageIncome" SET amount = amount + 1 WHERE id = (SELECT min(id) FROM "VillageIncome")`);
    await client.query('ALTER TABLE "VillageIncome" ENABLE TRIGGER rollup_update');
    await client.query('UPDATE rollup.zone_year_income SET total = 0');
    expect(await rollups()).not.toEqual(good);
    const counts = await rebuildRollups(database.url);
    expect(counts.zone_year_income).toBe(good.zone_year_income!.length);
    await client.query(`UPDATE "VillageIncome" SET amount = amount - 1 WHERE id = (SELECT min(id) FROM "VillageIncome")`);
    expect(await rollups()).toEqual(good);
  });

  it('lose no update when two transactions change the same rollup rows at once', async () => {
    const [a, b] = [await connect(), await connect()];
    try {
      // Two villages of one zone, the same year: one zone_year_income row; and two updates of one project.
      const { rows } = await client.query(`SELECT vi1.id AS one, vi2.id AS two FROM "VillageIncome" vi1 JOIN "Village" v1 ON v1.id = vi1."villageId"
        JOIN "Village" v2 ON v2."zoneId" = v1."zoneId" AND v2.id > v1.id JOIN "VillageIncome" vi2 ON vi2."villageId" = v2.id AND vi2.year = vi1.year LIMIT 1`);
      const { rows: updates } = await client.query(`SELECT u1.id AS one, u2.id AS two FROM "ProjectUpdate" u1 JOIN "ProjectUpdate" u2 ON u2."projectId" = u1."projectId" AND u2.period > u1.period
        WHERE NOT EXISTS (SELECT 1 FROM "ProjectUpdate" u3 WHERE u3."projectId" = u1."projectId" AND u3.period > u2.period) LIMIT 1`);
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query(`UPDATE "VillageIncome" SET amount = amount + 1000.25, "updatedAt" = now() WHERE id = $1`, [rows[0].one]);
      await a.query(`UPDATE "ProjectUpdate" SET "investmentToDate" = "investmentToDate" + 1, confirmation = 'CONFIRMED' WHERE id = $1`, [updates[0].one]);
      // b waits for a's locks (the rollup row, the project) …
      const bIncome = b.query(`UPDATE "VillageIncome" SET amount = amount + 2000.50, "updatedAt" = now() WHERE id = $1`, [rows[0].two]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const waiting = (await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n;
      expect(waiting).toBe(1);
      await a.query('COMMIT');
      await bIncome;
      await b.query(`UPDATE "ProjectUpdate" SET "investmentToDate" = "investmentToDate" + 2, confirmation = 'DISPUTED' WHERE id = $1`, [updates[0].two]);
      await b.query('COMMIT');
      // … and both changes are in the rollups.
      await expectRebuildEqualsIncremental();

      // The same the other way round: b commits first, a's figures computed after it.
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query(`UPDATE "ProjectUpdate" SET confirmation = 'PENDING', "investmentToDate" = "investmentToDate" + 5 WHERE id = $1`, [updates[0].two]);
      const bUpdate = b.query(`UPDATE "ProjectUpdate" SET "investmentToDate" = "investmentToDate" + 7 WHERE id = $1`, [updates[0].one]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await a.query('COMMIT');
      await bUpdate;
      await b.query('COMMIT');
      await expectRebuildEqualsIncremental();
    } finally {
      await a.end();
      await b.end();
    }
  });
});
