// npx tsx --conditions=react-server tests/bench/search.ts [-- --scale 1]
// The header search (lib/search/queries.ts) at the seed's size (--scale 0: the seed alone) or N × Wuhan's
// (314 zones, 2,000 villages): the first search (pinyin keys worked out) and then the median of 50.
import path from 'node:path';
import { createDatabase } from '../../lib/ops/database';
import { startEmbeddedPostgres } from '../../lib/ops/embedded';
import { migrate } from '../../lib/ops/migrate';
import { seedScale } from '../../prisma/seed/scale';
import { seed } from '../../prisma/seed/seed';

const i = process.argv.indexOf('--scale');
const scale = i > 0 ? Number(process.argv[i + 1]) : 0;
const server = await startEmbeddedPostgres({ dataDir: path.resolve('.data/bench-search'), database: 'postgres' });
try {
  const url = await createDatabase(server.url, `bench_search_${String(scale).replace('.', '_')}`);
  await migrate(url, () => {});
  await seed(url, { force: true });
  if (scale > 0) await seedScale(url, scale);
  process.env.DATABASE_URL = url;
  const { search } = await import('../../lib/search/queries');
  const { db } = await import('../../lib/db/client');
  const counts = await Promise.all([db().soe.count(), db().zone.count(), db().village.count(), db().project.count()]);
  const admin = { id: 0, username: 'bench', displayName: 'bench', role: 'ORG_ADMIN' as const, soeId: null, villageId: null, zoneId: null };
  const time = async (q: string) => {
    const t = performance.now();
    const groups = await search(admin, q);
    return { ms: performance.now() - t, hits: groups.reduce((n, g) => n + g.total, 0) };
  };
  const first = await time('mjc');
  console.log(`scale ${scale}: ${counts.join(' / ')} SOEs / zones / villages / projects`);
  console.log(`first search (keys worked out): ${first.ms.toFixed(1)} ms`);
  for (const q of ['mjc', '毛家冲', 'maojiachong', 'cun', 'x']) {
    const runs: number[] = [];
    let hits = 0;
    for (let n = 0; n < 50; n++) ({ ms: runs[n], hits } = await time(q));
    runs.sort((a, b) => a - b);
    console.log(`${q}: median ${runs[25]!.toFixed(1)} ms, p95 ${runs[47]!.toFixed(1)} ms, ${hits} hits`);
  }
  // The matching alone, every name of the four kinds against one query, keys already worked out.
  const { matchName, normalizeQuery, pinyinKey } = await import('../../lib/search/match');
  const names = (await Promise.all([db().soe.findMany({ select: { name: true } }), db().zone.findMany({ select: { name: true } }), db().village.findMany({ select: { name: true } }), db().project.findMany({ select: { name: true } })])).flat().map((r) => r.name);
  for (const q of ['mjc', 'maojiachong', '毛家冲']) {
    const query = normalizeQuery(q);
    const t = performance.now();
    for (let n = 0; n < 100; n++) for (const name of names) matchName(pinyinKey(name), query);
    console.log(`matching ${names.length} names against ${q}: ${((performance.now() - t) / 100).toFixed(2)} ms`);
  }
  await db().$disconnect();
} finally {
  await server.stop();
}
