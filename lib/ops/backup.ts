import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { pipeline as pipe, Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { configuredStore, sha256, type FileStore } from '../files/storage';
import { SetupError } from './errors';

// A logical backup of every table, read in one REPEATABLE READ snapshot (so it
// is consistent while the portal keeps writing), as gzipped JSON lines with
// every value as PostgreSQL's own text. It needs no pg_dump (the embedded
// PostgreSQL ships none) and restores into any empty, migrated database, each
// value cast from its text to its column's type, so every type comes back
// exactly as it was.
//
// Lines: a header {format, createdAt, migrations}; per table {table, columns}
// then one array of texts (or nulls) per row; then every evidence file the
// Attachment rows name, as {file: sha256, data: base64} lines (a file in
// pieces of FILE_PIECE bytes), each checked against its hash when written and
// when restored; an end record {end, counts, files, sha256} whose sha256
// covers every line between the header and itself.

const FORMAT = 'guoqi-liancun-backup/3';
// Files of the second format hold no evidence files; of the first, no checksum either.
const FORMAT_2 = 'guoqi-liancun-backup/2';
const FORMAT_1 = 'guoqi-liancun-backup/1';
const FILE_PIECE = 3 << 20;
const CHUNK = 5000;
// A restore sends rows to the server in batches of at most this many rows or bytes.
const BATCH_ROWS = 1000;
const BATCH_BYTES = 8 << 20;

type Table = { name: string; columns: string[]; types: string[]; key: string[] };

async function tables(client: pg.ClientBase): Promise<Table[]> {
  const { rows } = await client.query<{ table: string; columns: string[]; types: string[]; key: string[] | null }>(`
    SELECT c.relname AS table,
      array_agg(a.attname::text ORDER BY a.attnum) AS columns,
      array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum) AS types,
      (SELECT array_agg(k.attname::text ORDER BY k.attnum) FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey)
        WHERE i.indrelid = c.oid AND i.indisprimary) AS key
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
    GROUP BY c.oid, c.relname`);
  // Parents before children, so foreign keys hold while restoring.
  const { rows: edges } = await client.query<{ child: string; parent: string }>(`
    SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint
    WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND conrelid <> confrelid`);
  const unquote = (n: string) => n.replace(/^"|"$/g, '');
  const ordered: Table[] = [];
  const pending = new Map(rows.map((r) => [r.table, { name: r.table, columns: r.columns, types: r.types, key: r.key ?? r.columns }]));
  while (pending.size) {
    const ready = [...pending.values()].filter((t) => !edges.some((e) => unquote(e.child) === t.name && pending.has(unquote(e.parent))));
    if (!ready.length) throw new Error('circular foreign keys');
    for (const t of ready.sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(t);
      pending.delete(t.name);
    }
  }
  return ordered;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The same text for the same value on any server, whatever its settings: the backup of a restore is the backup. */
async function fixTextFormats(client: pg.ClientBase) {
  await client.query(`SET DateStyle = ISO, YMD; SET IntervalStyle = postgres; SET TimeZone = 'UTC'; SET extra_float_digits = 1; SET bytea_output = hex`);
}

async function migrations(client: pg.ClientBase) {
  const { rows } = await client.query<{ name: string }>('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1');
  return rows.map((r) => r.name);
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0]!.trim();

/** Flushes a file's data to the disk (its folder too, for the rename), so a crash after we report success loses nothing. */
async function sync(file: string, flags = 'r') {
  const handle = await open(file, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes the backup to `file`; returns the rows written per table. It is
 * written under a temporary name beside `file` and renamed only once complete
 * and on disk, so `file` is a whole backup or absent, never a partial one.
 * `internal.partial` names the temporary file (for tests only).
 */
export async function backup(url: string, file: string, internal: { partial?: string; store?: FileStore } = {}): Promise<Record<string, number>> {
  const store = internal.store ?? configuredStore();
  const partial = internal.partial ?? `${file}.partial-${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  const counts: Record<string, number> = {};
  try {
    await client.connect();
    await fixTextFormats(client);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const header = { format: FORMAT, createdAt: new Date().toISOString(), migrations: await migrations(client) };
    const list = await tables(client);
    const hash = createHash('sha256');
    async function* lines() {
      yield JSON.stringify(header) + '\n';
      for (const table of list) {
        const head = JSON.stringify({ table: table.name, columns: table.columns }) + '\n';
        hash.update(head);
        yield head;
        const select = table.columns.map((c) => `${q(c)}::text`).join(', ');
        const order = table.key.map(q).join(', ');
        let written = 0;
        // A cursor reads each row once (LIMIT/OFFSET rescans the rows before each chunk).
        await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT ${select} FROM ${q(table.name)} ORDER BY ${order}`);
        for (;;) {
          const { rows } = await client.query({ text: `FETCH ${CHUNK} FROM backup_rows`, rowMode: 'array' });
          // One piece per chunk: zlib handles a few large writes much faster than many small ones.
          const piece = rows.map((row) => JSON.stringify(row) + '\n').join('');
          hash.update(piece);
          if (piece) yield piece;
          written += rows.length;
          if (rows.length < CHUNK) break;
        }
        await client.query('CLOSE backup_rows');
        counts[table.name] = written;
      }
      // The evidence files of the same snapshot, each checked against its name (its sha256).
      const { rows: stored } = await client.query<{ sha256: string }>('SELECT DISTINCT sha256 FROM "Attachment" ORDER BY 1').catch(() => ({ rows: [] as { sha256: string }[] }));
      for (const { sha256: key } of stored) {
        const bytes = await store.get(key);
        if (!bytes) throw new SetupError(`Backup failed: evidence file ${key} is missing from the file store (${store.kind}); no backup was written to ${file}.`);
        if (sha256(bytes) !== key) throw new SetupError(`Backup failed: evidence file ${key} in the file store (${store.kind}) does not match its hash (damaged); no backup was written to ${file}.`);
        for (let at = 0; at < bytes.length || at === 0; at += FILE_PIECE) {
          const piece = JSON.stringify({ file: key, data: bytes.subarray(at, at + FILE_PIECE).toString('base64') }) + '\n';
          hash.update(piece);
          yield piece;
          if (!bytes.length) break;
        }
      }
      yield JSON.stringify({ end: true, counts, files: stored.length, sha256: hash.digest('hex') }) + '\n';
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial));
    await client.query('COMMIT');
    await sync(partial);
    await rename(partial, file);
    // Folders cannot be opened for fsync on every platform; the rename is done either way.
    await sync(path.dirname(path.resolve(file))).catch(() => {});
    return counts;
  } catch (error) {
    await rm(partial, { force: true }).catch(() => {});
    if (error instanceof SetupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOSPC' ? 'the disk is full (ENOSPC)' : code === 'EDQUOT' ? 'the disk quota is used up (EDQUOT)' : firstLine(error);
    throw new SetupError(`Backup failed: ${reason}; no backup was written to ${file}.`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why a backup file cannot be restored, as the end of one line. */
function problem(error: unknown): string {
  if (error instanceof SetupError) return error.message;
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'there is no such file';
  if (e.code === 'EISDIR') return 'it is a folder, not a file';
  // zlib: a cut-off gzip ends early; anything else is not (intact) gzip.
  if (e.code === 'Z_BUF_ERROR') return 'it ends early: the backup is incomplete (cut off)';
  if (e.code?.startsWith('Z_')) return `it is not an intact gzip file (${firstLine(e)})`;
  return firstLine(e);
}

/** Refuses a backup file: one line naming the file and the problem. */
class Refusal extends SetupError {}

/** Loads a backup into an empty, migrated database, all in one transaction: all of it or nothing. */
export async function restore(url: string, file: string, options: { store?: FileStore } = {}): Promise<Record<string, number>> {
  const store = options.store ?? configuredStore();
  const client = new pg.Client({ connectionString: url });
  const counts: Record<string, number> = {};
  let gunzip: ReturnType<typeof createGunzip> | undefined;
  try {
    await client.connect();
    await fixTextFormats(client);
    await client.query('BEGIN');
    const list = await tables(client);
    for (const t of list) {
      const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${q(t.name)}) AS any`);
      if (rows[0].any) throw new SetupError(`Restore needs an empty database, but "${t.name}" has rows.`);
    }
    const refuse = (why: string) => new Refusal(why);

    // The rows of one table, cast from their text to the types of the target's columns.
    let table: { name: string; insert: string } | null = null;
    let batch: string[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!table || !batch.length) return;
      try {
        await client.query(table.insert, [`[${batch.join(',')}]`]);
      } catch (error) {
        throw refuse(`rows of "${table.name}" do not load (${firstLine(error)})`);
      }
      counts[table.name] = (counts[table.name] ?? 0) + batch.length;
      batch = [];
      bytes = 0;
    };

    let format: string | null = null;
    let end: { counts?: unknown; files?: unknown; sha256?: unknown } | null = null;
    // The evidence file being read (its pieces), written to the store once whole and checked.
    let pending = null as { key: string; pieces: Buffer[] } | null;
    let files = 0;
    const storePending = async () => {
      if (!pending) return;
      const bytes = Buffer.concat(pending.pieces);
      if (sha256(bytes) !== pending.key) throw refuse(`evidence file ${pending.key} does not match its hash: the file was changed`);
      // Files go to the store before the rows commit; if the restore fails, the sweep removes them.
      if (!(await store.has(pending.key))) await store.put(pending.key, bytes);
      files += 1;
      pending = null;
    };
    let columns = 0;
    const seen = new Set<string>();
    const hash = createHash('sha256');
    let number = 0;
    // Opened only now: lines read before the loop starts would be lost. A read
    // or zlib error destroys the gunzip stream with it, ending the loop.
    gunzip = pipe(createReadStream(file), createGunzip(), () => {});
    for await (const line of createInterface({ input: gunzip, crlfDelay: Infinity })) {
      number += 1;
      if (end) throw refuse(`line ${number} follows the end record`);
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw refuse(format ? `line ${number} is not JSON: the file is corrupted` : 'it is not a backup of this portal');
      }
      const record = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
      if (!format) {
        if (record.format !== FORMAT && record.format !== FORMAT_2 && record.format !== FORMAT_1) throw refuse('it is not a backup of this portal');
        if (JSON.stringify(await migrations(client)) !== JSON.stringify(record.migrations))
          throw refuse('it was made at another schema version: migrate the target to the same migrations first');
        format = record.format;
      } else if (Array.isArray(value)) {
        if (!table) throw refuse(`line ${number} is a row outside any table`);
        if (value.length !== columns || !value.every((v) => v === null || typeof v === 'string')) throw refuse(`line ${number} is not a row of "${table.name}"`);
        hash.update(line + '\n');
        batch.push(line);
        bytes += line.length;
        if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
      } else if (typeof record.table === 'string' && Array.isArray(record.columns)) {
        hash.update(line + '\n');
        await flush();
        const target = list.find((t) => t.name === record.table);
        if (!target) throw refuse(`it has a table "${record.table}" this database does not`);
        if (seen.has(target.name)) throw refuse(`it has table "${target.name}" twice`);
        seen.add(target.name);
        const names = record.columns as string[];
        const casts = names.map((c, i) => {
          const at = target.columns.indexOf(c);
          if (at < 0) throw refuse(`it has a column "${target.name}"."${c}" this database does not`);
          return `(r->>${i})::${target.types[at]}`;
        });
        columns = names.length;
        table = { name: target.name, insert: `INSERT INTO ${q(target.name)} (${names.map(q).join(', ')}) SELECT ${casts.join(', ')} FROM json_array_elements($1::json) AS r` };
      } else if (format === FORMAT && typeof record.file === 'string' && typeof record.data === 'string') {
        if (!/^[0-9a-f]{64}$/.test(record.file)) throw refuse(`line ${number} names no evidence file`);
        hash.update(line + '\n');
        await flush();
        const key: string = record.file;
        if (pending?.key !== key) await storePending();
        const current = pending?.key === key ? pending : (pending = { key, pieces: [] });
        current.pieces.push(Buffer.from(record.data, 'base64'));
      } else if (record.end === true) {
        await flush();
        await storePending();
        end = record;
      } else {
        throw refuse(`line ${number} is not part of a backup`);
      }
    }
    if (!format) throw refuse('it is empty');
    if (!end) throw refuse('it ends early: the backup is incomplete');
    const expected = (end.counts && typeof end.counts === 'object' ? end.counts : {}) as Record<string, unknown>;
    for (const name of new Set([...Object.keys(expected), ...Object.keys(counts)])) {
      if ((expected[name] ?? 0) !== (counts[name] ?? 0)) throw refuse(`its end record counts ${String(expected[name] ?? 0)} rows of "${name}" but it holds ${counts[name] ?? 0}`);
    }
    if (format !== FORMAT_1 && end.sha256 !== hash.digest('hex')) throw refuse('its checksum does not match its rows: the file was changed');
    if (format === FORMAT && end.files !== files) throw refuse(`its end record counts ${String(end.files)} evidence files but it holds ${files}`);

    // Sequences continue after the restored ids.
    const { rows: serials } = await client.query<{ table: string; column: string; seq: string }>(`
      SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`);
    for (const s of serials) {
      await client.query(`SELECT setval($1::regclass, coalesce((SELECT max(${q(s.column)}) FROM ${q(s.table)}), 1), (SELECT count(*) > 0 FROM ${q(s.table)}))`, [s.seq]);
    }
    await client.query('COMMIT');
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    if (error instanceof SetupError && !(error instanceof Refusal)) throw error;
    throw new SetupError(`Cannot restore ${file}: ${problem(error)}; nothing was loaded.`);
  } finally {
    gunzip?.destroy();
    await client.end().catch(() => {});
  }
}
