import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../lib/ops/embedded';
import { waitForHealthy } from '../../lib/server/net';
import { Browser } from '../helpers/portal-server';

// The faults of issue 14, under the real launcher (`npm start`: embedded PostgreSQL,
// one Next.js worker): PostgreSQL stalled, then killed, then Ctrl-C. Health answers
// within its deadline throughout; pages and writes fail quickly and clearly while the database
// is away, and work again in the same worker process once it is back.
const STATEMENT_TIMEOUT_MS = 10_000; // the default of PORTAL_DB_STATEMENT_TIMEOUT_MS
// Health's own deadline is 600 ms (620–900 ms measured with the probe's round trip); the one worker
// may be busy for up to 2.6 s (measured, with another test file running) at the moment the stalled
// page and write give up. The bounds fail for the old behaviour (health hung 8–19 s, pages hung for
// the whole stall) without timing noise; the log lines below print the figures.
const HEALTH_ANSWERS_WITHIN = 4_000;
const GIVES_UP_WITHIN = STATEMENT_TIMEOUT_MS + 6_000;
const STALL_MS = 20_000;

let dataDir: string;
let base: string;
let launcher: ChildProcess;
let output = '';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const postmasterPid = () => Number(readFileSync(path.join(dataDir, 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0]);
const childrenOf = (pid: number) =>
  execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid]) => pid)
    .map(([pid, comm]) => ({ pid: Number(pid), comm: comm! }));
const postgresProcesses = () => execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(path.join(dataDir, 'cluster')));
/** The Next.js worker: the child of the launcher's server (lib/server/serve.ts). */
function workerPid() {
  const serve = childrenOf(launcher.pid!).find((c) => c.comm === 'node')!;
  return childrenOf(serve.pid).find((c) => c.comm === 'node')!.pid;
}

async function timed(run: () => Promise<Response>) {
  const started = performance.now();
  const response = await run();
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}
const health = () => timed(() => fetch(`${base}/api/health`, { signal: AbortSignal.timeout(30_000) }));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'portal-faults-'));
  const port = await freePort();
  base = `http://localhost:${port}`;
  launcher = spawn(process.execPath, ['--import', 'tsx', 'lib/server/start.ts'], {
    env: { ...process.env, PORTAL_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', PORTAL_WORKERS: '1', NODE_ENV: 'production', REMINDER_SCHEDULE: '0', REMINDERS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout!.on('data', (chunk) => (output += chunk));
  launcher.stderr!.on('data', (chunk) => (output += chunk));
  await waitForHealthy(`${base}/api/health`, 240_000);
}, 300_000);
afterAll(async () => {
  if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
    try {
      process.kill(-postmasterPid(), 'SIGCONT');
    } catch {
      // not stopped
    }
    launcher.kill('SIGKILL');
  }
  for (const line of postgresProcesses()) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

/** The soe form's write, as the browser posts it: a new company named `name`. */
const saveSoe = (admin: Browser, name: string) =>
  admin.postAction('/admin/master', 'saveSoeAction', { name, category: 'FINANCE', level: 'MUNICIPAL' }).then((r) => ({ ...r, ms: 0 }));

describe('the launcher', () => {
  it("runs the reminder worker, which computes the day's reminders once", async () => {
    const deadline = Date.now() + 120_000;
    while (!output.includes("[reminders] today's reminders:") && Date.now() < deadline) await sleep(500);
    expect(output.slice(-2000)).toMatch(/\[reminders\] today's reminders: \d+ in the portal, \d+ to send/);
    expect(output.match(/today's reminders/g)).toHaveLength(1);
  }, 150_000);
});

describe('PostgreSQL stalls and dies under the running portal', () => {
  it('stalled: health answers degraded without waiting on the database, pages and writes give up after the statement timeout, all recover', async () => {
    const admin = new Browser(base);
    expect(await admin.signIn('admin', 'Liancun@2025')).toBeNull();
    expect((await admin.fetch('/zones')).status).toBe(200);
    const worker = workerPid();

    // A stall of the whole database: the postmaster and every backend stop (SIGSTOP of the
    // postmaster alone leaves the connections the pool holds answering as usual).
    const stalled = [postmasterPid(), ...childrenOf(postmasterPid()).map((c) => c.pid)];
    for (const pid of stalled) process.kill(pid, 'SIGSTOP');
    const stallStarted = performance.now();
    let slowestProbe = 0;
    try {
      const page = timed(() => admin.fetch('/zones', { signal: AbortSignal.timeout(60_000) }));
      const write = (async () => {
        const started = performance.now();
        const result = await saveSoe(admin, '停顿期间填写的企业');
        return { ...result, ms: performance.now() - started };
      })();
      const probes: { status: number; text: string; ms: number }[] = [];
      while (performance.now() - stallStarted < STALL_MS) {
        probes.push(await health());
        await sleep(1000);
      }
      console.log(`[faults] health probes during the stall (ms): ${probes.map((p) => p.ms.toFixed(0)).join(' ')}`);
      for (const probe of probes) {
        expect(probe.status).toBe(503);
        expect(JSON.parse(probe.text)).toMatchObject({ status: 'degraded', database: { up: false } });
      }
      slowestProbe = Math.max(...probes.map((p) => p.ms));
      console.log(`[faults] health during the stall: max ${Math.max(...probes.map((p) => p.ms)).toFixed(0)} ms over ${probes.length} probes`);

      const shown = await page;
      console.log(`[faults] page during the stall: ${shown.status} in ${shown.ms.toFixed(0)} ms`);
      expect(shown.ms).toBeLessThan(GIVES_UP_WITHIN);
      expect(shown.text).toContain('暂时无法连接数据库');
      expect(shown.text).not.toMatch(/Query read timeout|Can't reach database|ECONN|PrismaClient|Connection terminated|127\.0\.0\.1/);

      const saved = await write;
      console.log(`[faults] write during the stall: answered in ${saved.ms.toFixed(0)} ms`);
      expect(saved.ms).toBeLessThan(GIVES_UP_WITHIN);
      expect(saved.body).toContain('"status":"error"');
      expect(saved.body).toContain('"databaseUnavailable":true');
      expect(saved.body).toContain('停顿期间填写的企业'); // what was typed comes back to the form
      expect(saved.body).toMatch(/"requestId":"[0-9a-f]{8}"/);
      expect(saved.body).not.toMatch(/Query read timeout|Can't reach database|ECONN|PrismaClient|Connection terminated|127\.0\.0\.1/);
      const requestId = /"requestId":"([0-9a-f]{8})"/.exec(saved.body)![1];
      expect(output).toContain(`[error ${requestId}]`); // the log keeps the whole error under the id the user sees
    } finally {
      for (const pid of stalled) process.kill(pid, 'SIGCONT');
    }

    const resumed = performance.now();
    let after = await health();
    while (after.status !== 200 && performance.now() - resumed < 30_000) {
      await sleep(200);
      after = await health();
    }
    expect(after.status).toBe(200);
    // Pages and writes again; the connections that gave up during the stall are replaced by the pool.
    let zones = await admin.fetch('/zones');
    for (let i = 0; i < 20 && zones.status !== 200; i++) {
      await sleep(500);
      zones = await admin.fetch('/zones');
    }
    expect(zones.status).toBe(200);
    const saved = await saveSoe(admin, '停顿之后保存的企业');
    expect(saved.body).toContain('"status":"ok"');
    console.log(`[faults] after the stall: pages and writes again ${((performance.now() - resumed) / 1000).toFixed(1)} s after SIGCONT`);
    expect(workerPid()).toBe(worker);
    // Last, so that the checks above are seen even when this one fails.
    expect(slowestProbe).toBeLessThan(HEALTH_ANSWERS_WITHIN);
  }, 120_000);

  it('killed: the launcher restarts PostgreSQL and the same worker serves pages and writes again', async () => {
    const admin = new Browser(base);
    expect(await admin.signIn('admin', 'Liancun@2025')).toBeNull();
    const worker = workerPid();
    const before = postmasterPid();
    process.kill(before, 'SIGKILL');
    const killed = performance.now();

    let slowest = 0;
    let up = false;
    while (!up && performance.now() - killed < 60_000) {
      const probe = await health();
      slowest = Math.max(slowest, probe.ms);
      up = probe.status === 200;
      if (!up) await sleep(250);
    }
    expect(up).toBe(true);
    expect(slowest).toBeLessThan(HEALTH_ANSWERS_WITHIN);
    expect(output).toMatch(/Embedded PostgreSQL ended unexpectedly \(SIGKILL\)/);
    // The line follows "ready to accept connections" by a moment (the launcher checks its database first).
    for (let i = 0; i < 50 && !/Embedded PostgreSQL restarted on port/.test(output); i++) await sleep(100);
    expect(output).toMatch(/Embedded PostgreSQL restarted on port/);
    expect(postmasterPid()).not.toBe(before);

    let zones = await admin.fetch('/zones');
    for (let i = 0; i < 20 && zones.status !== 200; i++) {
      await sleep(500);
      zones = await admin.fetch('/zones');
    }
    expect(zones.status).toBe(200);
    const saved = await saveSoe(admin, '重启之后保存的企业');
    expect(saved.body).toContain('"status":"ok"');
    console.log(`[faults] after SIGKILL: health ok again in ${((performance.now() - killed) / 1000).toFixed(1)} s (slowest probe ${slowest.toFixed(0)} ms)`);
    expect(workerPid()).toBe(worker);
  }, 120_000);

  it('Ctrl-C: the launcher stops within 3 s and leaves no PostgreSQL behind', async () => {
    const exited = new Promise((resolve) => launcher.once('exit', resolve));
    const started = performance.now();
    launcher.kill('SIGINT');
    await exited;
    const ms = performance.now() - started;
    console.log(`[faults] Ctrl-C: stopped in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(3000);
    await sleep(300);
    expect(postgresProcesses()).toEqual([]);
  }, 30_000);
});
