// `npm start` (production build) and `npm run dev`: the database (embedded
// PostgreSQL, or DATABASE_URL), migrations, seed-if-empty, then Next.js.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../ops/database';
import { stopOnSignalsYourself } from '../ops/embedded';
import { SetupError } from '../ops/errors';
import { migrate } from '../ops/migrate';
import { resolveAuthSecret } from './auth-secret';
import { buildAndRecord, buildIsCurrent } from './build-stamp';
import { checkInstall } from './install-check';
import { assertPortFree, waitForHealthy } from './net';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const started = performance.now();
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

let database: Database | undefined;
let app: ChildProcess | undefined;
let reminders: { stop: () => Promise<void> } | undefined;
let sweeper: NodeJS.Timeout | undefined;
let stopping = false;

async function main() {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new SetupError(`PORT=${process.env.PORT} is not a port number.`);
  await assertPortFree(port);
  await checkInstall();
  database = await openDatabase({ supervise: (line) => console.log(line) });
  console.log(database.embedded ? `Embedded PostgreSQL is up (${elapsed()}).` : 'Using the PostgreSQL at DATABASE_URL.');
  await migrate(database.url, console.log);
  const { seed } = await import('../../prisma/seed/seed');
  const { seeded } = await seed(database.url, { log: console.log });
  if (seeded) console.log(`Seeded the program's facts and sample data (${elapsed()}).`);

  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(port),
    NEXTAUTH_SECRET: await resolveAuthSecret(database.url),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  if (!dev && !(await buildIsCurrent())) {
    console.log('Building the portal (next build)…');
    await buildAndRecord(() => run([nextBin, 'build'], env));
  }
  const serve = dev ? [nextBin, 'dev', '--port', String(port)] : ['--import', 'tsx', fileURLToPath(new URL('./serve.ts', import.meta.url))];
  app = spawn(process.execPath, serve, {
    env: dev ? env : { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  app.on('exit', (code) => {
    if (!stopping) void shutdown(code ?? 1);
  });
  await waitForHealthy(`http://localhost:${port}/api/health`, 120_000);
  // Reminders run here, off the request path: one worker per launcher; with several launchers on
  // one database, the database decides who computes and who sends (lib/reminders/mutations.ts).
  if (process.env.REMINDERS !== 'off') {
    process.env.DATABASE_URL = database.url;
    const [{ db }, { startReminderWorker }] = await Promise.all([import('../db/client'), import('../reminders/worker')]);
    reminders = startReminderWorker(db());
  }
  // Evidence files whose record never came (a refused or interrupted upload): swept hourly.
  const { sweepFiles } = await import('../ops/sweep');
  const { configuredStore } = await import('../files/storage');
  const sweep = () => void sweepFiles(database!.url, configuredStore()).catch((error) => console.error('Evidence sweep failed:', error instanceof Error ? error.message : error));
  sweeper = setInterval(sweep, 60 * 60 * 1000);
  sweeper.unref();
  sweep();
  console.log(`\nPortal ready at http://localhost:${port} (started in ${elapsed()}). Ctrl-C stops it.`);
  const { printSampleAccounts } = await import('../../prisma/seed/print-accounts');
  await printSampleAccounts(database.url);
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new SetupError(`next build failed (exit ${code}).`))));
  });
}

/** Ctrl-C: the workers get 2 s to finish their requests, PostgreSQL at most 2 s more (usually both well under 1 s). */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await reminders?.stop().catch(() => undefined);
  if (sweeper) clearInterval(sweeper);
  if (app && app.exitCode === null && app.signalCode === null) {
    const exited = new Promise((resolve) => app!.once('exit', resolve));
    app.kill('SIGTERM');
    const timer = setTimeout(() => app!.kill('SIGKILL'), 2_000);
    await exited;
    clearTimeout(timer);
  }
  await database?.stop();
  process.exit(code);
}

// This process stops what it started, in order (workers, then PostgreSQL).
stopOnSignalsYourself();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

main().catch(async (error) => {
  console.error(error instanceof SetupError ? error.message : error);
  await shutdown(1);
});
