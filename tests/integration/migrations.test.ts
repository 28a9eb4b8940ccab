import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, pendingSchemaChange, SCHEMA_FILE } from '../../lib/db/migrate';
import { diffScript, schemaTarget } from '../../lib/db/schema-engine';
import { catalog } from '../helpers/catalog';
import { createEmptyDatabase } from '../helpers/database';

describe('prisma/migrations', () => {
  let fromMigrations: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let fromSchema: Awaited<ReturnType<typeof createEmptyDatabase>>;

  beforeAll(async () => {
    [fromMigrations, fromSchema] = await Promise.all([createEmptyDatabase(), createEmptyDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([fromMigrations?.drop(), fromSchema?.drop()]);
  });

  it('builds exactly the schema that schema.prisma describes', async () => {
    const applied = await migrate(fromMigrations.url);
    expect(applied.length).toBeGreaterThan(0);

    const sql = await diffScript(fromSchema.url, { tag: 'empty' }, await schemaTarget(SCHEMA_FILE));
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    await client.end();

    const [a, b] = await Promise.all([catalog(fromMigrations.url), catalog(fromSchema.url)]);
    expect(a.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  });

  it('has a migration for every change to schema.prisma', async () => {
    expect(await pendingSchemaChange(fromSchema.url)).toBe('');
  });

  it('is idempotent and recorded as prisma migrate deploy records it', async () => {
    expect(await migrate(fromMigrations.url)).toEqual([]);
    const client = new pg.Client({ connectionString: fromMigrations.url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at FROM _prisma_migrations',
    );
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished && r.rolled_back_at === null)).toBe(true);
  });
});
