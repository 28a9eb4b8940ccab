import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/policy';
import { getDashboard } from '../../lib/dashboard/overview';
import { savePhase } from '../../lib/program/mutations';
import { phaseName } from '../../lib/program/phases';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// The program's phases (issue 17): administrators edit them; the dashboard shows the phase
// running on its day, and an ended phase's final result, checked here against independent SQL.
const IN_2024 = new Date('2024-06-15T04:00:00Z');
const AFTER_FIRST = new Date('2026-11-29T04:00:00Z');
let database: TestDatabase;
let admin: SessionUser;
const as = (role: SessionUser['role'], id: number): SessionUser => ({ id, username: 'u', displayName: 'u', role, soeId: null, villageId: null, zoneId: null });

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.url, {});
  const u = await database.prisma.user.findFirstOrThrow({ where: { role: 'ORG_ADMIN' } });
  admin = as('ORG_ADMIN', u.id);
}, 180_000);
afterAll(() => database.drop());

async function one<T>(sql: string, ...params: unknown[]): Promise<T> {
  return (await database.prisma.$queryRawUnsafe<T[]>(sql, ...params))[0]!;
}

/** The first phase's final figures, written apart from lib/program/phases.ts. */
async function finalFigures() {
  const zones = await one<{ n: number }>(`
    SELECT count(*)::int AS n FROM "Zone" z WHERE EXISTS (
      SELECT 1 FROM "Accreditation" a WHERE a."zoneId" = z.id AND a."accreditedOn" IS NOT NULL AND a."accreditedOn" <= '2025-12-31'
        AND NOT (a.status = 'REVOKED' AND a."closedOn" <= '2025-12-31'))`);
  const income = await one<{ average: string | null; reporting: number; villages: number }>(`
    WITH paired AS (SELECT DISTINCT v.id FROM "Village" v JOIN "Pairing" p ON p."zoneId" = v."zoneId"
                    WHERE p.since <= '2025-12-31' AND (p."until" IS NULL OR p."until" >= '2025-12-31'))
    SELECT (SELECT round(avg(amount), 2)::text FROM "VillageIncome" WHERE year = 2025 AND "villageId" IN (SELECT id FROM paired)) AS average,
           (SELECT count(*)::int FROM "VillageIncome" WHERE year = 2025 AND "villageId" IN (SELECT id FROM paired)) AS reporting,
           (SELECT count(*)::int FROM paired) AS villages`);
  return { zones: zones.n, ...income };
}

const phase2 = { name: '第二个五年行动（2026–2030）', nameEn: 'Second five-year action (2026–2030)', startsOn: '2026-01-01', endsOn: '2030-12-31', zonesTarget: '100', incomeTarget: '800000' };

describe('program phases', () => {
  it('in 2024 shows the first phase running, with progress and a forecast', async () => {
    const data = (await getDashboard(admin, IN_2024))!;
    expect(data.phases.current?.name).toBe('第一个五年行动（2021–2025）');
    expect(data.phases.ended).toBeNull();
    expect(data.goal).toMatchObject({ zones: 60, income: '500000' });
    expect(data.zones.forecast).toBeInstanceOf(Date);
  });

  it('on 2026-11-29 with no new phase shows the first phase’s final result and no forecast', async () => {
    const data = (await getDashboard(admin, AFTER_FIRST))!;
    const expected = await finalFigures();
    expect(data.phases.current).toBeNull();
    expect(data.phases.next).toBeNull();
    expect(data.zones.forecast).toBeNull();
    const ended = data.phases.ended!;
    console.log(`first phase as of 2025-12-31: ${ended.zones.actual} / 60 model zones; 2025 average income ${ended.income.average} (${ended.income.reporting}/${ended.income.villages} villages); closest: ${ended.closest.map((z) => `${z.name} ${z.passed}/4`).join(', ')}`);
    expect(ended.asOf.toISOString().slice(0, 10)).toBe('2025-12-31');
    expect(ended.zones).toEqual({ target: 60, actual: expected.zones, met: expected.zones >= 60, gap: Math.abs(60 - expected.zones) });
    expect(ended.zones.actual).toBeGreaterThan(0);
    expect(ended.income).toMatchObject({ target: '500000', average: expected.average, reporting: expected.reporting, villages: expected.villages });
    expect(ended.income.met).toBe(Number(expected.average) > 500000);
    expect(Number(ended.income.gap)).toBeCloseTo(Math.abs(500000 - Number(expected.average)), 2);
    // Closest to accreditation: rounds open on the last day, most criteria passed first.
    const open = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Accreditation" WHERE "nominatedOn" <= '2025-12-31'
      AND ("accreditedOn" IS NULL OR "accreditedOn" > '2025-12-31') AND ("closedOn" IS NULL OR "closedOn" > '2025-12-31')`);
    expect(ended.closest.length).toBe(Math.min(5, open.n));
    const passed = ended.closest.map((z) => z.passed);
    expect(passed).toEqual([...passed].sort((a, b) => b - a));
  });

  it('refuses bad phases with specific errors, and changes nothing', async () => {
    const audits = await database.prisma.auditLog.count();
    const phases = await database.prisma.programPhase.count();
    expect(await savePhase(admin, { ...phase2, endsOn: '2025-12-31' })).toMatchObject({ status: 'invalid', fieldErrors: { endsOn: ['结束日期须晚于开始日期。'] } });
    expect(await savePhase(admin, { ...phase2, zonesTarget: '0' })).toMatchObject({ fieldErrors: { zonesTarget: ['目标须大于 0。'] } });
    expect(await savePhase(admin, { ...phase2, incomeTarget: '0' })).toMatchObject({ fieldErrors: { incomeTarget: ['目标须大于 0。'] } });
    expect(await savePhase(admin, { ...phase2, startsOn: '2025-07-01' })).toMatchObject({
      fieldErrors: { startsOn: ['与“第一个五年行动（2021–2025）”（2021-01-01 至 2025-12-31）的期间重叠：各阶段的期间不能重叠。'] },
    });
    expect(await savePhase(admin, { ...phase2, startsOn: '2025-07-01' }, 'en')).toMatchObject({
      fieldErrors: { startsOn: ['Overlaps “第一个五年行动（2021–2025）” (2021-01-01 to 2025-12-31): phases may not overlap.'] },
    });
    expect(await savePhase(admin, { ...phase2, name: '第一个五年行动（2021–2025）', startsOn: '2031-01-01', endsOn: '2035-12-31' })).toMatchObject({ fieldErrors: { name: ['已有同名记录。'] } });
    for (const role of ['ORG_VIEWER', 'SOE_LIAISON', 'VILLAGE_COMMITTEE'] as const) {
      expect(await savePhase(as(role, admin.id), phase2)).toMatchObject({ status: 'denied' });
    }
    expect(await database.prisma.auditLog.count()).toBe(audits);
    expect(await database.prisma.programPhase.count()).toBe(phases);
  });

  it('opens a second phase without losing the first; the dashboard then shows both', async () => {
    const opened = await savePhase(admin, phase2);
    expect(opened.status).toBe('ok');
    const id = opened.status === 'ok' ? opened.data.id : 0;
    const all = await database.prisma.programPhase.findMany({ include: { targets: { orderBy: { metric: 'asc' } } }, orderBy: { startsOn: 'asc' } });
    expect(all.map((p) => [p.name, p.targets.map((t) => t.value.toString())])).toEqual([
      ['第一个五年行动（2021–2025）', ['60', '500000']],
      ['第二个五年行动（2026–2030）', ['100', '800000']],
    ]);
    expect(await database.prisma.auditLog.count({ where: { action: 'programPhase.create', entityId: String(id) } })).toBe(1);

    const data = (await getDashboard(admin, AFTER_FIRST))!;
    expect(data.phases.current?.name).toBe('第二个五年行动（2026–2030）');
    // Each phase is named in the interface's language; the first got its English name from the seed (or the migration).
    expect(phaseName(data.phases.current!, 'en')).toBe('Second five-year action (2026–2030)');
    expect(phaseName(data.phases.ended!, 'en')).toBe('First five-year action (2021–2025)');
    expect(phaseName(data.phases.ended!, 'zh-CN')).toBe('第一个五年行动（2021–2025）');
    expect(data.goal).toMatchObject({ zones: 100, income: '800000' });
    expect(data.phases.ended?.zones.target).toBe(60);
    expect(data.phases.ended?.zones.actual).toBe((await finalFigures()).zones);
    // The second phase's trajectory starts where the first left off, not from zero.
    expect(data.zones.trajectory[0]).toMatchObject({ month: '2026-01' });
    expect(data.zones.trajectory[0]!.value).toBeGreaterThan(0);
    expect(data.zones.trajectory.at(-1)).toMatchObject({ value: 100 });

    // Editing: targets change, a stale version is refused.
    expect(await savePhase(admin, { ...phase2, id, version: 1, zonesTarget: '90' })).toMatchObject({ status: 'ok' });
    expect(await savePhase(admin, { ...phase2, id, version: 1, zonesTarget: '80' })).toMatchObject({ status: 'conflict' });
    expect((await getDashboard(admin, AFTER_FIRST))!.goal.zones).toBe(90);
    // In 2024 the first phase is still the one running.
    expect((await getDashboard(admin, IN_2024))!.phases.current?.name).toBe('第一个五年行动（2021–2025）');
  });

  it('reads the day from PORTAL_TODAY when no clock is passed', async () => {
    process.env.PORTAL_TODAY = '2024-06-15';
    try {
      expect((await getDashboard(admin))!.phases.current?.name).toBe('第一个五年行动（2021–2025）');
    } finally {
      delete process.env.PORTAL_TODAY;
    }
  });
});
