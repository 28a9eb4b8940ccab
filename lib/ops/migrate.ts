import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { diffScript, schemaTarget } from './schema-engine';
import { latestSnapshot, migrationNames, writeMigration } from './migrations-folder';
import { SetupError } from './errors';

// Applies prisma/migrations as `prisma migrate deploy` does and records them in
// the same `_prisma_migrations` table, but each migration in one transaction
// and sent whole (PostgreSQL parses it; the driver adapter would split it on
// every `;`), so a failure leaves the database exactly as it was.

export const MIGRATIONS_DIR = path.resolve('prisma/migrations');
export const SCHEMA_FILE = path.resolve('prisma/schema.prisma');

/** Prisma's own lock key, so that a `prisma migrate` run elsewhere waits for us and we for it. */
const PRISMA_ADVISORY_LOCK = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

type Recorded = { id: string; name: string; checksum: string; finishedAt: Date | null; rolledBackAt: Date | null; logs: string | null };
type Folder = { name: string; sql: string; checksum: string };

export type MigrationState =
  | { name: string; state: 'applied'; at: Date; edited: boolean }
  | { name: string; state: 'pending' }
  | { name: string; state: 'failed'; logs: string | null }
  | { name: string; state: 'missing'; at: Date | null };

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

async function readFolder(dir: string): Promise<Folder[]> {
  return Promise.all(
    (await migrationNames(dir)).map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksum(sql) };
    }),
  );
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    await client.query(CREATE_TABLE);
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function recorded(client: pg.Client): Promise<Recorded[]> {
  const { rows } = await client.query<Recorded>(
    `SELECT id, migration_name AS name, checksum, finished_at AS "finishedAt", rolled_back_at AS "rolledBackAt", logs
     FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
  return rows;
}

function states(folder: Folder[], rows: Recorded[]): MigrationState[] {
  const live = rows.filter((r) => r.rolledBackAt === null);
  const out: MigrationState[] = folder.map((m): MigrationState => {
    const applied = live.find((r) => r.name === m.name && r.finishedAt !== null);
    if (applied) return { name: m.name, state: 'applied', at: applied.finishedAt!, edited: applied.checksum !== m.checksum };
    const failed = live.find((r) => r.name === m.name);
    return failed ? { name: m.name, state: 'failed', logs: failed.logs } : { name: m.name, state: 'pending' };
  });
  for (const r of live) {
    if (!folder.some((m) => m.name === r.name) && !out.some((s) => s.name === r.name)) out.push({ name: r.name, state: 'missing', at: r.finishedAt });
  }
  return out;
}

/** What PostgreSQL said, with the rows it names (a constraint's key) and where. */
function describe(error: unknown) {
  const e = error as pg.DatabaseError;
  if (!e || typeof e !== 'object' || !('code' in e)) return (error as Error)?.message ?? String(error);
  return [e.message, e.detail, e.hint && `hint: ${e.hint}`, e.where && `at: ${e.where}`, e.position && `position ${e.position} of migration.sql`]
    .filter(Boolean)
    .join('; ');
}

const resolveHint = (name: string) =>
  `after fixing its cause, run \`npm run db:resolve -- --rolled-back ${name}\` to apply it again, or \`npm run db:resolve -- --applied ${name}\` if you applied it by hand`;

/**
 * Applies pending migrations, each whole or not at all; safe to run on every
 * start. Refuses (changing nothing) while a migration is recorded as failed.
 */
export async function migrate(url: string, log: (line: string) => void = () => {}, dir = MIGRATIONS_DIR): Promise<string[]> {
  const folder = await readFolder(dir);
  const applied = await withClient(url, async (client) => {
    const current = states(folder, await recorded(client));
    const failed = current.find((s) => s.state === 'failed');
    if (failed?.state === 'failed') {
      throw new SetupError(`Migration ${failed.name} is recorded as failed (${(failed.logs ?? 'no log').split('\n')[0]}): ${resolveHint(failed.name)}. \`npm run db:status\` shows every migration.`);
    }
    const names: string[] = [];
    for (const m of folder) {
      if (current.find((s) => s.name === m.name)?.state !== 'pending') continue;
      try {
        await client.query('BEGIN');
        const id = randomUUID();
        await client.query('INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, clock_timestamp())', [id, m.checksum, m.name]);
        await client.query(m.sql); // no parameters: the simple protocol, so PostgreSQL parses every statement itself
        await client.query('UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1', [id]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw new SetupError(
          `Migration ${m.name} failed and was rolled back, so the database is as it was${names.length ? ` after ${names.at(-1)}` : ''}: ${describe(error)}. Fix the migration or the rows it names, then start again.`,
        );
      }
      names.push(m.name);
    }
    return names;
  });
  log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
  return applied;
}

/** Every migration in the folder or the database, and its state (what `prisma migrate status` tells). */
export async function migrationStatus(url: string, dir = MIGRATIONS_DIR): Promise<MigrationState[]> {
  const folder = await readFolder(dir);
  return withClient(url, async (client) => states(folder, await recorded(client)));
}

/**
 * What `prisma migrate resolve` does, offline: a failed migration marked
 * rolled back (the next start applies it again) or applied (its changes were
 * made by hand).
 */
export async function resolveMigration(url: string, name: string, as: 'rolled-back' | 'applied', dir = MIGRATIONS_DIR) {
  const folder = await readFolder(dir);
  await withClient(url, async (client) => {
    const state = states(folder, await recorded(client)).find((s) => s.name === name);
    if (!state || state.state === 'missing') throw new SetupError(`There is no migration ${name} in ${path.relative(process.cwd(), dir) || dir}.`);
    if (state.state === 'applied') throw new SetupError(`Migration ${name} is already applied; nothing to resolve.`);
    if (as === 'rolled-back' && state.state !== 'failed') throw new SetupError(`Migration ${name} is ${state.state}, not failed: only a failed migration can be marked rolled back.`);
    await client.query('BEGIN');
    await client.query('UPDATE _prisma_migrations SET rolled_back_at = clock_timestamp() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL', [name]);
    if (as === 'applied') {
      const m = folder.find((f) => f.name === name)!;
      await client.query(
        'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, clock_timestamp(), clock_timestamp(), 0)',
        [randomUUID(), m.checksum, name],
      );
    }
    await client.query('COMMIT');
  });
}

/** The SQL that takes the last migration's schema to schema.prisma ('' when nothing changed). */
export async function pendingSchemaChange(url: string) {
  const snapshot = await latestSnapshot(MIGRATIONS_DIR);
  const from = snapshot ? await schemaTarget(snapshot) : ({ tag: 'empty' } as const);
  const sql = await diffScript(url, from, await schemaTarget(SCHEMA_FILE));
  return /^\s*(--.*)?\s*$/.test(sql) || /This is an empty migration/.test(sql) ? '' : sql;
}

/** Writes prisma/migrations/<timestamp>_<name>/ from the change to schema.prisma. */
export async function createMigration(url: string, name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new SetupError('Migration name: use lower-case letters, digits and _ only.');
  const sql = await pendingSchemaChange(url);
  if (!sql) return null;
  return writeMigration(MIGRATIONS_DIR, name, sql, SCHEMA_FILE);
}
