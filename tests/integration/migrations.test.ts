import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../lib/ops/embedded';
import { SetupError } from '../../lib/ops/errors';
import { migrate, migrationStatus, MIGRATIONS_DIR, pendingSchemaChange, resolveMigration, SCHEMA_FILE } from '../../lib/ops/migrate';
import { diffScript, schemaTarget } from '../../lib/ops/schema-engine';
import { catalog } from '../helpers/catalog';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../helpers/database';

const exec = promisify(execFile);

describe('prisma/migrations', () => {
  let fromMigrations: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let fromSchema: Awaited<ReturnType<typeof createEmptyDatabase>>;

  beforeAll(async () => {
    [fromMigrations, fromSchema] = await Promise.all([createEmptyDatabase(), createEmptyDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([fromMigrations?.drop(), fromSchema?.drop()]);
  });

  it('builds exactly the schema that schema.prisma describes', async () => {
    const applied = await migrate(fromMigrations.url);
    expect(applied.length).toBeGreaterThan(0);

    const sql = await diffScript(fromSchema.url, { tag: 'empty' }, await schemaTarget(SCHEMA_FILE));
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    await client.end();

    const [a, b] = await Promise.all([catalog(fromMigrations.url), catalog(fromSchema.url)]);
    expect(a.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  });

  it('has a migration for every change to schema.prisma', async () => {
    expect(await pendingSchemaChange(fromSchema.url)).toBe('');
  });

  it('is idempotent and recorded as prisma migrate deploy records it', async () => {
    expect(await migrate(fromMigrations.url)).toEqual([]);
    const client = new pg.Client({ connectionString: fromMigrations.url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at FROM _prisma_migrations',
    );
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished && r.rolled_back_at === null)).toBe(true);
  });
});

describe('a migration that fails', () => {
  let database: TestDatabase;
  let dir: string;
  const bad = '20991231000000_zone_code';

  beforeAll(async () => {
    database = await createTestDatabase();
    const district = await database.prisma.district.create({ data: { code: 'T1', name: '测试区', nameEn: 'Test' } });
    await database.prisma.zone.createMany({ data: [{ name: '甲片区', districtId: district.id }, { name: '乙片区', districtId: district.id }] });
    dir = await mkdtemp(path.join(os.tmpdir(), 'portal-migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function addMigration(name: string, sql: string) {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  const columns = async () =>
    (await database.prisma.$queryRaw<{ c: string }[]>`SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'Zone'`).map((r) => r.c).sort();
  const recordedNames = async () =>
    (await database.prisma.$queryRaw<{ n: string }[]>`SELECT migration_name AS n FROM _prisma_migrations ORDER BY 1`).map((r) => r.n);

  it('is rolled back whole, names itself, PostgreSQL\'s message and the offending rows, and leaves no trace', async () => {
    // A `;` inside a string literal, then a unique index the data breaks: a split script would keep the column.
    await addMigration(bad, `ALTER TABLE "Zone" ADD COLUMN "code" TEXT;\nUPDATE "Zone" SET "code" = 'a;b';\nCREATE UNIQUE INDEX "Zone_code_key" ON "Zone"("code");\n`);
    const [columnsBefore, catalogBefore, recordedBefore] = await Promise.all([columns(), catalog(database.url), recordedNames()]);
    const error = await migrate(database.url, () => {}, dir).catch((e: Error) => e);
    expect(error).toBeInstanceOf(SetupError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`Migration ${bad} failed and was rolled back`);
    expect(message).toMatch(/could not create unique index "Zone_code_key"/);
    expect(message).toContain('Key (code)=(a;b) is duplicated');
    expect(await columns()).toEqual(columnsBefore);
    expect(await catalog(database.url)).toEqual(catalogBefore);
    expect(await recordedNames()).toEqual(recordedBefore);
    expect((await migrationStatus(database.url, dir)).find((s) => s.name === bad)?.state).toBe('pending');
  });

  it('applies once fixed, with a `;` in a string literal, recorded as prisma migrate deploy records it', async () => {
    await addMigration(bad, `ALTER TABLE "Zone" ADD COLUMN "code" TEXT;\nUPDATE "Zone" SET "code" = 'a;b' || id::text;\nCREATE UNIQUE INDEX "Zone_code_key" ON "Zone"("code");\n`);
    expect(await migrate(database.url, () => {}, dir)).toEqual([bad]);
    const codes = await database.prisma.$queryRaw<{ code: string }[]>`SELECT "code" FROM "Zone" ORDER BY id`;
    expect(codes.every((z) => z.code.startsWith('a;b'))).toBe(true);
    const [row] = await database.prisma.$queryRaw<{ checksum: string; logs: string | null; steps: number; finished: boolean }[]>`
      SELECT checksum, logs, applied_steps_count AS steps, finished_at IS NOT NULL AS finished FROM _prisma_migrations WHERE migration_name = ${bad}`;
    const sql = await readFile(path.join(dir, bad, 'migration.sql'), 'utf8');
    expect(row).toEqual({ checksum: createHash('sha256').update(sql).digest('hex'), logs: null, steps: 1, finished: true });
  });

  it('recorded as failed (by an older version) blocks starts with what to do, and db:resolve clears it', async () => {
    const next = '20991231000001_zone_note';
    await addMigration(next, `ALTER TABLE "Zone" ADD COLUMN "note2" TEXT;`);
    await database.prisma.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at, applied_steps_count)
      VALUES (gen_random_uuid()::text, 'x', ${next}, 'Database error code: 23505 ...', now(), 0)`;
    const error = await migrate(database.url, () => {}, dir).catch((e: Error) => e);
    expect((error as Error).message).toContain(`npm run db:resolve -- --rolled-back ${next}`);
    expect((await migrationStatus(database.url, dir)).find((s) => s.name === next)?.state).toBe('failed');
    await expect(resolveMigration(database.url, next, 'applied', dir).then(() => resolveMigration(database.url, next, 'rolled-back', dir))).rejects.toThrow(/already applied/);
    // Marked applied by hand: the column was never made, so take it back and apply it for real.
    await database.prisma.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${next} AND finished_at IS NOT NULL`;
    await database.prisma.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${next}`;
    await resolveMigration(database.url, next, 'rolled-back', dir);
    expect(await migrate(database.url, () => {}, dir)).toEqual([next]);
    expect(await columns()).toContain('note2');
    const states = await migrationStatus(database.url, dir);
    expect(states.every((s) => s.state === 'applied')).toBe(true);
  });

  it('npm start refuses a database with a failed migration in one line that says what to do', async () => {
    const empty = await createEmptyDatabase();
    try {
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      const first = (await readdir(MIGRATIONS_DIR)).filter((n) => /^\d{14}_/.test(n)).sort()[0]!;
      await client.query(`CREATE TABLE "_prisma_migrations" (id VARCHAR(36) PRIMARY KEY, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ, migration_name VARCHAR(255) NOT NULL,
        logs TEXT, rolled_back_at TIMESTAMPTZ, started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
      await client.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES ('1', 'x', $1, 'syntax error at or near "x"')`, [first]);
      await client.end();
      const out = await exec(process.execPath, ['--import', 'tsx', 'lib/server/start.ts'], {
        env: { ...process.env, DATABASE_URL: empty.url, PORT: String(await freePort()) },
        timeout: 60_000,
      }).then(
        () => ({ stderr: '' }),
        (e: { stderr: string }) => e,
      );
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).toContain(`Migration ${first} is recorded as failed (syntax error at or near "x")`);
      expect(out.stderr).toContain('npm run db:resolve');
    } finally {
      await empty.drop();
    }
  });
});

describe('the unique project key', () => {
  it('renames projects that were made twice (and audits it) before it makes the key unique', async () => {
    const empty = await createEmptyDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'portal-migrations-'));
    try {
      const names = (await readdir(MIGRATIONS_DIR)).filter((n) => /^\d{14}_/.test(n)).sort();
      const keyMigration = names.findIndex((n) => n.endsWith('_import_undo_and_project_key'));
      for (const name of names.slice(0, keyMigration)) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
      await migrate(empty.url, () => {}, dir);
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      await client.query(`INSERT INTO "District" (code, name, "nameEn") VALUES ('d', '区', 'D');
        INSERT INTO "Zone" (name, "districtId", "updatedAt") VALUES ('片', 1, now());
        INSERT INTO "Soe" (name, category, "updatedAt") VALUES ('企', 'OTHER', now());
        INSERT INTO "Project" (name, "soeId", "zoneId", mode, method, "outcomeArea", "updatedAt")
          SELECT n, 1, 1, 'OTHER', 'DIRECT_INVESTMENT', 'GOVERNANCE', now() FROM unnest(ARRAY['甲', '甲', '乙', '甲']) AS n`);
      await migrate(empty.url, () => {});
      const { rows } = await client.query('SELECT id, name, version FROM "Project" ORDER BY id');
      expect(rows).toEqual([
        { id: 1, name: '甲', version: 1 },
        { id: 2, name: '甲（重复 #2）', version: 2 },
        { id: 3, name: '乙', version: 1 },
        { id: 4, name: '甲（重复 #4）', version: 2 },
      ]);
      const audit = await client.query(`SELECT "entityId", before->>'name' AS before, after->>'name' AS after FROM "AuditLog" WHERE action = 'project.renameDuplicate' ORDER BY 1`);
      expect(audit.rows).toEqual([
        { entityId: '2', before: '甲', after: '甲（重复 #2）' },
        { entityId: '4', before: '甲', after: '甲（重复 #4）' },
      ]);
      await expect(client.query(`INSERT INTO "Project" (name, "soeId", "zoneId", mode, method, "outcomeArea", "updatedAt") VALUES ('乙', 1, 1, 'OTHER', 'DIRECT_INVESTMENT', 'GOVERNANCE', now())`)).rejects.toThrow(/Project_soeId_zoneId_name_key/);
      await client.end();
    } finally {
      await empty.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the joint ventures', () => {
  it('turn each free-text joint venture of the projects into a record with its partners, and link the projects', async () => {
    const empty = await createEmptyDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'portal-migrations-'));
    try {
      const names = (await readdir(MIGRATIONS_DIR)).filter((n) => /^\d{14}_/.test(n)).sort();
      const at = names.findIndex((n) => n.endsWith('_cooperatives_joint_ventures'));
      for (const name of names.slice(0, at)) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
      await migrate(empty.url, () => {}, dir);
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      await client.query(`INSERT INTO "Source" (code, title) VALUES ('f', '报道');
        INSERT INTO "District" (code, name, "nameEn") VALUES ('d', '区', 'D');
        INSERT INTO "Zone" (name, "districtId", "updatedAt") VALUES ('片', 1, now());
        INSERT INTO "Soe" (name, category, "updatedAt") VALUES ('企', 'OTHER', now()), ('二企', 'OTHER', now());
        INSERT INTO "Project" (name, "soeId", "zoneId", mode, method, "outcomeArea", "jointVenture", "sourceId", "sourceNote", "updatedAt") VALUES
          ('甲', 1, 1, 'OTHER', 'DIRECT_INVESTMENT', 'GOVERNANCE', '合资公司', 1, '来源：甲', now()),
          ('乙', 2, 1, 'OTHER', 'DIRECT_INVESTMENT', 'GOVERNANCE', ' 合资公司 ', NULL, NULL, now()),
          ('丙', 1, 1, 'OTHER', 'DIRECT_INVESTMENT', 'GOVERNANCE', NULL, NULL, NULL, now()),
          ('丁', 1, 1, 'OTHER', 'DIRECT_INVESTMENT', 'GOVERNANCE', '', NULL, NULL, now())`);
      await migrate(empty.url, () => {});
      const ventures = await client.query(`SELECT id, name, "zoneId", "sourceId", "sourceNote" FROM "JointVenture"`);
      expect(ventures.rows).toEqual([{ id: 1, name: '合资公司', zoneId: 1, sourceId: 1, sourceNote: '来源：甲' }]);
      const linked = await client.query(`SELECT name, "jointVentureId" FROM "Project" ORDER BY id`);
      expect(linked.rows.map((r) => [r.name, r.jointVentureId])).toEqual([['甲', 1], ['乙', 1], ['丙', null], ['丁', null]]);
      const partners = await client.query(`SELECT kind, "soeId", "zoneId", percent FROM "JointVenturePartner" ORDER BY kind, "soeId"`);
      expect(partners.rows).toEqual([
        { kind: 'SOE', soeId: 1, zoneId: null, percent: null },
        { kind: 'SOE', soeId: 2, zoneId: null, percent: null },
        { kind: 'ZONE_COMMITTEE', soeId: null, zoneId: 1, percent: null },
      ]);
      await client.end();
    } finally {
      await empty.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the program phases', () => {
  it('make the targets already kept the first phase’s, 2021-01-01 to their deadline, with their source', async () => {
    const empty = await createEmptyDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'portal-migrations-'));
    try {
      const names = (await readdir(MIGRATIONS_DIR)).filter((n) => /^\d{14}_/.test(n)).sort();
      const phases = names.findIndex((n) => n.endsWith('_program_phases'));
      for (const name of names.slice(0, phases)) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
      await migrate(empty.url, () => {}, dir);
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      await client.query(`INSERT INTO "Source" (code, title) VALUES ('s', '来源');
        INSERT INTO "ProgramTarget" (metric, comparator, value, unit, deadline, "sourceId") VALUES
          ('MODEL_ZONES', 'AT_LEAST', 60, 'zones', '2025-12-31', 1), ('AVG_VILLAGE_INCOME', 'ABOVE', 500000, 'yuan', '2025-12-31', 1)`);
      await migrate(empty.url, () => {});
      const phase = await client.query(`SELECT id, name, "startsOn"::text AS "startsOn", "endsOn"::text AS "endsOn", "sourceId" FROM "ProgramPhase"`);
      expect(phase.rows).toEqual([{ id: 1, name: '第一个五年行动（2021–2025）', startsOn: '2021-01-01', endsOn: '2025-12-31', sourceId: 1 }]);
      const targets = await client.query(`SELECT metric::text, value::text, "phaseId" FROM "ProgramTarget" ORDER BY id`);
      expect(targets.rows).toEqual([
        { metric: 'MODEL_ZONES', value: '60.00', phaseId: 1 },
        { metric: 'AVG_VILLAGE_INCOME', value: '500000.00', phaseId: 1 },
      ]);
      await client.end();
    } finally {
      await empty.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
