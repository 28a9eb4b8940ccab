// npm run bench -- --uploads
// Hostile uploads against a production server: the shared-strings bomb and the
// 400,000-row XLSX, one at a time and two at once (two users), each while
// another user loads the dashboard again and again. Prints the refusal times,
// the other user's latency, and the portal worker processes' peak memory
// (VmRSS sampled every 20 ms from /proc, and VmHWM).
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import { createDatabase } from '../../lib/ops/database';
import { migrate } from '../../lib/ops/migrate';
import { seed } from '../../prisma/seed/seed';
import { manyRowsXlsx, sharedStringsBomb } from '../helpers/hostile-files';
import { Browser, startPortalServer } from '../helpers/portal-server';

const PASSWORD = 'Liancun@2025';

/** The portal's Next.js workers: the launcher's children. */
async function workerPids(primary: number) {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === primary) pids.push(Number(entry));
  }
  return pids;
}

async function memoryMb(pid: number) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Samples the workers' RSS until stopped; the highest seen per worker. */
function sampler(pids: number[]) {
  const peak = new Map(pids.map((p) => [p, 0]));
  let running = true;
  const loop = (async () => {
    while (running) {
      for (const pid of pids) peak.set(pid, Math.max(peak.get(pid)!, (await memoryMb(pid)).rss));
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return peak;
  };
}

function upload(browser: Browser, base: string, kind: string, file: Buffer, name: string) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(file)]), name);
  form.set('mode', 'preview');
  const started = performance.now();
  return browser.fetch(`/api/imports/${kind}`, { method: 'POST', body: form, headers: { Origin: base } }).then(async (r) => {
    const body = (await r.json().catch(() => ({}))) as { message?: string };
    return { status: r.status, message: body.message ?? '', ms: performance.now() - started };
  });
}

async function browseUntil(browser: Browser, done: Promise<unknown>) {
  let finished = false;
  void done.finally(() => (finished = true));
  const times: number[] = [];
  let errors = 0;
  while (!finished) {
    const started = performance.now();
    const response = await browser.fetch('/dashboard').catch(() => null);
    await response?.text();
    if (response?.status !== 200) errors++;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { loads: times.length, p50: times[Math.floor(times.length / 2)] ?? NaN, max: times.at(-1) ?? NaN, errors };
}

export async function benchUploads(serverUrl: string, out: (line?: string) => void) {
  const url = await createDatabase(serverUrl, 'portal_bench_uploads');
  await migrate(url, () => {});
  await seed(url);
  const [bomb, rows] = await Promise.all([sharedStringsBomb(), manyRowsXlsx()]);
  const portal = await startPortalServer(url);
  try {
    const sign = async (username: string) => {
      const browser = new Browser(portal.url);
      if (await browser.signIn(username, PASSWORD)) throw new Error(`${username} sign-in failed`);
      return browser;
    };
    const [admin, liaison, viewer] = [await sign('admin'), await sign('nongye'), await sign('viewer')];
    // Warm-up, on several connections at once so that every worker process renders the page once.
    for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: 4 }, async () => (await viewer.fetch('/dashboard')).text()));
    const pids = await workerPids(portal.pid);
    const before = await Promise.all(pids.map(memoryMb));
    out();
    out(`## Hostile uploads: ${pids.length} portal workers, RSS before ${before.map((m) => m.rss.toFixed(0)).join(' / ')} MB; load average ${os.loadavg()[0]!.toFixed(1)} (other work on the machine slows every figure)`);
    out(`Files: shared-strings bomb ${(bomb.length / 2 ** 20).toFixed(2)} MB (15,000,000 strings, 255 MB unpacked); ${(rows.length / 2 ** 20).toFixed(2)} MB XLSX of 400,000 rows.`);
    out();
    out('| upload | answers (status, ms) | other user: dashboard loads, p50, slowest (ms) | worker peak RSS, sampled (MB) | worker VmHWM (MB) |');
    out('|---|---|---|---:|---:|');
    const cases: [string, () => Promise<{ status: number; message: string; ms: number }[]>][] = [
      ['bomb', () => Promise.all([upload(admin, portal.url, 'villages', bomb, 'bomb.xlsx')])],
      ['400,000 rows', () => Promise.all([upload(admin, portal.url, 'villages', rows, 'rows.xlsx')])],
      ['two bombs at once (two users)', () => Promise.all([upload(admin, portal.url, 'villages', bomb, 'a.xlsx'), upload(liaison, portal.url, 'projects', bomb, 'b.xlsx')])],
      ['bomb + 400,000 rows at once', () => Promise.all([upload(admin, portal.url, 'villages', rows, 'a.xlsx'), upload(liaison, portal.url, 'projects', bomb, 'b.xlsx')])],
    ];
    for (const [label, run] of cases) {
      const stop = sampler(pids);
      const answers = run();
      const browsing = await browseUntil(viewer, answers);
      const peak = await stop();
      const hwm = await Promise.all(pids.map(memoryMb));
      const result = await answers;
      out(
        `| ${label} | ${result.map((a) => `${a.status}, ${a.ms.toFixed(0)}`).join('; ')} | ${browsing.loads}, ${browsing.p50.toFixed(0)}, ${browsing.max.toFixed(0)}${browsing.errors ? ` (${browsing.errors} errors)` : ''} | ${Math.max(...peak.values()).toFixed(0)} | ${Math.max(...hwm.map((m) => m.hwm)).toFixed(0)} |`,
      );
      for (const a of result) if (a.status !== 422) out(`  unexpected answer: ${a.status} ${a.message}`);
    }
    const alive = await workerPids(portal.pid);
    out();
    out(`Workers afterwards: ${alive.length} (${alive.every((p) => pids.includes(p)) ? 'the same processes, none restarted' : '**some were replaced**'}).`);
  } finally {
    await portal.stop();
  }
}
