import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres } from '../../lib/ops/embedded';
import { waitForHealthy } from '../../lib/server/net';
import { Browser } from '../helpers/portal-server';

// Crash safety: the whole portal (launcher, Next.js workers, PostgreSQL) is
// killed with SIGKILL in the middle of a 20,000-row import and a burst of
// edits, then started again on the same data folder (stale lock files and
// all). Every acknowledged write must be there; nothing may be half there.
const HEADERS = ['区', '片区', '村', '人口', '户数', '年份', '村集体经济收入（元）'];
const IMPORT_VILLAGES = 4000;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const STREAMS = 8;

let dataDir: string;
let port: number;
let portal: ChildProcess | undefined;
const log = (line: string) => console.log(`[crash] ${line}`);

function launch() {
  const out = openSync(path.join(dataDir, 'portal.log'), 'a');
  // Its own process group, so one signal reaches the launcher, Next.js and PostgreSQL.
  portal = spawn(process.execPath, ['--import', 'tsx', 'lib/server/start.ts'], {
    detached: true,
    env: { ...process.env, PORTAL_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', NODE_ENV: 'production' },
    stdio: ['ignore', out, out],
  });
  return waitForHealthy(`http://localhost:${port}/api/health`, 240_000);
}

async function killEverything() {
  const child = portal!;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
  }
  try {
    process.kill(-child.pid!, 'SIGKILL'); // whatever of the group is left
  } catch {
    // none left
  }
  // Until the port is free again and PostgreSQL's backends have seen their postmaster die.
  for (let i = 0; i < 100; i++) {
    const busy = await fetch(`http://localhost:${port}/api/health`).then(() => true, () => false);
    if (!busy) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1000));
}

async function query<T>(sql: string, params: unknown[] = []) {
  const server = await startEmbeddedPostgres({ dataDir, database: 'portal', attach: true });
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Resolves once a transaction has inserted villages and not yet committed (seen from outside). */
async function importTransactionWriting() {
  const server = await startEmbeddedPostgres({ dataDir, database: 'portal', attach: true });
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    for (let i = 0; i < 3000; i++) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL AND query ILIKE '%INSERT INTO "public"."Village"%'`,
      );
      if (rows[0].n > 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the import never began writing');
  } finally {
    await client.end();
  }
}

async function signedInAdmin() {
  const browser = new Browser(`http://localhost:${port}`);
  expect(await browser.signIn('admin', 'Liancun@2025')).toBeNull();
  return browser;
}

async function createVillage(browser: Browser, zoneId: number, name: string) {
  const { status, body } = await browser.postAction('/admin/master', 'saveVillageAction', { name, zoneId: String(zoneId), population: '100', households: '30' });
  return status === 200 && body.includes('"status":"ok"');
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'portal-crash-'));
  port = await freePort();
  await launch();
}, 300_000);
afterAll(async () => {
  if (portal) await killEverything();
  await rm(dataDir, { recursive: true, force: true });
});

describe('SIGKILL of the whole portal', () => {
  // 'import': the moment the import's transaction has written rows; a number: that many ms after the writes began.
  for (const [round, killAt] of [[1, 'import'], [2, 1500], [3, 6000], [4, 15000]] as const) {
    const when = killAt === 'import' ? 'inside the import’s transaction' : `${killAt} ms into the writes`;
    it(`keeps every acknowledged write and no half-written one (killed ${when})`, async () => {
      const [zone] = await query<{ id: number; zone: string; district: string }>(
        `SELECT z.id, z.name AS zone, d.name AS district FROM "Zone" z JOIN "District" d ON d.id = z."districtId" ORDER BY z.id LIMIT 1`,
      );
      const browser = await signedInAdmin();

      // The import: 4,000 new villages with five years of income each, in one transaction.
      const prefix = `崩溃导入${round}-`;
      const rows = [HEADERS.join(',')];
      for (let i = 0; i < IMPORT_VILLAGES; i++) for (const y of YEARS) rows.push([zone!.district, zone!.zone, `${prefix}${i}`, 1000, 300, y, 200000 + i].join(','));
      const form = new FormData();
      form.set('mode', 'commit');
      form.set('file', new Blob(['\uFEFF' + rows.join('\r\n')], { type: 'text/csv' }), `crash-${round}.csv`);

      // The burst: STREAMS clients creating villages one after another until the lights go out.
      const burstPrefix = `崩溃编辑${round}-`;
      const attempted: string[] = [];
      const acknowledged: string[] = [];
      let killed = false;
      const stream = async (s: number) => {
        for (let i = 0; !killed; i++) {
          const name = `${burstPrefix}${s}-${i}`;
          attempted.push(name);
          if (await createVillage(browser, zone!.id, name).catch(() => false)) acknowledged.push(name);
        }
      };
      const streams = Promise.all(Array.from({ length: STREAMS }, (_, s) => stream(s)));
      for (let i = 0; i < 600 && acknowledged.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      let importAcknowledged = false;
      const importing = browser
        .fetch('/api/imports/villages', { method: 'POST', body: form, headers: { Origin: `http://localhost:${port}` } })
        .then(async (r) => (importAcknowledged = r.status === 200 && ((await r.json()) as { status: string }).status === 'committed'))
        .catch(() => false);
      if (killAt === 'import') await importTransactionWriting();
      else await new Promise((r) => setTimeout(r, killAt));
      killed = true;
      await killEverything();
      await Promise.all([importing, streams]);

      await launch(); // on the same folder: stale postmaster.pid, no clean shutdown
      const present = await query<{ id: number; name: string; audited: boolean }>(
        `SELECT v.id, v.name, EXISTS (SELECT 1 FROM "AuditLog" a WHERE a.entity = 'Village' AND a."entityId" = v.id::text) AS audited
         FROM "Village" v WHERE v.name LIKE $1`,
        [`${burstPrefix}%`],
      );
      const presentNames = new Set(present.map((v) => v.name));
      const lost = acknowledged.filter((name) => !presentNames.has(name));
      const [imported] = await query<{ villages: number; incomes: number; audits: number }>(
        `SELECT (SELECT count(*) FROM "Village" WHERE name LIKE $1)::int AS villages,
           (SELECT count(*) FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId" WHERE v.name LIKE $1)::int AS incomes,
           (SELECT count(*) FROM "AuditLog" WHERE action = 'import.villages' AND after->>'file' = $2)::int AS audits`,
        [`${prefix}%`, `crash-${round}.csv`],
      );
      log(
        `round ${round}: edits attempted ${attempted.length}, acknowledged ${acknowledged.length}, stored ${present.length} ` +
          `(committed but unanswered ${present.length - (acknowledged.length - lost.length)}), lost ${lost.length}; ` +
          `import ${importAcknowledged ? 'acknowledged' : 'not acknowledged'}, stored ${imported!.villages} villages / ${imported!.incomes} incomes`,
      );
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(lost).toEqual([]);
      expect(present.filter((v) => !v.audited)).toEqual([]); // no write without its audit row
      expect([0, IMPORT_VILLAGES]).toContain(imported!.villages); // all or nothing
      expect(imported!.incomes).toBe(imported!.villages * YEARS.length);
      expect(imported!.audits).toBe(imported!.villages > 0 ? 1 : 0);
      if (importAcknowledged) expect(imported!.villages).toBe(IMPORT_VILLAGES);
      if (killAt === 'import') expect(imported!.villages).toBe(0);

      // And the restarted portal works: a signed-in write goes through.
      const after = await signedInAdmin();
      expect(await createVillage(after, zone!.id, `${burstPrefix}after`)).toBe(true);
    });
  }
});
