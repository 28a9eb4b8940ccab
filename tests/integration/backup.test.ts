import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore } from '../../lib/db/backup';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

let source: TestDatabase;
let target: TestDatabase;
let dir: string;

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await seed(source.url, {});
  dir = await mkdtemp(path.join(os.tmpdir(), 'portal-backup-'));
}, 120_000);
afterAll(async () => {
  await Promise.all([source?.drop(), target?.drop()]);
  await rm(dir, { recursive: true, force: true });
});

/** Every table's rows, ordered, as one md5 each. */
async function digest(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: tables } = await client.query<{ t: string }>(
    `SELECT relname AS t FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const { rows } = await client.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`);
    out[t] = `${rows[0].n}:${rows[0].h}`;
  }
  await client.end();
  return out;
}

describe('backup and restore', () => {
  it('round-trips the demo data: every table identical, and the sequences continue after the ids', async () => {
    const file = path.join(dir, 'portal.jsonl.gz');
    const counts = await backup(source.url, file);
    expect(counts.Project).toBe(56);
    const restored = await restore(target.url, file);
    expect(restored).toEqual(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)));
    const [a, b] = await Promise.all([digest(source.url), digest(target.url)]);
    expect(Object.keys(a).length).toBeGreaterThan(15);
    expect(b).toEqual(a);
    // New rows do not collide with restored ids.
    const district = await target.prisma.district.findFirstOrThrow();
    const zone = await target.prisma.zone.create({ data: { name: '恢复后新建片区', districtId: district.id } });
    expect(zone.id).toBeGreaterThan(40);
  });

  it('refuses a database that has data, a foreign file and a cut-off backup, changing nothing', async () => {
    const file = path.join(dir, 'again.jsonl.gz');
    await backup(source.url, file);
    await expect(restore(target.url, file)).rejects.toThrow(/needs an empty database/);
    const empty = await createTestDatabase();
    try {
      const foreign = path.join(dir, 'foreign.gz');
      await writeFile(foreign, gzipSync('{"hello":"world"}\n'));
      await expect(restore(empty.url, foreign)).rejects.toThrow(/not a backup of this portal/);
      const full = gzipSync(Buffer.from((await import('node:zlib')).gunzipSync(await (await import('node:fs/promises')).readFile(file)).toString().split('\n').slice(0, 50).join('\n')));
      const cut = path.join(dir, 'cut.gz');
      await writeFile(cut, full);
      await expect(restore(empty.url, cut)).rejects.toThrow(/ends early/);
      expect(await empty.prisma.source.count()).toBe(0);
    } finally {
      await empty.drop();
    }
  });
});
