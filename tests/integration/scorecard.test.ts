import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/policy';
import { getRanking, getScorecard } from '../../lib/scorecard/queries';
import { saveCommitment, saveWeights } from '../../lib/scorecard/mutations';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// The SOE scorecard and the yearly assessment (issue 21): each ranking component equals an
// independent SQL computation written here apart from lib/scorecard/queries.ts; commitments
// and weights are written through their mutation cores.
const NOW = new Date('2026-11-29T04:00:00Z');
const TODAY = '2026-11-29';
const YEAR = 2025;
const DUE_DAY = 10; // UPDATE_DUE_DAY's default
let database: TestDatabase;
let admin: SessionUser;
let viewer: SessionUser;
const as = (role: SessionUser['role'], id: number, soeId: number | null = null): SessionUser => ({ id, username: 'u', displayName: 'u', role, soeId, villageId: null, zoneId: null });

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.url, {});
  admin = as('ORG_ADMIN', (await database.prisma.user.findFirstOrThrow({ where: { role: 'ORG_ADMIN' } })).id);
  viewer = as('ORG_VIEWER', (await database.prisma.user.findFirstOrThrow({ where: { role: 'ORG_VIEWER' } })).id);
}, 180_000);
afterAll(() => database.drop());

type Row = { soeId: number; value: string | null };
async function perSoe(sql: string): Promise<Map<number, number | null>> {
  const rows = await database.prisma.$queryRawUnsafe<Row[]>(sql);
  return new Map(rows.map((r) => [r.soeId, r.value === null ? null : Number(r.value)]));
}

const PAIRED = `SELECT id, "soeId", "zoneId" FROM "Pairing" WHERE since <= '${YEAR}-12-31' AND ("until" IS NULL OR "until" >= '${YEAR}-01-01')`;

/** Each component per SOE, computed apart from the portal's code. */
async function expectedComponents() {
  const delivery = await perSoe(`
    WITH pr AS (${PAIRED}),
    counted AS (SELECT u.*, pj."soeId", pj."zoneId" FROM "ProjectUpdate" u JOIN "Project" pj ON pj.id = u."projectId"
                WHERE u.confirmation IN ('PENDING', 'CONFIRMED', 'RETURNED') AND pj."zoneId" IS NOT NULL),
    ends AS (SELECT DISTINCT ON ("projectId") "projectId", "soeId", "zoneId", "investmentToDate" AS inv, "jobsCreated" AS jobs
             FROM counted WHERE period < '${YEAR + 1}-01-01' ORDER BY "projectId", period DESC),
    starts AS (SELECT DISTINCT ON ("projectId") "projectId", "investmentToDate" AS inv, "jobsCreated" AS jobs
               FROM counted WHERE period < '${YEAR}-01-01' ORDER BY "projectId", period DESC),
    grown AS (SELECT e."soeId", e."zoneId", sum(e.inv - coalesce(s.inv, 0)) AS inv, sum(e.jobs - coalesce(s.jobs, 0)) AS jobs
              FROM ends e LEFT JOIN starts s USING ("projectId") GROUP BY 1, 2),
    started AS (SELECT "soeId", "zoneId", count(*) AS n FROM "Project"
                WHERE "zoneId" IS NOT NULL AND extract(year FROM coalesce("startDate", "createdAt")) = ${YEAR} GROUP BY 1, 2),
    shares AS (
      SELECT pr."soeId", unnest(ARRAY[
        CASE WHEN pc.investment > 0 THEN least(coalesce(g.inv, 0) / pc.investment, 1) END,
        CASE WHEN pc.projects > 0 THEN least(coalesce(st.n, 0)::numeric / pc.projects, 1) END,
        CASE WHEN pc.jobs > 0 THEN least(coalesce(g.jobs, 0)::numeric / pc.jobs, 1) END,
        CASE WHEN pc.purchases > 0 THEN least(coalesce(pc."purchasesDone", 0) / pc.purchases, 1) END,
        CASE WHEN pc."trainingSessions" > 0 THEN least(coalesce(pc."trainingDone", 0)::numeric / pc."trainingSessions", 1) END,
        CASE WHEN pc."staffStationed" > 0 THEN least(coalesce(pc."staffDone", 0)::numeric / pc."staffStationed", 1) END]) AS share
      FROM pr JOIN "PairingCommitment" pc ON pc."pairingId" = pr.id AND pc.year = ${YEAR}
      LEFT JOIN grown g ON g."soeId" = pr."soeId" AND g."zoneId" = pr."zoneId"
      LEFT JOIN started st ON st."soeId" = pr."soeId" AND st."zoneId" = pr."zoneId")
    SELECT s.id AS "soeId", (SELECT avg(share)::text FROM shares WHERE shares."soeId" = s.id AND share IS NOT NULL) AS value
    FROM "Soe" s WHERE s.id IN (SELECT "soeId" FROM pr)`);
  const accreditation = await perSoe(`
    WITH zones AS (SELECT DISTINCT "soeId", "zoneId" FROM (${PAIRED}) p)
    SELECT "soeId", (avg(CASE WHEN EXISTS (SELECT 1 FROM "Accreditation" a WHERE a."zoneId" = zones."zoneId" AND a."accreditedOn" <= '${YEAR}-12-31'
      AND (a.status = 'ACCREDITED' OR (a.status = 'REVOKED' AND a."closedOn" > '${YEAR}-12-31'))) THEN 1.0 ELSE 0.0 END))::text AS value
    FROM zones GROUP BY 1`);
  const income = await perSoe(`
    WITH zones AS (SELECT DISTINCT "soeId", "zoneId" FROM (${PAIRED}) p),
    target AS (SELECT t.value FROM "ProgramTarget" t JOIN "ProgramPhase" ph ON ph.id = t."phaseId"
               WHERE t.metric = 'AVG_VILLAGE_INCOME' AND ph."startsOn" <= '${YEAR}-12-31' AND ph."endsOn" >= '${YEAR}-12-31')
    SELECT zones."soeId", least(avg(vi.amount) / (SELECT value FROM target), 1)::text AS value
    FROM zones JOIN "Village" v ON v."zoneId" = zones."zoneId" LEFT JOIN "VillageIncome" vi ON vi."villageId" = v.id AND vi.year = ${YEAR}
    GROUP BY 1`);
  const feedback = await perSoe(`
    SELECT pj."soeId", (avg(f.rating) / 5)::text AS value FROM "Feedback" f JOIN "Project" pj ON pj.id = f."projectId"
    WHERE f.period >= '${YEAR}-01-01' AND f.period < '${YEAR + 1}-01-01' GROUP BY 1`);
  const timeliness = await perSoe(`
    WITH months AS (SELECT generate_series('${YEAR}-01-01'::date, '${YEAR}-12-01'::date, interval '1 month')::date AS m),
    lastp AS (SELECT "projectId", max(period) AS lp FROM "ProjectUpdate" GROUP BY 1),
    owed AS (
      SELECT pj."soeId", pj.id, mo.m, (mo.m + interval '1 month' + (${DUE_DAY} - 1) * interval '1 day')::date AS due_day
      FROM "Project" pj CROSS JOIN months mo LEFT JOIN lastp l ON l."projectId" = pj.id
      WHERE pj.status <> 'PREPARING'
        AND mo.m >= date_trunc('month', coalesce(pj."startDate"::timestamp, pj."createdAt"))::date
        AND (pj.status = 'IN_PROGRESS' OR mo.m <= l.lp)
        AND (mo.m + interval '1 month' + (${DUE_DAY} - 1) * interval '1 day')::date < '${TODAY}'::date)
    SELECT "soeId", (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "ProjectUpdate" u WHERE u."projectId" = owed.id AND u.period = owed.m
                                                    AND (u."createdAt" + interval '8 hours')::date <= owed.due_day))::numeric / count(*))::text AS value
    FROM owed GROUP BY 1`);
  const disputes = await perSoe(`
    SELECT pj."soeId", (1 - count(*) FILTER (WHERE u.confirmation IN ('DISPUTED', 'EXCLUDED'))::numeric / count(*))::text AS value
    FROM "ProjectUpdate" u JOIN "Project" pj ON pj.id = u."projectId"
    WHERE u.period >= '${YEAR}-01-01' AND u.period < '${YEAR + 1}-01-01' GROUP BY 1`);
  return { delivery, accreditation, income, feedback, timeliness, disputes };
}

describe('SOE ranking', () => {
  it('each component of each SOE equals an independent SQL computation, and the score their weighted mean', async () => {
    const ranking = (await getRanking(admin, YEAR, NOW))!;
    const expected = await expectedComponents();
    const weights = await database.prisma.assessmentWeights.findUniqueOrThrow({ where: { year: YEAR } });
    const paired = await database.prisma.$queryRawUnsafe<{ soeId: number }[]>(`SELECT DISTINCT "soeId" FROM (${PAIRED}) p ORDER BY 1`);
    expect(ranking.rows.map((r) => r.soeId).sort((a, b) => a - b)).toEqual(paired.map((p) => p.soeId));
    expect(ranking.weights.set).toBe(true);
    for (const row of ranking.rows) {
      let sum = 0;
      let weight = 0;
      for (const [component, values] of Object.entries(expected) as [keyof typeof expected, Map<number, number | null>][]) {
        const want = values.get(row.soeId) ?? null;
        const got = row.components[component];
        if (want === null) expect(got, `${row.name} ${component}`).toBeNull();
        else expect(got, `${row.name} ${component}`).toBeCloseTo(want, 9);
        if (want !== null && weights[component] > 0) {
          sum += want * weights[component];
          weight += weights[component];
        }
      }
      expect(row.score!, row.name).toBeCloseTo((sum / weight) * 100, 9);
    }
    // The figures vary: a test of constants could not fail.
    const deliveries = ranking.rows.map((r) => r.components.delivery).filter((d) => d !== null);
    expect(new Set(deliveries.map((d) => d!.toFixed(3))).size).toBeGreaterThan(3);
    const timely = ranking.rows.map((r) => r.components.timeliness).filter((d) => d !== null);
    expect(timely.some((t) => t! > 0 && t! < 1)).toBe(true);
    // Ranked by score, best first.
    const scores = ranking.rows.map((r) => r.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('is the org department’s: a liaison and a village committee see no ranking', async () => {
    const soe = await database.prisma.soe.findFirstOrThrow({ where: { name: '武汉农业集团' } });
    expect(await getRanking(viewer, YEAR, NOW)).not.toBeNull();
    expect(await getRanking(as('SOE_LIAISON', 3, soe.id), YEAR, NOW)).toBeNull();
    expect(await getRanking(as('VILLAGE_COMMITTEE', 5), YEAR, NOW)).toBeNull();
  });
});

describe('scorecard and commitments', () => {
  it('a liaison sees its own SOE’s scorecard and no other’s', async () => {
    const [own, other] = await Promise.all([
      database.prisma.soe.findFirstOrThrow({ where: { name: '武汉农业集团' } }),
      database.prisma.soe.findFirstOrThrow({ where: { name: '武汉农商行' } }),
    ]);
    const liaison = as('SOE_LIAISON', 3, own.id);
    expect((await getScorecard(liaison, own.id, YEAR, NOW))?.soe.name).toBe('武汉农业集团');
    expect(await getScorecard(liaison, other.id, YEAR, NOW)).toBeNull();
  });

  it('an administrator enters a year’s commitments and the scorecard computes delivery against them', async () => {
    const pairing = await database.prisma.pairing.findFirstOrThrow({ where: { soe: { name: '武汉农业集团' }, zone: { name: '民主片区' } } });
    const before = await database.prisma.pairingCommitment.findUnique({ where: { pairingId_year: { pairingId: pairing.id, year: 2026 } } });
    expect(before).toBeNull();
    const input = {
      pairingId: pairing.id, year: 2026,
      investment: { text: '1', unit: '元' }, projects: '1', jobs: '', purchases: { text: '10', unit: '万元' },
      trainingSessions: '4', staffStationed: '', purchasesDone: { text: '5', unit: '万元' }, trainingDone: '6', staffDone: '',
    };
    const saved = await saveCommitment(admin, input);
    expect(saved.status).toBe('ok');
    const card = (await getScorecard(admin, pairing.soeId, 2026, NOW))!;
    const zone = card.assessment!.zones.find((z) => z.pairingId === pairing.id)!;
    const line = (m: string) => zone.measures.find((x) => x.measure === m)!;
    expect(line('purchases')).toMatchObject({ committed: '100000.00', delivered: '50000.00', share: 0.5, entered: true });
    expect(line('trainingSessions')).toMatchObject({ committed: '4', delivered: '6', share: 1 });
    expect(line('jobs').committed).toBeNull();
    expect(line('jobs').share).toBeNull();
    // Investment delivered comes from the updates: its share is what the records give against 1 yuan.
    expect(line('investment').share).toBe(Number(line('investment').delivered) > 0 ? 1 : 0);
    expect(card.assessment!.components.delivery).toBeCloseTo(card.assessment!.zones.flatMap((z) => z.measures.map((m) => m.share)).filter((s) => s !== null).reduce((a, b) => a! + b!, 0)! / card.assessment!.zones.flatMap((z) => z.measures).filter((m) => m.share !== null).length, 12);
    const audit = await database.prisma.auditLog.count({ where: { entity: 'PairingCommitment', entityId: String((saved as { data: { id: number } }).data.id) } });
    expect(audit).toBe(1);
  });

  it('refuses a liaison, a year outside the pairing, bad figures and a stale version, saving nothing', async () => {
    const pairing = await database.prisma.pairing.findFirstOrThrow({ where: { soe: { name: '武汉农业集团' }, zone: { name: '民主片区' } } });
    const count = () => database.prisma.pairingCommitment.count();
    const n = await count();
    const liaison = as('SOE_LIAISON', 3, pairing.soeId);
    expect((await saveCommitment(liaison, { pairingId: pairing.id, year: 2024, projects: '3' })).status).toBe('denied');
    const later = await database.prisma.pairing.findFirstOrThrow({ where: { since: { gte: new Date('2022-01-01') } } });
    const early = await saveCommitment(admin, { pairingId: later.id, year: 2021, projects: '3' }, 'en');
    expect(early).toMatchObject({ status: 'invalid', fieldErrors: { year: [expect.stringContaining('outside the pairing')] } });
    const bad = await saveCommitment(admin, { pairingId: pairing.id, year: 2024, projects: '-1', investment: { text: 'abc', unit: '万元' } }, 'zh-CN');
    expect(bad.status).toBe('invalid');
    if (bad.status === 'invalid') {
      expect(Object.keys(bad.fieldErrors).sort()).toEqual(['investment', 'projects']);
      expect(bad.values).toMatchObject({ projects: '-1', 'investment.text': 'abc' });
    }
    const existing = await database.prisma.pairingCommitment.findUniqueOrThrow({ where: { pairingId_year: { pairingId: pairing.id, year: 2024 } } });
    expect((await saveCommitment(admin, { id: existing.id, version: existing.version + 5, pairingId: pairing.id, year: 2024, projects: '9' })).status).toBe('conflict');
    expect(await count()).toBe(n);
    const edited = await saveCommitment(admin, { id: existing.id, version: existing.version, pairingId: pairing.id, year: 2024, projects: '9' });
    expect(edited.status).toBe('ok');
    const after = await database.prisma.pairingCommitment.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after).toMatchObject({ projects: 9, sourceId: null, version: existing.version + 1, investment: null });
  });

  it('weights: set by an administrator, adding up to 100, and the ranking follows them', async () => {
    const w = { year: '2024', delivery: '100', accreditation: '0', income: '0', feedback: '0', timeliness: '0', disputes: '0' };
    const wrong = await saveWeights(admin, { ...w, delivery: '90' }, 'en');
    expect(wrong).toMatchObject({ status: 'invalid', fieldErrors: { weights: ['The weights must add up to 100'] } });
    expect((await saveWeights(viewer, w)).status).toBe('denied');
    expect((await saveWeights(admin, w)).status).toBe('ok');
    const ranking = (await getRanking(admin, 2024, NOW))!;
    for (const row of ranking.rows) {
      if (row.components.delivery === null) expect(row.score).toBeNull();
      else expect(row.score).toBeCloseTo(row.components.delivery * 100, 9);
    }
  });
});
