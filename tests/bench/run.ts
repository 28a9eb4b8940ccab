// npm run bench [-- --scale 1,10,100 --users 1,10,50 --seconds 10 --writes 1,10 --write-users 5 --write-cost --no-query-table]
// npm run bench -- --uploads   (hostile uploads only: tests/bench/uploads.ts, written to .data/bench/uploads.md)
// The citywide dashboard at N × Wuhan's size: each query against its SQL floor,
// TTFB and full render under concurrent signed-in users, first-load JS and LCP,
// against a production build. Write mode (--writes, 0 for none): full render with
// --write-users users while 1 and 10 writes a second commit (tests/bench/writes.ts),
// beside the same users with no writes, then a check that every figure equals the
// SQL floor; --write-cost times writes with and without the rollups' triggers
// (tests/bench/write-cost.ts). Then the other pages whose tables grow with the program
// (PAGES), one user each. Prints a table and writes it to .data/bench/report.md.
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase } from '../../lib/ops/database';
import { startEmbeddedPostgres } from '../../lib/ops/embedded';
import { migrate } from '../../lib/ops/migrate';
import { scaleDatabaseName, seedScale } from '../../prisma/seed/scale';
import { seed } from '../../prisma/seed/seed';
import { Browser, ensureBuild, startPortalServer } from '../helpers/portal-server';
import { load, type LoadResult } from './load';
import { firstLoadJs, largestContentfulPaint } from './page';
import type { QueryTiming } from './queries';
import { benchUploads } from './uploads';
import type { WriteCost } from './write-cost';
import { startWriter } from './writes';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const scales = arg('scale', '1,10,100').split(',').map(Number);
const users = arg('users', '1,10,50').split(',').map(Number);
const seconds = Number(arg('seconds', '10'));
const writeRates = arg('writes', '1,10').split(',').map(Number).filter((r) => r > 0);
const writeUsers = Number(arg('write-users', '5'));
const dataDir = path.resolve('.data/bench');
/** Pages whose lists grow with the program (one user, a few seconds each): each should stay a page, not the whole province. */
const PAGES = ['/dashboard/compare', '/soes/ranking', '/todo', '/briefing', '/projects', '/zones', '/villages'];
const ms = (x: number) => x.toFixed(1);
const lines: string[] = [];
const out = (line = '') => {
  console.log(line);
  lines.push(line);
};

/** The scale database, generated once and kept in .data/bench (the generator is deterministic). */
async function scaleDatabase(serverUrl: string, n: number) {
  const url = await createDatabase(serverUrl, scaleDatabaseName(n));
  await migrate(url, () => {});
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const ready = (await client.query('SELECT 1 FROM "Source" WHERE code = $1', [`SCALE-${n}`])).rowCount === 1;
  // Fresh statistics: a table the planner has never analysed (a restored cluster) can turn a 0.2 s floor into minutes.
  if (ready) await client.query('ANALYZE');
  await client.end();
  if (!ready) {
    const started = performance.now();
    await seed(url, { force: true });
    const counts = await seedScale(url, n);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Generated ×${n}: ${rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return url;
}

async function sizes(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT (SELECT count(*) FROM "Zone")::int AS zones, (SELECT count(*) FROM "Village")::int AS villages,
    (SELECT count(*) FROM "Soe")::int AS soes, (SELECT count(*) FROM "Project")::int AS projects,
    (SELECT count(*) FROM "VillageIncome")::int AS incomes, (SELECT count(*) FROM "ProjectUpdate")::int AS updates`);
  await client.end();
  return rows[0] as Record<string, number>;
}

/**
 * Runs a bench script that imports the app's server modules, in its own process on `url`: the dashboard's
 * queries under the react-server condition, the mutation cores (which also load client-side React) with
 * `server-only` stubbed instead.
 */
function appScript<T>(script: string, url: string, ...args: string[]): T {
  const loader = script.endsWith('write-cost.ts') ? ['--import', './tests/bench/server-only-stub.mjs'] : ['--conditions=react-server'];
  const child = spawnSync(process.execPath, [...loader, '--import', 'tsx', script, ...args], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  if (child.status !== 0) throw new Error(`${script} failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}
const queryTimings = (url: string) => appScript<{ timings: QueryTiming[]; dashboard: { coldMs: number; warmMs: number } }>('tests/bench/queries.ts', url);

async function main() {
  await mkdir(dataDir, { recursive: true });
  await ensureBuild();
  const server = await startEmbeddedPostgres({ dataDir, database: 'postgres' });
  try {
    if (process.argv.includes('--uploads')) {
      out(`# Upload benchmark — ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
      await benchUploads(server.url, out);
      const report = path.join(dataDir, 'uploads.md');
      await writeFile(report, lines.join('\n') + '\n');
      console.log(`\nWritten to ${path.relative(process.cwd(), report)}`);
      return;
    }
    out(`# Dashboard benchmark — ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    for (const n of scales) {
      const url = await scaleDatabase(server.url, n);
      out();
      out(`## N = ${n}: ${Object.entries(await sizes(url)).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}`);
      // --no-query-table: the load and write figures alone (the floors take minutes at x100).
      if (!process.argv.includes('--no-query-table')) {
        const q = queryTimings(url);
        out();
        out('| query | app (ms) | SQL floor (ms) | ratio | same figures |');
        out('|---|---:|---:|---:|---|');
        for (const t of q.timings) out(`| ${t.name} | ${ms(t.appMs)} | ${ms(t.floorMs)} | ${t.ratio.toFixed(2)} | ${t.same ? 'yes' : '**NO**'} |`);
        out(`| whole dashboard, cache empty (one snapshot) | ${ms(q.dashboard.coldMs)} | | | |`);
        out(`| whole dashboard, cached | ${ms(q.dashboard.warmMs)} | | | |`);
      }

      const portal = await startPortalServer(url);
      try {
        const browser = new Browser(portal.url);
        if (await browser.signIn('admin', 'Liancun@2025')) throw new Error('admin sign-in failed');
        const cookie = browser.cookieHeader();
        await load(portal.url, '/dashboard', cookie, 2, 3); // warm-up: compiled routes, cache
        const results: LoadResult[] = [];
        for (const c of users) results.push(await load(portal.url, '/dashboard', cookie, c, seconds));
        out();
        out(`| users | requests | req/s | TTFB p50 | TTFB p95 | full p50 | full p95 | errors |`);
        out('|---:|---:|---:|---:|---:|---:|---:|---:|');
        for (const r of results)
          out(`| ${r.concurrency} | ${r.requests} | ${r.rps.toFixed(1)} | ${ms(r.ttfbP50)} | ${ms(r.ttfbP95)} | ${ms(r.fullP50)} | ${ms(r.fullP95)} | ${r.errors} |`);
        const js = await firstLoadJs(portal.url, '/dashboard', cookie);
        const cookies = cookie.split('; ').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1) }));
        const lcp = await largestContentfulPaint(portal.url, '/dashboard', cookies);
        if (writeRates.length) {
          // The same users with no writes, then under each rate of committed writes.
          const quiet = await load(portal.url, '/dashboard', cookie, writeUsers, seconds);
          out();
          // "Behind": answers given the last copy of the figures while a recomputation ran, and how old it was (p95).
          const behind = (r: LoadResult) => `${r.behind}${r.behind ? ` (${(r.behindP95 / 1000).toFixed(1)} s)` : ''}`;
          out(`| writes/s | users | requests | writes committed (p95 ms) | full p50 | full p95 | p95 ÷ quiet p95 | answers behind (age p95) | errors |`);
          out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
          out(`| 0 | ${writeUsers} | ${quiet.requests} | 0 | ${ms(quiet.fullP50)} | ${ms(quiet.fullP95)} | 1.00 | ${behind(quiet)} | ${quiet.errors} |`);
          for (const rate of writeRates) {
            const writer = await startWriter(url, rate);
            const r = await load(portal.url, '/dashboard', cookie, writeUsers, seconds);
            const w = await writer.stop();
            out(`| ${rate} | ${writeUsers} | ${r.requests} | ${w.writes}${w.errors ? ` (${w.errors} failed)` : ''} (${ms(w.p95)}) | ${ms(r.fullP50)} | ${ms(r.fullP95)} | ${(r.fullP95 / quiet.fullP95).toFixed(2)} | ${behind(r)} | ${r.errors} |`);
          }
          const check = appScript<{ compared: number; different: string[] }>('tests/bench/queries.ts', url, '--check');
          out();
          out(check.different.length ? `After the writes, figures that differ from the SQL floor: **${check.different.join(', ')}**.` : `After the writes, all ${check.compared} figure sets equal the SQL floor.`);
        }
        out();
        out('| page (1 user) | requests | full p50 | full p95 | HTML KB | errors |');
        out('|---|---:|---:|---:|---:|---:|');
        for (const page of PAGES) {
          const html = await browser.fetch(page).then((r) => r.arrayBuffer());
          const r = await load(portal.url, page, cookie, 1, Math.min(seconds, 5));
          out(`| ${page} | ${r.requests} | ${ms(r.fullP50)} | ${ms(r.fullP95)} | ${(html.byteLength / 1024).toFixed(0)} | ${r.errors} |`);
        }
        out();
        out(`First-load JS: ${js.scripts} scripts, ${js.gzipKb.toFixed(1)} KB gzip (${js.rawKb.toFixed(1)} KB raw); HTML ${js.htmlKb.toFixed(1)} KB. LCP (Chromium, median of 5 cold loads): ${ms(lcp)} ms.`);
      } finally {
        await portal.stop();
      }
      if (process.argv.includes('--write-cost')) {
        const costs = appScript<WriteCost[]>('tests/bench/write-cost.ts', url);
        out();
        out('| write (median) | with rollups (ms) | without (ms) | ratio |');
        out('|---|---:|---:|---:|');
        for (const c of costs) out(`| ${c.name} | ${ms(c.withMs)} | ${ms(c.withoutMs)} | ${c.ratio.toFixed(2)} |`);
      }
    }
    const report = path.join(dataDir, 'report.md');
    await writeFile(report, lines.join('\n') + '\n');
    console.log(`\nWritten to ${path.relative(process.cwd(), report)}`);
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
