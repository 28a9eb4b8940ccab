import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/policy';
import { backup, restore } from '../../lib/ops/backup';
import { ROLLUP_TABLES } from '../../lib/ops/rollups';
import { SetupError } from '../../lib/ops/errors';
import { createPairing } from '../../lib/pairings/mutations';
import { saveSoe } from '../../lib/soes/mutations';
import { saveVillage } from '../../lib/villages/mutations';
import { saveZone } from '../../lib/zones/mutations';
import { changeProjectStatus, createProject, postProjectUpdate, updateProject } from '../../lib/projects/mutations';
import { reportIncome } from '../../lib/villages/mutations';
import { imports } from '../../lib/imports/registry';
import { checkThenCommit } from '../helpers/imports';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { projectEdit } from '../helpers/fixtures';
import { uploadAttachment } from '../../lib/attachments/upload';
import { smallPdf } from '../helpers/evidence-files';

let source: TestDatabase;
let dir: string;
const databases: TestDatabase[] = [];

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

// A table of every PostgreSQL type the schema may come to use (timestamptz,
// json as well as jsonb, bytea, intervals…), made in the source and in each
// target, so the round trip proves the mechanism and not only today's columns.
const TYPES_TABLE = `CREATE TABLE "BackupTypes" (
  id bigserial PRIMARY KEY, tz timestamptz, ts timestamp(6), d date, n numeric, money numeric(16, 2), f float8, r real,
  j json, jb jsonb, tags text[], grid int[][], mech "Mechanism"[], b bytea, iv interval, flag boolean, t text, u uuid, big bigint)`;

/** A fresh migrated database with the test-only types table. */
async function fresh() {
  const database = await createTestDatabase();
  databases.push(database);
  await sql(database.url, TYPES_TABLE);
  return database;
}

/** A seeded user as the session would carry it. */
async function sessionUser(prisma: TestDatabase['prisma'], username: string): Promise<SessionUser> {
  const u = await prisma.user.findUniqueOrThrow({ where: { username }, include: { village: true } });
  return { id: u.id, username, displayName: u.displayName, role: u.role, soeId: u.soeId, villageId: u.villageId, zoneId: u.village?.zoneId ?? null };
}

const AWKWARD = 'line one\nline "two"\r\n\ttab \\ backslash \' quote — 中文 😀 \u2028 end';

beforeAll(async () => {
  // The source first: the mutations' db() client binds to the DATABASE_URL it sets.
  source = await createTestDatabase();
  databases.push(source);
  await seed(source.url, {});
  await sql(source.url, TYPES_TABLE);
  dir = await mkdtemp(path.join(os.tmpdir(), 'portal-backup-'));
  // Evidence files go to (and come back from) a folder of this test's own.
  process.env.PORTAL_FILES_DIR = path.join(dir, 'files');

  // Audit rows from real mutations: nested objects, Decimals, dates, arrays.
  const p = source.prisma;
  const [admin, liaison, village] = [await sessionUser(p, 'admin'), await sessionUser(p, 'nongye'), await sessionUser(p, 'taoyuan')];
  const ok = (result: { status: string }) => expect(result.status).toBe('ok');
  const income = await reportIncome(village, { villageId: String(village.villageId), year: '2000', amount: '1234.50' });
  ok(income);
  ok(await reportIncome(village, { villageId: String(village.villageId), year: '2000', amount: '99999999999999.99', version: '1', reason: '测试更正原因' }));
  const pairing = await p.pairing.findFirstOrThrow({ where: { soeId: liaison.soeId!, until: null }, include: { zone: { include: { villages: true } } } });
  const villageIds = pairing.zone.villages.slice(0, 2).map((v) => String(v.id));
  const project = await createProject(liaison, {
    name: '备份"测试"项目\\',
    zoneId: String(pairing.zoneId),
    mode: 'AGRI_FOR_AGRI',
    method: 'DIRECT_INVESTMENT',
    outcomeArea: 'FARMER_INCOME',
    batch: 'INDUSTRY',
    plannedInvestment: '2000000.05',
    startDate: '2026-01-01',
    endDate: '',
    description: AWKWARD,
    villageIds,
  });
  ok(project);
  const projectId = project.status === 'ok' ? project.data.id : 0;
  ok(await updateProject(liaison, await projectEdit(p, projectId, { endDate: '2027-12-31', description: '合作社' })));
  ok(await changeProjectStatus(liaison, { projectId, version: 2, status: 'IN_PROGRESS' }));
  const d = new Date();
  const lastMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  ok(
    await postProjectUpdate(liaison, {
      projectId,
      period: lastMonth,
      progressPct: '20',
      investmentToDate: '200000.50',
      jobsCreated: '12',
      incomeToVillages: '30000',
      narrative: AWKWARD,
      beneficiaries: [{ villageId: villageIds[0], kind: 'FARMERS', people: '120', households: '' }],
    }),
  );
  const update = await p.projectUpdate.findFirstOrThrow({ where: { projectId: Number(projectId) }, select: { id: true } });
  ok(await uploadAttachment(liaison, { ownerKind: 'UPDATE', ownerId: String(update.id) }, { bytes: smallPdf('备份'), name: '备份说明.pdf' }));
  const soe = await saveSoe(admin, { name: '备份测试集团', category: 'COMMERCE', level: 'MUNICIPAL', shortName: '' });
  ok(soe);
  ok(await saveSoe(admin, { id: soe.status === 'ok' ? soe.data.id : 0, version: 1, name: '备份测试集团😀', category: 'COMMERCE', level: 'PROVINCIAL', shortName: '备份' }));
  const zone = await saveZone(admin, { name: '备份测试片区', districtId: pairing.zone.districtId, mechanisms: ['VISITS', 'DELIBERATION'] });
  ok(zone);
  const zoneId = zone.status === 'ok' ? zone.data.id : 0;
  ok(await saveVillage(admin, { name: '备份测试村', zoneId, population: '800', households: '' }));
  ok(await createPairing(admin, { soeId: soe.status === 'ok' ? soe.data.id : 0, zoneId, since: '2026-01-01' }));
  // An import, checked then committed: its record and its audit row of created and changed rows.
  const district = (await p.district.findUniqueOrThrow({ where: { id: pairing.zone.districtId } })).name;
  const file = Buffer.from(`区,片区,村,人口,户数,年份,村集体经济收入（元）\r\n${district},备份测试片区,备份测试村,900,,2024,"1,234.56"\r\n${district},备份测试片区,备份新村,,,2024,88\r\n`);
  expect(await checkThenCommit(imports.villages, admin, file, { fileName: '备份.csv' })).toMatchObject({ status: 'committed' });

  // Awkward values put directly: large text, NULL vs '', empty and NULL arrays, JSON null vs SQL NULL, milliseconds.
  await sql(source.url, `UPDATE "Source" SET note = $1 WHERE id = (SELECT min(id) FROM "Source")`, [('大文本 ' + AWKWARD + '\n').repeat(20_000)]);
  await sql(source.url, `UPDATE "Soe" SET "shortName" = '' , "nameEn" = NULL WHERE id = (SELECT min(id) FROM "Soe")`);
  await sql(source.url, `UPDATE "Zone" SET mechanisms = '{}' WHERE id = (SELECT min(id) FROM "Zone")`);
  await sql(source.url, `UPDATE "Zone" SET mechanisms = NULL WHERE id = (SELECT max(id) FROM "Zone" WHERE id <> $1)`, [zoneId]);
  await sql(source.url, `UPDATE "User" SET "lockedUntil" = '2026-03-04 05:06:07.891', locale = '' WHERE username = 'viewer'`);
  await sql(
    source.url,
    `INSERT INTO "AuditLog" (at, "actorName", action, entity, "entityId", before, after) VALUES
      ('2026-01-02 03:04:05.678', $1, 'test.awkward', 'Test', '', 'null'::jsonb, $2::jsonb),
      ('2026-01-02 03:04:05.679', NULL, 'test.scalar', 'Test', NULL, NULL, '"just a string"'::jsonb),
      ('2026-01-02 03:04:05.680', '', 'test.number', 'Test', '7', '12345678901234567890.123456789000'::jsonb, '[]'::jsonb)`,
    [AWKWARD, JSON.stringify({ text: AWKWARD, nested: { money: '1.50', n: 2.5, list: [1, null, 'x', { deep: true }] }, empty: {}, blank: '' })],
  );
  // Reminders: a notification, a delivery with a failed and a successful attempt, the day's run,
  // the org setting, and a user's kinds turned off (an array of an enum).
  await sql(source.url, `UPDATE "User" SET email = 'viewer@example.test', "notifyByEmail" = false, "notifyOff" = '{UPDATE_DUE,UPDATE_TO_CONFIRM}' WHERE username = 'viewer'`);
  await sql(source.url, `INSERT INTO "OrgSetting" (id, "webhookUrl", "updatedAt") VALUES (1, 'http://127.0.0.1:9/robot?key=x', now())`);
  await sql(source.url, `INSERT INTO "ReminderRun" (day, worker, created) VALUES ('2026-11-05', 'w1', 3)`);
  // The to-do's "feedback since the last visit" (a composite key, a timestamp with milliseconds).
  await sql(source.url, `INSERT INTO "ProjectSeen" ("userId", "projectId", "seenAt") SELECT u.id, p.id, '2026-11-20 08:09:10.123' FROM "User" u, "Project" p WHERE u.username = 'viewer' ORDER BY p.id LIMIT 1`);
  await sql(
    source.url,
    `INSERT INTO "Notification" ("userId", kind, entity, "entityId", period, title, body, link)
       SELECT id, 'UPDATE_OVERDUE', 'project', 1, '2026-09-01', $1, $1, 'http://portal.test/projects/1' FROM "User" WHERE username = 'viewer'`,
    [AWKWARD],
  );
  await sql(
    source.url,
    `WITH d AS (INSERT INTO "Delivery" ("dedupKey", kind, entity, "entityId", period, channel, target, subject, body, status, attempts, "lastError", "sentAt")
                VALUES ('k1', 'UPDATE_DUE', 'project', 1, '2026-10-01', 'EMAIL', 'a@example.test', $1, $1, 'SENT', 2, 'ECONNREFUSED', now()) RETURNING id)
     INSERT INTO "DeliveryAttempt" ("deliveryId", ok, error, worker) SELECT id, false, 'ECONNREFUSED', 'w1' FROM d UNION ALL SELECT id, true, NULL, 'w2' FROM d`,
    [AWKWARD],
  );
  await sql(
    source.url,
    `INSERT INTO "BackupTypes" (tz, ts, d, n, money, f, r, j, jb, tags, grid, mech, b, iv, flag, t, u, big) VALUES
      ('2026-05-06 07:08:09.123456+08', '2026-05-06 07:08:09.654321', '2026-02-28', 1.10, 0.10, 0.1, 3.4028235e38,
       '{ "b": 1,  "a": [1.0, 2.50], "b": "dup" }', '{"z": 1.0, "a": {"c": [true, null]}}', ARRAY['a,b', 'q"uote', 'back\\slash', NULL, '', 'NULL', '😀'],
       '{{1,2},{3,NULL}}', '{VISITS,TASK_LIST}', '\\x00ff5c0a', '1 year 2 mons 3 days 04:05:06.789', true, $1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 9007199254740993),
      ('infinity', '-infinity', '4713-01-01 BC', 'NaN', -0.01, '-0', 'NaN', 'null', 'null', '{}', '{}', '{}', '', '-1 days', false, '', NULL, -9223372036854775808),
      (NULL, NULL, NULL, NULL, NULL, 'Infinity', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
    [AWKWARD],
  );
}, 180_000);

afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every table's rows, ordered, as a row count and one md5 each. */
async function digest(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: tables } = await client.query<{ t: string }>(
    `SELECT relname AS t FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const { rows } = await client.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`);
    out[t] = `${rows[0].n}:${rows[0].h}`;
  }
  await client.end();
  return out;
}

const lines = async (file: string) => gunzipSync(await readFile(file)).toString('utf8').split('\n');

describe('backup and restore', () => {
  it('round-trips every table exactly, twice: audit JSON, Decimals, dates, arrays, NULLs, large text and every type', async () => {
    const original = await digest(source.url);
    // Every table has rows, so nothing is compared empty against empty.
    expect(Object.entries(original).filter(([, v]) => v.startsWith('0:'))).toEqual([]);
    expect(Number(original.AuditLog!.split(':')[0])).toBeGreaterThanOrEqual(10);

    const started = performance.now();
    const first = path.join(dir, 'first.jsonl.gz');
    const counts = await backup(source.url, first);
    expect(counts.Project).toBe(57);
    const [a, b] = [await fresh(), await fresh()];
    const restored = await restore(a.url, first);
    expect(restored).toEqual(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)));
    expect(await digest(a.url)).toEqual(original);

    const second = path.join(dir, 'second.jsonl.gz');
    await backup(a.url, second);
    await restore(b.url, second);
    expect(await digest(b.url)).toEqual(original);
    // The rollups (schema rollup) are not in the backup: the restore's inserts made them through their triggers.
    expect(counts).not.toHaveProperty('zone_year_income');
    expect(await rollupRows(b.url)).toEqual(await rollupRows(source.url));
    const rows = Object.values(counts).reduce((x, y) => x + y, 0);
    console.log(`round trip ×2: ${rows} rows of ${Object.keys(counts).length} tables in ${Math.round(performance.now() - started)} ms`);

    // The second backup is the first, byte for byte, but for when it was made.
    const [one, two] = [await lines(first), await lines(second)];
    const withoutTime = (header: string) => ({ ...JSON.parse(header), createdAt: null });
    expect(withoutTime(two[0]!)).toEqual(withoutTime(one[0]!));
    expect(two.slice(1)).toEqual(one.slice(1));

    // The audit JSON is objects again, not strings of JSON.
    const audit = await b.prisma.auditLog.findFirstOrThrow({ where: { action: 'income.correct' } });
    expect(audit.before).toMatchObject({ amount: '1234.5', year: 2000 });

    // New rows do not collide with restored ids.
    const district = await b.prisma.district.findFirstOrThrow();
    const zone = await b.prisma.zone.create({ data: { name: '恢复后新建片区', districtId: district.id } });
    expect(zone.id).toBeGreaterThan(41);
    const log = await b.prisma.auditLog.create({ data: { action: 'after.restore', entity: 'Test' } });
    expect(log.id).toBeGreaterThan(BigInt(original.AuditLog!.split(':')[0]!));
  });

  it('refuses a database that has data, changing nothing', async () => {
    const file = path.join(dir, 'again.jsonl.gz');
    await backup(source.url, file);
    const before = await digest(source.url);
    await expect(restore(source.url, file)).rejects.toThrow(/needs an empty database/);
    expect(await digest(source.url)).toEqual(before);
  });
});

/** Every rollup row (ids are restored as they were, so two databases with the same data have the same rollups). */
async function rollupRows(url: string) {
  const rows: Record<string, string[]> = {};
  for (const table of ROLLUP_TABLES) rows[table] = (await sql(url, `SELECT t::text AS r FROM rollup.${table} t ORDER BY 1`)).map((r) => r.r as string);
  expect(rows.zone_year_income!.length).toBeGreaterThan(0);
  return rows;
}

/** Runs `npm run db:<command>` (its script, without npm) against `url`. */
function cli(url: string, ...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/ops/cli.ts', ...args], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

const isEmpty = async (url: string) => Object.entries(await digest(url)).filter(([, v]) => !v.startsWith('0:'));

describe('a backup file', () => {
  it('is written whole or not at all: a full disk (ENOSPC) leaves the older backup and no partial file, and says so in one line', async () => {
    const file = path.join(dir, 'full.jsonl.gz');
    await writeFile(file, 'the older backup');
    // /dev/full fails every write with ENOSPC, as a full disk does.
    const partial = path.join(dir, 'full.jsonl.gz.partial-test');
    await symlink('/dev/full', partial);
    const error = await backup(source.url, file, { partial }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message).toBe(`Backup failed: the disk is full (ENOSPC); no backup was written to ${file}.`);
    expect(await readFile(file, 'utf8')).toBe('the older backup');
    expect((await readdir(dir)).filter((f) => f.startsWith('full.'))).toEqual(['full.jsonl.gz']);
  });

  it('killed midway (SIGKILL of npm run db:backup) leaves nothing under its name', async () => {
    const big = await fresh();
    await sql(big.url, `INSERT INTO "AuditLog" (action, entity, after) SELECT 'bulk', 'Test', jsonb_build_object('i', g, 'pad', md5(g::text)) FROM generate_series(1, 200000) g`);
    const file = path.join(dir, 'killed.jsonl.gz');
    const { child, done } = cli(big.url, 'backup', file);
    // Killed as soon as the temporary file has data, long before the 200,000 rows are written.
    let partial: string | undefined;
    while (child.exitCode === null && !partial) {
      const found = (await readdir(dir)).find((f) => f.startsWith('killed.jsonl.gz.partial-'));
      if (found && (await stat(path.join(dir, found))).size > 0) partial = found;
      else await new Promise((r) => setTimeout(r, 10));
    }
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const left = await readdir(dir);
    expect(left).not.toContain('killed.jsonl.gz');
    expect(left).toContain(partial);
  });

  it('that is cut off, corrupted, foreign or changed is refused with one line naming it, and nothing is loaded', async () => {
    const good = path.join(dir, 'good.jsonl.gz');
    await backup(source.url, good);
    const bytes = await readFile(good);
    const text = gunzipSync(bytes).toString('utf8');
    const edit = (change: (lines: string[]) => string[]) => gzipSync(change(text.split('\n')).join('\n'));
    const endRecord = (lines: string[], change: (end: { counts: Record<string, number> }) => void) =>
      lines.map((l) => {
        if (!l.startsWith('{"end"')) return l;
        const end = JSON.parse(l);
        change(end);
        return JSON.stringify(end);
      });
    const flipped = Buffer.from(bytes);
    for (let i = 0; i < 64; i++) flipped[(flipped.length >> 1) + i]! ^= 0xff;
    const cases: [string, Buffer | null, RegExp][] = [
      ['truncated.gz', bytes.subarray(0, bytes.length >> 1), /it ends early: the backup is incomplete/],
      ['corrupted.gz', flipped, /it is not an intact gzip file|is not JSON|is not a row|is not part of a backup|checksum does not match/],
      ['plain.jsonl', Buffer.from(text), /it is not an intact gzip file \(incorrect header check\)/],
      ['empty.gz', Buffer.alloc(0), /ends early|it is empty/],
      ['foreign.gz', gzipSync('{"hello":"world"}\n'), /it is not a backup of this portal/],
      ['words.gz', gzipSync('hello\nworld\n'), /it is not a backup of this portal/],
      [
        'other-schema.gz',
        edit(([header, ...rest]) => [JSON.stringify({ ...JSON.parse(header!), migrations: [...JSON.parse(header!).migrations, '20991231000000_future'] }), ...rest]),
        /it was made at another schema version/,
      ],
      ['cut-lines.gz', edit((lines) => lines.slice(0, 50)), /it ends early: the backup is incomplete/],
      ['counts.gz', edit((lines) => endRecord(lines, (e) => (e.counts.Project! += 1))), /its end record counts 58 rows of "Project" but it holds 57/],
      ['changed.gz', edit((lines) => lines.map((l) => l.replace('备份测试村', '篡改测试村'))), /its checksum does not match its rows/],
      ['after-end.gz', edit((lines) => [...lines.slice(0, -1), '["1"]', '']), /follows the end record/],
      ['missing.gz', null, /there is no such file/],
    ];
    const empty = await fresh();
    for (const [name, content, reason] of cases) {
      const file = path.join(dir, name);
      if (content) await writeFile(file, content);
      const error = await restore(empty.url, file).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(SetupError);
      const message = (error as Error).message;
      expect(message, name).toMatch(new RegExp(`^Cannot restore ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [^\\n]+; nothing was loaded\\.$`));
      expect(message, name).toMatch(reason);
      expect(await isEmpty(empty.url), name).toEqual([]);
    }
    // And the good file loads into the same database afterwards, also as a backup of the first format (no checksum).
    const first = path.join(dir, 'format-1.jsonl.gz');
    await writeFile(
      first,
      // The first format had no evidence files (format 3) and no checksum (format 2).
      edit((lines) => lines.filter((l) => !l.startsWith('{"file":')).map((l, i) => (i === 0 ? l.replace('guoqi-liancun-backup/3', 'guoqi-liancun-backup/1') : l.replace(/,"files":\d+,"sha256":"[0-9a-f]+"}$/, '}')))),
    );
    await restore(empty.url, first);
    expect(await digest(empty.url)).toEqual(await digest(source.url));
  });

  it('errors of npm run db:restore and db:backup are one line, without a stack', async () => {
    const empty = await fresh();
    await writeFile(path.join(dir, 'foreign.jsonl.gz'), gzipSync('{"hello":"world"}\n'));
    await writeFile(path.join(dir, 'a-file'), '');
    const [restored, backedUp] = await Promise.all([
      cli(empty.url, 'restore', path.join(dir, 'foreign.jsonl.gz')).done,
      cli(empty.url, 'backup', path.join(dir, 'a-file', 'x.jsonl.gz')).done,
    ]);
    expect(restored.code).toBe(1);
    expect(restored.stderr).toBe(`Cannot restore ${path.join(dir, 'foreign.jsonl.gz')}: it is not a backup of this portal; nothing was loaded.\n`);
    expect(backedUp.code).toBe(1);
    expect(backedUp.stderr).toMatch(/^Backup failed: [^\n]+; no backup was written to [^\n]+\.\n$/);
    expect(await isEmpty(empty.url)).toEqual([]);
  });
});
