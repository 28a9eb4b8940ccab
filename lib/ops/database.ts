import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded';
import { SetupError } from './errors';

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

export const dataDir = () => path.resolve(process.env.PORTAL_DATA_DIR ?? '.data');

/** DATABASE_URL when set (no embedded server is started), else the embedded PostgreSQL. */
export async function openDatabase(options: { attach?: boolean; log?: (line: string) => void } = {}): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    await checkReachable(url);
    return { url, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: dataDir(), database: process.env.PORTAL_DATABASE ?? 'portal', log: options.log, attach: options.attach });
  return { url: server.url, embedded: true, stop: server.stop };
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
