import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';
import { SetupError } from './errors';

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

export const dataDir = () => path.resolve(process.env.PORTAL_DATA_DIR ?? '.data');

/** DATABASE_URL when set (no embedded server is started), else the embedded PostgreSQL. */
export async function openDatabase(
  options: {
    attach?: boolean;
    log?: (line: string) => void;
    /** Restart the embedded PostgreSQL whenever it ends unasked, reporting each restart here (the launcher). */
    supervise?: (line: string) => void;
  } = {},
): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    await checkReachable(url);
    return { url, embedded: false, stop: async () => {} };
  }
  const start = (port?: number) =>
    startEmbeddedPostgres({ dataDir: dataDir(), database: process.env.PORTAL_DATABASE ?? 'portal', log: options.log, attach: options.attach, port });
  const server = await start();
  if (!options.supervise) return { url: server.url, embedded: true, stop: server.stop };
  return { url: server.url, embedded: true, stop: supervise(server, start, options.supervise) };
}

const RESTART_FIRST_DELAY_MS = 500;
const RESTART_MAX_DELAY_MS = 30_000;
/** A server that ran this long before it ended starts the backoff afresh. */
const RESTART_STABLE_MS = 60_000;

/**
 * Keeps the embedded PostgreSQL running: when the postmaster ends unasked (killed, crashed),
 * it is started again on the same data folder and port — so DATABASE_URL stays valid and the
 * workers' pools reconnect by themselves — after 0.5 s, then 1 s, 2 s… up to 30 s between
 * attempts while it fails. Each restart is one line in the log. Returns the stop function.
 */
function supervise(first: EmbeddedDatabase, start: (port: number) => Promise<EmbeddedDatabase>, log: (line: string) => void) {
  let current = first;
  let stopping = false;
  let delay = RESTART_FIRST_DELAY_MS;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  let restarting: Promise<void> = Promise.resolve();

  const watch = (server: EmbeddedDatabase, since: number) => {
    void server.exited.then((how) => {
      if (stopping) return;
      if (performance.now() - since >= RESTART_STABLE_MS) delay = RESTART_FIRST_DELAY_MS;
      restarting = restart(how);
    });
  };
  const restart = async (how: string) => {
    for (let attempt = 1; !stopping; attempt++) {
      log(`Embedded PostgreSQL ended unexpectedly (${how}); restarting it in ${(delay / 1000).toFixed(1)} s (attempt ${attempt}).`);
      await sleep(delay);
      if (stopping) return;
      delay = Math.min(delay * 2, RESTART_MAX_DELAY_MS);
      try {
        const server = await start(first.port);
        if (stopping) return void (await server.stop());
        current = server;
        log(`Embedded PostgreSQL restarted on port ${server.port}.`);
        watch(server, performance.now());
        return;
      } catch (error) {
        how = `restart failed: ${(error as Error).message.split('\n')[0]}`;
      }
    }
  };
  watch(first, performance.now());

  return async () => {
    stopping = true;
    wake?.();
    await restarting;
    await current.stop();
  };
}

export async function checkReachable(url: string) {
  let where = 'DATABASE_URL';
  try {
    const parsed = new URL(url);
    where = `${parsed.hostname}:${parsed.port || 5432}/${parsed.pathname.slice(1)}`;
  } catch {
    throw new SetupError('DATABASE_URL is not a valid URL: expected postgresql://user:password@host:port/database');
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new SetupError(
      `Cannot reach PostgreSQL at ${where} (${reason}): check DATABASE_URL, or unset it to use the embedded database.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates database `name` on the server of `url` (if missing) and returns its URL. */
export async function createDatabase(url: string, name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new SetupError(`Database name ${name}: use a–z, 0–9 and _.`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return withDatabase(url, name);
}

/** The same server's URL, for database `database`. */
export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
