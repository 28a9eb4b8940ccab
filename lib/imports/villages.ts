import { can } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import type { ImportSpec, RowIssue } from './engine';

// Villages with their yearly collective income: one row per village and year.
// A village is found by district + zone + name (created when new; population
// and households updated when given); an income row is created or corrected.

type Ctx = {
  zones: Map<string, number>;
  villages: Map<string, { id: number }>;
  seen: Set<string>;
  thisYear: number;
};
type Row = { zoneId: number; village: string; population: number | null; households: number | null; year: number | null; income: string | null };

const AMOUNT = /^\d{1,14}(\.\d{1,2})?$/;
const COUNT = /^\d{1,7}$/;

export const villageImport: ImportSpec<Ctx, Row> = {
  kind: 'villages',
  columns: [
    { key: 'district', zh: '区', en: 'District' },
    { key: 'zone', zh: '片区', en: 'Zone' },
    { key: 'village', zh: '村', en: 'Village' },
    { key: 'population', zh: '人口', en: 'Population' },
    { key: 'households', zh: '户数', en: 'Households' },
    { key: 'year', zh: '年份', en: 'Year' },
    { key: 'income', zh: '村集体经济收入（元）', en: 'Collective income (yuan)' },
  ],
  allowed: (user) => can(user, 'masterData.manage', {}),
  async load() {
    const [zones, villages] = await Promise.all([
      db().zone.findMany({ select: { id: true, name: true, district: { select: { name: true } } } }),
      db().village.findMany({ select: { id: true, name: true, zoneId: true } }),
    ]);
    return {
      zones: new Map(zones.map((z) => [`${z.district.name}|${z.name}`, z.id])),
      villages: new Map(villages.map((v) => [`${v.zoneId}|${v.name}`, { id: v.id }])),
      seen: new Set(),
      thisYear: new Date().getUTCFullYear(),
    };
  },
  validate(cells, ctx) {
    const issues: RowIssue[] = [];
    const zoneId = ctx.zones.get(`${cells.district}|${cells.zone}`);
    if (!cells.district) issues.push({ column: 'district', key: 'validation.required' });
    if (!cells.zone) issues.push({ column: 'zone', key: 'validation.required' });
    else if (cells.district && zoneId === undefined) issues.push({ column: 'zone', key: 'validation.unknownZone' });
    if (!cells.village) issues.push({ column: 'village', key: 'validation.required' });
    else if (cells.village!.length > 40) issues.push({ column: 'village', key: 'validation.tooLong' });
    for (const key of ['population', 'households'] as const) {
      if (cells[key] && !COUNT.test(cells[key]!)) issues.push({ column: key, key: 'validation.wholeNumber' });
    }
    const year = cells.year ? Number(cells.year) : null;
    if (cells.year && (!/^\d{4}$/.test(cells.year) || year! < 2000)) issues.push({ column: 'year', key: 'validation.year' });
    else if (year !== null && year > ctx.thisYear) issues.push({ column: 'year', key: 'validation.yearInFuture' });
    if (cells.income && !AMOUNT.test(cells.income.replace(/,/g, ''))) issues.push({ column: 'income', key: 'validation.yuanFormat' });
    if (Boolean(cells.income) !== Boolean(cells.year)) issues.push({ column: cells.income ? 'year' : 'income', key: 'validation.yearAndIncome' });
    if (issues.length) return { issues };
    const key = `${zoneId}|${cells.village}|${year ?? ''}`;
    if (ctx.seen.has(key)) return { issues: [{ column: 'village', key: 'validation.duplicateRow' }] };
    ctx.seen.add(key);
    return {
      value: {
        zoneId: zoneId!,
        village: cells.village!,
        population: cells.population ? Number(cells.population) : null,
        households: cells.households ? Number(cells.households) : null,
        year,
        income: cells.income ? cells.income.replace(/,/g, '') : null,
      },
    };
  },
  async apply(tx, rows, ctx, user) {
    // New villages first (one INSERT), then every village's id is known.
    const fresh = new Map<string, Row>();
    for (const r of rows) if (!ctx.villages.has(`${r.zoneId}|${r.village}`)) fresh.set(`${r.zoneId}|${r.village}`, r);
    await tx.village.createMany({
      data: [...fresh.values()].map((r) => ({ zoneId: r.zoneId, name: r.village, population: r.population, households: r.households })),
    });
    const ids = new Map(
      (await tx.village.findMany({ where: { zoneId: { in: [...new Set(rows.map((r) => r.zoneId))] } }, select: { id: true, zoneId: true, name: true } })).map((v) => [
        `${v.zoneId}|${v.name}`,
        v.id,
      ]),
    );
    // Sizes of existing villages, the last row of each village winning, in one UPDATE.
    const sized = new Map<number, Row>();
    for (const r of rows) {
      if (fresh.has(`${r.zoneId}|${r.village}`) || (r.population === null && r.households === null)) continue;
      sized.set(ids.get(`${r.zoneId}|${r.village}`)!, r);
    }
    if (sized.size) {
      await tx.$executeRawUnsafe(
        `UPDATE "Village" v SET population = coalesce(t.p, v.population), households = coalesce(t.h, v.households),
           version = v.version + 1, "updatedAt" = now()
         FROM unnest($1::int[], $2::int[], $3::int[]) AS t(id, p, h) WHERE v.id = t.id`,
        [...sized.keys()],
        [...sized.values()].map((r) => r.population),
        [...sized.values()].map((r) => r.households),
      );
    }
    const incomes = rows.filter((r) => r.year !== null);
    let written = 0;
    // Incomes in chunks of one statement each: insert, or correct the existing row (version moves on).
    for (let i = 0; i < incomes.length; i += 1000) {
      const chunk = incomes.slice(i, i + 1000);
      written += await tx.$executeRawUnsafe(
        `INSERT INTO "VillageIncome" ("villageId", year, amount, "reportedById", "updatedAt")
         SELECT v, y, a::numeric, $1, now() FROM unnest($2::int[], $3::int[], $4::text[]) AS t(v, y, a)
         ON CONFLICT ("villageId", year) DO UPDATE SET amount = EXCLUDED.amount, "reportedById" = EXCLUDED."reportedById",
           "sourceId" = NULL, version = "VillageIncome".version + 1, "updatedAt" = now()`,
        user.id,
        chunk.map((r) => ids.get(`${r.zoneId}|${r.village}`)!),
        chunk.map((r) => r.year!),
        chunk.map((r) => r.income!),
      );
    }
    return { villagesCreated: fresh.size, villagesUpdated: sized.size, incomesWritten: written };
  },
};
