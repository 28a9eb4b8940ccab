import path from 'node:path';
import { applyMigrations, diffScript, schemaTarget } from './schema-engine';
import { latestSnapshot, writeMigration } from './migrations-folder';
import { SetupError } from './errors';

export const MIGRATIONS_DIR = path.resolve('prisma/migrations');
export const SCHEMA_FILE = path.resolve('prisma/schema.prisma');

/** Applies pending migrations; safe to run on every start. */
export async function migrate(url: string, log: (line: string) => void = () => {}) {
  const applied = await applyMigrations(url, MIGRATIONS_DIR);
  log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
  return applied;
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
