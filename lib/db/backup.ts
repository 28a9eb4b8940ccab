import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { SetupError } from './errors';

// A logical backup of every table, read in one REPEATABLE READ snapshot (so it
// is consistent while the portal keeps writing), as gzipped JSON lines with
// every value as PostgreSQL's own text. It needs no pg_dump (the embedded
// PostgreSQL ships none) and restores into any empty, migrated database.

const FORMAT = 'guoqi-liancun-backup/1';
const CHUNK = 5000;

type Table = { name: string; columns: string[]; key: string[] };

async function tables(client: pg.ClientBase): Promise<Table[]> {
  const { rows } = await client.query<{ table: string; columns: string[]; key: string[] | null }>(`
    SELECT c.relname AS table,
      array_agg(a.attname::text ORDER BY a.attnum) AS columns,
      (SELECT array_agg(k.attname::text ORDER BY k.attnum) FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey)
        WHERE i.indrelid = c.oid AND i.indisprimary) AS key
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
    GROUP BY c.oid, c.relname`);
  // Parents before children, so foreign keys hold while restoring.
  const { rows: edges } = await client.query<{ child: string; parent: string }>(`
    SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint
    WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND conrelid <> confrelid`);
  const unquote = (n: string) => n.replace(/^"|"$/g, '');
  const ordered: Table[] = [];
  const pending = new Map(rows.map((r) => [r.table, { name: r.table, columns: r.columns, key: r.key ?? r.columns }]));
  while (pending.size) {
    const ready = [...pending.values()].filter((t) => !edges.some((e) => unquote(e.child) === t.name && pending.has(unquote(e.parent))));
    if (!ready.length) throw new Error('backup: circular foreign keys');
    for (const t of ready.sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(t);
      pending.delete(t.name);
    }
  }
  return ordered;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes the backup to `file`; returns the rows written per table. */
export async function backup(url: string, file: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (await client.query<{ name: string }>('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1')).rows.map((r) => r.name);
    const list = await tables(client);
    async function* lines() {
      yield JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), migrations }) + '\n';
      for (const table of list) {
        yield JSON.stringify({ table: table.name, columns: table.columns }) + '\n';
        const select = table.columns.map((c) => `${q(c)}::text`).join(', ');
        const order = table.key.map(q).join(', ');
        let written = 0;
        for (let offset = 0; ; offset += CHUNK) {
          const { rows } = await client.query({ text: `SELECT ${select} FROM ${q(table.name)} ORDER BY ${order} LIMIT ${CHUNK} OFFSET ${offset}`, rowMode: 'array' });
          for (const row of rows) yield JSON.stringify(row) + '\n';
          written += rows.length;
          if (rows.length < CHUNK) break;
        }
        counts[table.name] = written;
      }
      yield JSON.stringify({ end: true, counts }) + '\n';
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
    await client.query('COMMIT');
    return counts;
  } finally {
    await client.end();
  }
}

/** Loads a backup into an empty, migrated database, all in one transaction. */
export async function restore(url: string, file: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    await client.query('BEGIN');
    const list = await tables(client);
    for (const t of list) {
      const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${q(t.name)}) AS any`);
      if (rows[0].any) throw new SetupError(`Restore needs an empty database, but "${t.name}" has rows.`);
    }
    let table: { name: string; columns: string[] } | null = null;
    let batch: (string | null)[][] = [];
    const flush = async () => {
      if (!table || !batch.length) return;
      const objects = batch.map((row) => Object.fromEntries(table!.columns.map((c, i) => [c, row[i]])));
      const cols = table.columns.map(q).join(', ');
      await client.query(`INSERT INTO ${q(table.name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(null::${q(table.name)}, $1::json)`, [JSON.stringify(objects)]);
      counts[table.name] = (counts[table.name] ?? 0) + batch.length;
      batch = [];
    };
    let header = true;
    let ended = false;
    // Opened only now: lines read before the loop starts would be lost.
    const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of input) {
      if (!line) continue;
      const value = JSON.parse(line);
      if (header) {
        if (value.format !== FORMAT) throw new SetupError(`${file} is not a backup of this portal.`);
        const current = (await client.query<{ name: string }>('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1')).rows.map((r) => r.name);
        if (JSON.stringify(current) !== JSON.stringify(value.migrations)) throw new SetupError('The backup was made at another schema version: migrate the target to the same migrations first.');
        header = false;
      } else if (Array.isArray(value)) {
        batch.push(value);
        if (batch.length >= 1000) await flush();
      } else if (value.table) {
        await flush();
        if (!list.some((t) => t.name === value.table)) throw new SetupError(`The backup has a table "${value.table}" this database does not.`);
        table = { name: value.table, columns: value.columns };
      } else if (value.end) {
        await flush();
        ended = true;
      }
    }
    if (!ended) throw new SetupError(`${file} ends early: the backup is incomplete.`);
    // Sequences continue after the restored ids.
    const { rows: serials } = await client.query<{ table: string; column: string; seq: string }>(`
      SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`);
    for (const s of serials) {
      await client.query(`SELECT setval('${s.seq}', coalesce((SELECT max(${q(s.column)}) FROM ${q(s.table)}), 1), (SELECT count(*) > 0 FROM ${q(s.table)}))`);
    }
    await client.query('COMMIT');
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
