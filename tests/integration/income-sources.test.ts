import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/policy';
import { getIncomeSources } from '../../lib/dashboard/income-sources';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// The dashboard's split of a year's village income (cooperative dividends, pairing projects, the
// rest) equals the same figures computed here independently from the base tables, on the seeded data.
let sample: TestDatabase;
const org: SessionUser = { id: 1, username: 'org', displayName: 'org', role: 'ORG_VIEWER', soeId: null, villageId: null, zoneId: null };
const village: SessionUser = { ...org, role: 'VILLAGE_COMMITTEE', villageId: 1, zoneId: 1 };

/** The same figures, stated again: DISTINCT ON per project instead of correlated subqueries, CASE instead of least/greatest. */
async function independent(db: TestDatabase, year: number) {
  const [row] = await db.prisma.$queryRawUnsafe<{ total: string; dividends: string; projects: string; villages: number }[]>(
    `WITH zones AS (
       SELECT DISTINCT "zoneId" FROM "Pairing" WHERE since <= make_date($1, 12, 31) AND (until IS NULL OR until >= make_date($1, 1, 1))
     ), incomes AS (
       SELECT vi."villageId", vi.amount FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId" JOIN zones z ON z."zoneId" = v."zoneId" WHERE vi.year = $1
     ), ends AS (
       SELECT DISTINCT ON (u."projectId") u."projectId", u."incomeToVillages" AS v FROM "ProjectUpdate" u
       WHERE u.confirmation IN ('PENDING', 'CONFIRMED', 'RETURNED') AND u.period <= make_date($1, 12, 1) ORDER BY u."projectId", u.period DESC
     ), starts AS (
       SELECT DISTINCT ON (u."projectId") u."projectId", u."incomeToVillages" AS v FROM "ProjectUpdate" u
       WHERE u.confirmation IN ('PENDING', 'CONFIRMED', 'RETURNED') AND u.period <= make_date($1 - 1, 12, 1) ORDER BY u."projectId", u.period DESC
     )
     SELECT
       (SELECT coalesce(sum(amount), 0) FROM incomes)::text AS total,
       (SELECT coalesce(sum(CASE WHEN d.amount > i.amount THEN i.amount ELSE d.amount END), 0) FROM "CooperativeDividend" d JOIN incomes i ON i."villageId" = d."villageId" WHERE d.year = $1)::text AS dividends,
       (SELECT coalesce(sum(CASE WHEN e.v - coalesce(s.v, 0) > 0 THEN e.v - coalesce(s.v, 0) ELSE 0 END), 0)
          FROM "Project" p JOIN ends e ON e."projectId" = p.id LEFT JOIN starts s ON s."projectId" = p.id
          WHERE p."zoneId" IN (SELECT v."zoneId" FROM incomes i JOIN "Village" v ON v.id = i."villageId"))::text AS projects,
       (SELECT count(*) FROM incomes)::int AS villages`,
    year,
  );
  return row!;
}

beforeAll(async () => {
  sample = await createTestDatabase();
  await seed(sample.url, {});
}, 120_000);
afterAll(() => sample?.drop());

describe('where the villages’ income came from', () => {
  it('equals the independent computation for each year, parts within the total, marked as sample', async () => {
    for (const year of [2022, 2023, 2024, 2025]) {
      const figure = (await getIncomeSources(org, year))!;
      const expected = await independent(sample, year);
      expect([figure.total, figure.dividends, figure.projects, figure.villages], String(year)).toEqual([expected.total, expected.dividends, expected.projects, expected.villages]);
      expect(Number(figure.dividends)).toBeGreaterThan(0);
      expect(Number(figure.dividends)).toBeLessThan(Number(figure.total));
      const rest = Math.max(0, Number(expected.total) - Number(expected.dividends) - Number(expected.projects));
      expect(Number(figure.rest)).toBeCloseTo(rest, 2);
      expect(figure.isSample).toBe(true);
    }
  });

  it('moves by exactly a new dividend, and counts one above the income only up to it', async () => {
    const existing = await sample.prisma.cooperativeDividend.findFirstOrThrow({ where: { year: 2024 } });
    await sample.prisma.cooperativeDividend.delete({ where: { id: existing.id } });
    const before = (await getIncomeSources(org, 2024))!;
    const income = await sample.prisma.villageIncome.findUniqueOrThrow({ where: { villageId_year: { villageId: existing.villageId, year: 2024 } } });
    await sample.prisma.cooperativeDividend.create({ data: { cooperativeId: existing.cooperativeId, villageId: existing.villageId, year: 2024, amount: '1234.56' } });
    const after = (await getIncomeSources(org, 2024))!;
    expect(Math.round((Number(after.dividends) - Number(before.dividends)) * 100)).toBe(123456);
    await sample.prisma.cooperativeDividend.update({ where: { villageId_year: { villageId: income.villageId, year: 2024 } }, data: { amount: income.amount.plus(1000) } });
    const capped = (await getIncomeSources(org, 2024))!;
    expect(capped.dividends).toBe((await independent(sample, 2024)).dividends);
    expect(Math.round((Number(capped.dividends) - Number(before.dividends)) * 100)).toBe(Math.round(Number(income.amount) * 100));
  });

  it('is refused to village committees (the dashboard is not theirs)', async () => {
    expect(await getIncomeSources(village, 2024)).toBeNull();
  });
});
