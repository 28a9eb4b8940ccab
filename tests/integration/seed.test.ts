import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../lib/db/generated/client';
import { buildSeedData } from '../../prisma/seed/build';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// The expectations below are transcribed from docs/program.md,
// not imported from the seed, so that the seed is checked against the source.
const FACT_SOES = [
  ['武汉农业集团', 'AGRICULTURE', 'MUNICIPAL'],
  ['武汉旅游体育集团', 'CULTURE_TOURISM', 'MUNICIPAL'],
  ['武汉产业投资集团', 'INVESTMENT', 'MUNICIPAL'],
  ['武汉农商行', 'FINANCE', 'MUNICIPAL'],
  ['武汉城建集团', 'CONSTRUCTION', 'MUNICIPAL'],
  ['武汉商贸集团', 'COMMERCE', 'MUNICIPAL'],
  ['武汉文投集团', 'CULTURE_TOURISM', 'MUNICIPAL'],
  ['湖北省港口集团', 'LOGISTICS', 'PROVINCIAL'],
] as const;

const FACT_ZONES = [
  ['民主片区', '新洲区', '凤凰镇'],
  ['白塘片区', '黄陂区', null],
  ['星光片区', '蔡甸区', null],
  ['许桥片区', '黄陂区', null],
  ['童周岭片区', '江夏区', null],
  ['姚家山片区', '黄陂区', null],
  ['甘露山片区', '黄陂区', null],
  ['徐古片区', '新洲区', '徐古镇'],
  ['三店片区', '新洲区', '三店街'],
  ['金口片区', '江夏区', '金口街'],
  ['消泗片区', '蔡甸区', '消泗乡'],
] as const;

const FACT_PAIRINGS = [
  ['武汉农业集团', '民主片区'], ['武汉农业集团', '白塘片区'], ['武汉旅游体育集团', '白塘片区'],
  ['武汉产业投资集团', '姚家山片区'], ['武汉农商行', '星光片区'], ['武汉农商行', '许桥片区'],
  ['武汉城建集团', '甘露山片区'], ['武汉商贸集团', '徐古片区'], ['武汉商贸集团', '三店片区'],
  ['武汉旅游体育集团', '童周岭片区'], ['湖北省港口集团', '金口片区'], ['武汉文投集团', '消泗片区'],
] as const;

const FACT_PROJECTS = [
  ['武汉红色原野生态发展有限公司', '武汉农业集团', '民主片区', 'AGRI_FOR_AGRI'],
  ['水生植物生产基地', '武汉农业集团', '白塘片区', 'AGRI_FOR_AGRI'],
  ['珍稀食用菌工厂化种植示范园', '武汉农业集团', '白塘片区', 'AGRI_FOR_AGRI'],
  ['国企联村人才培训云课堂', '武汉农业集团', null, 'AGRI_FOR_AGRI'],
  ['红色文化“五个一”体验街', '武汉产业投资集团', '姚家山片区', 'OTHER'],
  ['特色产业信贷支持（星光片区）', '武汉农商行', '星光片区', 'LOANS_FOR_INVESTORS'],
  ['特色产业信贷支持（许桥片区）', '武汉农商行', '许桥片区', 'LOANS_FOR_INVESTORS'],
  ['金融村官驻村', '武汉农商行', null, 'LOANS_FOR_INVESTORS'],
  ['金融知识与反电诈宣传', '武汉农商行', null, 'LOANS_FOR_INVESTORS'],
  ['甘露山文旅城', '武汉城建集团', '甘露山片区', 'BUILD_FOR_FARMERS'],
  ['徐古香菇农超对接', '武汉商贸集团', '徐古片区', 'COMMERCE_LINKS_FARMS'],
  ['三店宋桃农超对接', '武汉商贸集团', '三店片区', 'COMMERCE_LINKS_FARMS'],
  ['龙家畈湾民宿集群', '武汉旅游体育集团', '童周岭片区', 'OTHER'],
  ['全域成景行动', '武汉旅游体育集团', '童周岭片区', 'OTHER'],
  ['美丽村湾示范建设', '湖北省港口集团', '金口片区', 'OTHER'],
  ['基础设施项目批次', '湖北省港口集团', '金口片区', 'OTHER'],
  ['第八届知音故里油菜花节', '武汉文投集团', '消泗片区', 'OTHER'],
] as const;

const SOURCED_TABLES = ['District', 'Township', 'Zone', 'Village', 'VillageIncome', 'Soe', 'Pairing', 'Project', 'ProjectUpdate', 'Accreditation', 'Assessment', 'Beneficiary', 'Feedback', 'Cooperative', 'CooperativeShare', 'CooperativeDividend', 'JointVenture', 'JointVenturePartner'];

async function tables(prisma: PrismaClient) {
  const rows = await prisma.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  return rows.map((r) => r.name);
}

async function counts(prisma: PrismaClient) {
  const out: Record<string, number> = {};
  for (const t of await tables(prisma)) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${t}"`);
    out[t] = row!.n;
  }
  return out;
}

/** One md5 per table over its ordered rows, without the columns that hold the time of seeding. */
async function digests(prisma: PrismaClient) {
  const out: Record<string, string> = {};
  for (const t of await tables(prisma)) {
    const [row] = await prisma.$queryRawUnsafe<{ d: string }[]>(
      `SELECT md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS d
       FROM (SELECT (to_jsonb(t) - 'createdAt' - 'updatedAt' - 'at' - 'passwordHash')::text AS r FROM "${t}" t) x`,
    );
    out[t] = row!.d;
  }
  return out;
}

/** The single row of a one-row query. */
function one<T>(rows: T[]): T {
  expect(rows).toHaveLength(1);
  return rows[0] as T;
}

/** Exact sum of decimal strings with two places, in fen. */
function sumFen(amounts: string[]) {
  return amounts.reduce((sum, a) => {
    const [whole, frac = ''] = a.split('.');
    return sum + BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0'));
  }, 0n);
}

describe('prisma/seed', () => {
  let db: TestDatabase;
  let other: TestDatabase;
  let prisma: PrismaClient;
  let sourceIds: { fact: number; sample: number };

  beforeAll(async () => {
    db = await createTestDatabase();
    other = await createTestDatabase();
    prisma = db.prisma;
    // How long seeding takes is a figure `npm start` prints, not a test's business.
    expect(await seed(db.url, {})).toEqual({ seeded: true });
    const [fact, sample] = await Promise.all([
      prisma.source.findUniqueOrThrow({ where: { code: 'zgzzrsb-first-year' } }),
      prisma.source.findUniqueOrThrow({ where: { code: 'sample' } }),
    ]);
    expect(fact.isSample).toBe(false);
    expect(sample.isSample).toBe(true);
    sourceIds = { fact: fact.id, sample: sample.id };
  });
  afterAll(async () => {
    await Promise.all([db?.drop(), other?.drop()]);
  });

  describe('the facts layer', () => {
    it('has the first phase, 2021–2025, and no other', async () => {
      const phases = await prisma.programPhase.findMany();
      expect(phases.map((p) => [p.name, p.startsOn.toISOString().slice(0, 10), p.endsOn.toISOString().slice(0, 10), p.sourceId])).toEqual([
        ['第一个五年行动（2021–2025）', '2021-01-01', '2025-12-31', sourceIds.fact],
      ]);
    });

    it('has both program targets', async () => {
      const targets = await prisma.programTarget.findMany({ orderBy: { metric: 'asc' }, include: { phase: true } });
      expect(targets.map((t) => [t.metric, t.comparator, t.value.toString(), t.phase.endsOn.toISOString().slice(0, 10), t.sourceId])).toEqual([
        ['MODEL_ZONES', 'AT_LEAST', '60', '2025-12-31', sourceIds.fact],
        ['AVG_VILLAGE_INCOME', 'ABOVE', '500000', '2025-12-31', sourceIds.fact],
      ]);
    });

    it('has the reported totals and the scoped figures', async () => {
      const stats = await prisma.reportedStatistic.findMany({ include: { soe: true, zone: true, project: true } });
      const got = stats.map((s) => [s.metric, s.value.toString(), s.isLowerBound, s.soe?.name ?? s.zone?.name ?? s.project?.name ?? null]);
      expect(got).toEqual(expect.arrayContaining([
        ['SOE_PARTY_COMMITTEES', '15', false, null],
        ['PAIRED_JOINT_COMMITTEES', '40', false, null],
        ['PROJECTS', '56', false, null],
        ['RURAL_BENEFICIARIES', '306854', false, null],
        ['FUNCTIONAL_JOINT_COMMITTEES', '314', false, null],
        ['CO_CONSTRUCTION_PROJECTS', '23', false, '民主片区'],
        ['CO_CONSTRUCTION_CATEGORIES', '5', false, '民主片区'],
        ['LOANS_YUAN', '30000000', false, '武汉农商行'],
        ['JOBS_CREATED', '30000', false, '甘露山文旅城'],
        ['FARM_PURCHASES_YUAN', '5000000', true, '武汉商贸集团'],
        ['LIVESTREAM_VIEWERS_FIRST_HOUR', '300000', false, '第八届知音故里油菜花节'],
      ]));
      expect(stats).toHaveLength(11);
      for (const s of stats) {
        expect(s.sourceId).toBe(sourceIds.fact);
        expect(s.asOf.toISOString().slice(0, 10)).toBe('2021-12-31');
        expect(s.note).toBeTruthy();
      }
    });

    it('has each named SOE with its category and level', async () => {
      for (const [name, category, level] of FACT_SOES) {
        const soe = await prisma.soe.findUniqueOrThrow({ where: { name } });
        expect([soe.category, soe.level, soe.sourceId], name).toEqual([category, level, sourceIds.fact]);
        expect(soe.nameVerified, name).toBe(name !== '武汉农业集团');
        expect(soe.sourceNote && soe.nameEn, name).toBeTruthy();
      }
      expect((await prisma.soe.findUniqueOrThrow({ where: { name: '武汉农商行' } })).nameEn).toBe('Wuhan Rural Commercial Bank');
      expect((await prisma.soe.findUniqueOrThrow({ where: { name: '武汉旅游体育集团' } })).shortName).toBe('旅体集团');
    });

    it('has each named zone in its district and township', async () => {
      for (const [name, district, township] of FACT_ZONES) {
        const zone = await prisma.zone.findFirstOrThrow({ where: { name }, include: { district: true, township: true } });
        expect([zone.district.name, zone.township?.name ?? null, zone.sourceId], name).toEqual([district, township, sourceIds.fact]);
        expect(zone.sourceNote, name).toBeTruthy();
        expect(zone.mechanisms.sort(), name).toEqual(['DELIBERATION', 'EVALUATION', 'TASK_LIST', 'VISITS']);
        expect(zone.firstSecretary, name).toBeNull();
        expect(zone.secretary, name).toBe(name === '童周岭片区' ? '夏宗祥' : null);
      }
      const fengHuang = await prisma.township.findFirstOrThrow({ where: { name: '凤凰镇' } });
      expect(fengHuang.kind).toBe('TOWN');
      const minzhu = await prisma.zone.findFirstOrThrow({ where: { name: '民主片区' }, include: { villages: true } });
      expect(minzhu.villages).toHaveLength(5);
      const maojiachong = minzhu.villages.find((v) => v.name === '毛家冲村');
      expect(maojiachong).toMatchObject({ sourceId: sourceIds.fact, population: null, households: null });
      expect(minzhu.villages.filter((v) => v.sourceId === sourceIds.sample)).toHaveLength(4);
      const yaojiashan = await prisma.village.findFirstOrThrow({ where: { name: '姚家山村' }, include: { zone: true } });
      expect([yaojiashan.zone.name, yaojiashan.sourceId, yaojiashan.population]).toEqual(['姚家山片区', sourceIds.fact, null]);
    });

    it('has each pairing the source reports', async () => {
      const pairings = await prisma.pairing.findMany({ where: { sourceId: sourceIds.fact }, include: { soe: true, zone: true } });
      expect(pairings.map((p) => [p.soe.name, p.zone.name]).sort()).toEqual(FACT_PAIRINGS.map((p) => [...p]).sort());
      const march = pairings.find((p) => p.zone.name === '民主片区')!;
      expect(march.since.toISOString().slice(0, 10)).toBe('2021-03-01');
    });

    it('has each project the source names, with its SOE, zone and mode, and no invented figures', async () => {
      const projects = await prisma.project.findMany({ where: { sourceId: sourceIds.fact }, include: { soe: true, zone: true } });
      expect(projects.map((p) => [p.name, p.soe.name, p.zone?.name ?? null, p.mode]).sort()).toEqual(FACT_PROJECTS.map((p) => [...p]).sort());
      for (const p of projects) {
        expect(p.plannedInvestment, p.name).toBeNull();
        expect(p.sourceNote, p.name).toBeTruthy();
      }
      const first = projects.find((p) => p.name === '武汉红色原野生态发展有限公司')!;
      expect([first.jointVenture, first.startDate?.toISOString().slice(0, 10), first.method, first.outcomeArea])
        .toEqual(['武汉红色原野生态发展有限公司', '2021-03-01', 'DIRECT_INVESTMENT', 'INDUSTRY_BASE']);
      expect(projects.find((p) => p.name === '第八届知音故里油菜花节')!.status).toBe('COMPLETED');
      const links = await prisma.projectVillage.findMany({ where: { projectId: first.id }, include: { village: true } });
      expect(links.map((l) => l.village.name)).toEqual(['毛家冲村']);
    });

    it('has the joint ventures the source names as records, with their partners and no invented shares', async () => {
      const ventures = await prisma.jointVenture.findMany({
        where: { sourceId: sourceIds.fact },
        include: { zone: true, village: true, partners: { include: { soe: true, zone: true }, orderBy: { id: 'asc' } }, projects: { orderBy: { id: 'asc' } } },
        orderBy: { id: 'asc' },
      });
      expect(ventures).toHaveLength(3);
      const first = ventures[0]!;
      expect([first.name, first.zone?.name, first.village?.name, first.registeredOn?.toISOString().slice(0, 10)]).toEqual(['武汉红色原野生态发展有限公司', '民主片区', '毛家冲村', '2021-03-01']);
      expect(first.partners.map((p) => [p.kind, p.soe?.name ?? p.zone?.name, p.percent])).toEqual([['SOE', '武汉农业集团', null], ['ZONE_COMMITTEE', '民主片区', null]]);
      expect(first.projects.map((p) => p.name)).toEqual(['武汉红色原野生态发展有限公司']);
      expect(first.sourceNote).toContain('首个经济实体');
      // Every fact project that named a venture in free text is linked to its record.
      const named = await prisma.project.findMany({ where: { sourceId: sourceIds.fact, jointVenture: { not: null } }, include: { jointVentureRecord: true } });
      expect(named.length).toBe(4);
      for (const p of named) expect(p.jointVentureRecord?.name, p.name).toBe(p.jointVenture);
      expect(await prisma.jointVenturePartner.count({ where: { sourceId: sourceIds.fact, percent: { not: null } } })).toBe(0);
    });

    it('has 民主片区’s cooperative with its 5-year plan of 23 projects, and no fact shares or dividends', async () => {
      const c = await prisma.cooperative.findFirstOrThrow({ where: { sourceId: sourceIds.fact }, include: { zone: true } });
      expect([c.zone.name, c.name]).toEqual(['民主片区', '民主片区股份制经济联合社']);
      expect(c.plan).toContain('5年');
      expect(c.plan).toContain('23');
      expect(await prisma.cooperative.count({ where: { sourceId: sourceIds.fact } })).toBe(1);
      expect(await prisma.cooperativeShare.count({ where: { sourceId: sourceIds.fact } })).toBe(0);
      expect(await prisma.cooperativeDividend.count({ where: { sourceId: sourceIds.fact } })).toBe(0);
    });

    it('points every district at the source', async () => {
      const districts = await prisma.district.findMany();
      expect(districts.map((d) => d.name).sort()).toEqual(['东西湖区', '新洲区', '汉南区', '江夏区', '洪山区', '蔡甸区', '黄陂区'].sort());
      expect(districts.every((d) => d.sourceId === sourceIds.fact)).toBe(true);
    });
  });

  describe('the sample layer', () => {
    it('has 15 municipal SOEs, 40 zones all paired, and every municipal SOE paired', async () => {
      const soes = await prisma.soe.findMany({ include: { _count: { select: { pairings: true } } } });
      expect(soes).toHaveLength(16);
      expect(soes.filter((s) => s.level === 'MUNICIPAL')).toHaveLength(15);
      for (const s of soes) {
        expect(s._count.pairings, s.name).toBeGreaterThan(0);
        expect(s.liaisonLead, s.name).toBeTruthy();
      }
      const zones = await prisma.zone.findMany({ include: { _count: { select: { pairings: true, villages: true } } } });
      expect(zones).toHaveLength(40);
      for (const z of zones) {
        expect(z._count.pairings, z.name).toBeGreaterThan(0);
        expect(z._count.villages, z.name).toBeGreaterThanOrEqual(3);
        expect(z._count.villages, z.name).toBeLessThanOrEqual(6);
        if (z.sourceId === sourceIds.sample) expect(z.secretary && z.firstSecretary && z.townshipId, z.name).toBeTruthy();
      }
    });

    it('has 56 projects with the planned status mix, in paired zones, with the mode of their SOE', async () => {
      const projects = await prisma.project.findMany({ include: { soe: true, zone: { include: { pairings: true } }, villages: { include: { village: true } } } });
      expect(projects).toHaveLength(56);
      const byStatus = Object.fromEntries(['PREPARING', 'IN_PROGRESS', 'COMPLETED', 'SUSPENDED'].map((s) => [s, projects.filter((p) => p.status === s).length]));
      expect(byStatus).toEqual({ PREPARING: 10, IN_PROGRESS: 30, COMPLETED: 12, SUSPENDED: 4 });
      const modeOf: Record<string, string> = { AGRICULTURE: 'AGRI_FOR_AGRI', FINANCE: 'LOANS_FOR_INVESTORS', CONSTRUCTION: 'BUILD_FOR_FARMERS', COMMERCE: 'COMMERCE_LINKS_FARMS' };
      for (const p of projects.filter((x) => x.sourceId === sourceIds.sample)) {
        expect(p.mode, p.name).toBe(modeOf[p.soe.category] ?? 'OTHER');
        expect(p.zone!.pairings.some((pr) => pr.soeId === p.soeId), p.name).toBe(true);
        const planned = Number(p.plannedInvestment);
        expect(planned, p.name).toBeGreaterThanOrEqual(500_000);
        expect(planned, p.name).toBeLessThanOrEqual(50_000_000);
        expect(p.villages.length, p.name).toBeGreaterThanOrEqual(1);
        expect(p.villages.length, p.name).toBeLessThanOrEqual(3);
        expect(p.villages.every((v) => v.village.zoneId === p.zoneId), p.name).toBe(true);
        if (p.status === 'PREPARING') expect(p.startDate).toBeNull();
        else expect(p.startDate!.getUTCFullYear()).toBeGreaterThanOrEqual(2021);
      }
    });

    it('has incomes for every village for 2021–2024, exact to the fen', async () => {
      const { missing } = one(await prisma.$queryRaw<{ missing: number }[]>`
        SELECT count(*)::int AS missing FROM "Village" v
        WHERE (SELECT count(*) FROM "VillageIncome" i WHERE i."villageId" = v.id AND i.year BETWEEN 2021 AND 2024) <> 4`);
      expect(missing).toBe(0);
      const rows = await prisma.$queryRaw<{ amount: string }[]>`SELECT amount::text AS amount FROM "VillageIncome"`;
      expect(rows.every((r) => /^\d+\.\d{2}$/.test(r.amount))).toBe(true);
      const { total } = one(await prisma.$queryRaw<{ total: string }[]>`SELECT sum(amount)::text AS total FROM "VillageIncome"`);
      const expected = sumFen(buildSeedData().incomes.map((i) => i.amount as string));
      expect(sumFen([total])).toBe(expected);
      expect(sumFen(rows.map((r) => r.amount))).toBe(expected);
      const { planned } = one(await prisma.$queryRaw<{ planned: string }[]>`SELECT sum("plannedInvestment")::text AS planned FROM "Project"`);
      expect(sumFen([planned])).toBe(sumFen(buildSeedData().projects.flatMap((p) => (p.plannedInvestment ? [p.plannedInvestment as string] : []))));
    });

    it('averages above 500,000 yuan in 2025, with a minority of villages below', async () => {
      const [r] = await prisma.$queryRaw<{ avg: string; below: number; n: number }[]>`
        SELECT avg(amount)::text AS avg, count(*) FILTER (WHERE amount < 500000)::int AS below, count(*)::int AS n
        FROM "VillageIncome" WHERE year = 2025`;
      console.log(`2025 average village income: ${Number(r!.avg).toFixed(2)} yuan; ${r!.below} of ${r!.n} villages below 500,000`);
      expect(Number(r!.avg)).toBeGreaterThan(500_000);
      expect(Number(r!.avg)).toBeLessThan(650_000);
      expect(r!.below).toBeGreaterThan(0);
      expect(r!.below * 2).toBeLessThan(r!.n);
    });

    it('carries the deliberate oddities', async () => {
      const { jumps } = one(await prisma.$queryRaw<{ jumps: number }[]>`
        SELECT count(DISTINCT cur."villageId")::int AS jumps FROM "VillageIncome" cur
        JOIN "VillageIncome" prev ON prev."villageId" = cur."villageId" AND prev.year = cur.year - 1
        WHERE cur.amount > prev.amount * 5`);
      expect(jumps).toBe(1);
      const { no2025 } = one(await prisma.$queryRaw<{ no2025: number }[]>`
        SELECT count(*)::int AS no2025 FROM "Village" v
        WHERE NOT EXISTS (SELECT 1 FROM "VillageIncome" i WHERE i."villageId" = v.id AND i.year = 2025)`);
      expect(no2025).toBeGreaterThanOrEqual(2);
      expect(no2025).toBeLessThanOrEqual(3);
      const { over } = one(await prisma.$queryRaw<{ over: number }[]>`
        SELECT count(*)::int AS over FROM "Beneficiary" b JOIN "Village" v ON v.id = b."villageId" WHERE b.people > v.population`);
      expect(over).toBe(1);
      const { stale } = one(await prisma.$queryRaw<{ stale: number }[]>`
        SELECT count(*)::int AS stale FROM "Project" p
        WHERE p.status = 'IN_PROGRESS'
          AND coalesce((SELECT max(period) FROM "ProjectUpdate" u WHERE u."projectId" = p.id), p."startDate") < DATE '2025-12-31' - 60`);
      expect(stale).toBeGreaterThanOrEqual(3);
      expect(stale).toBeLessThanOrEqual(4);
      const disputed = await prisma.projectUpdate.findMany({ where: { confirmation: 'DISPUTED' } });
      expect(disputed.length).toBeGreaterThanOrEqual(1);
      expect(disputed.length).toBeLessThanOrEqual(2);
      expect(disputed.every((u) => u.disputeReason)).toBe(true);
      expect(await prisma.projectUpdate.count({ where: { confirmation: 'PENDING' } })).toBeGreaterThan(0);
    });

    it('keeps project updates consistent', async () => {
      const bad = await prisma.$queryRaw<{ id: number }[]>`
        SELECT u.id FROM (
          SELECT u.*, lag("progressPct") OVER w AS p0, lag("investmentToDate") OVER w AS i0,
                 lag("jobsCreated") OVER w AS j0, lag("incomeToVillages") OVER w AS v0
          FROM "ProjectUpdate" u WINDOW w AS (PARTITION BY "projectId" ORDER BY period)) u
        JOIN "Project" p ON p.id = u."projectId"
        WHERE u."progressPct" < coalesce(u.p0, 0) OR u."investmentToDate" < coalesce(u.i0, 0)
           OR u."jobsCreated" < coalesce(u.j0, 0) OR u."incomeToVillages" < coalesce(u.v0, 0)
           OR u."progressPct" NOT BETWEEN 0 AND 100 OR u."investmentToDate" > p."plannedInvestment"
           OR extract(day FROM u.period) <> 1 OR u."sourceId" <> ${sourceIds.sample}`;
      expect(bad).toEqual([]);
      const completed = await prisma.project.findMany({ where: { status: 'COMPLETED' }, include: { updates: { orderBy: { period: 'desc' }, take: 1 } } });
      for (const p of completed) expect(p.updates[0]?.progressPct, p.name).toBe(100);
      const preparing = await prisma.projectUpdate.count({ where: { project: { status: 'PREPARING' } } });
      expect(preparing).toBe(0);
      const people = await prisma.beneficiary.aggregate({ _sum: { people: true } });
      expect(people._sum.people).toBeGreaterThan(10_000);
      expect(people._sum.people).toBeLessThan(400_000);
      const ratings = await prisma.feedback.aggregate({ _min: { rating: true }, _max: { rating: true }, _count: true });
      expect(ratings._count).toBeGreaterThan(0);
      expect(ratings._min.rating).toBeGreaterThanOrEqual(1);
      expect(ratings._max.rating).toBeLessThanOrEqual(5);
    });

    it('points every record that is not a fact at the sample source', async () => {
      for (const t of SOURCED_TABLES) {
        const [r] = await prisma.$queryRawUnsafe<{ other: number }[]>(
          `SELECT count(*)::int AS other FROM "${t}" WHERE "sourceId" IS NULL OR "sourceId" NOT IN ($1, $2)`, sourceIds.fact, sourceIds.sample);
        expect(r!.other, t).toBe(0);
      }
      const factVillages = await prisma.village.findMany({ where: { sourceId: sourceIds.fact } });
      expect(factVillages.map((v) => v.name).sort()).toEqual(['姚家山村', '毛家冲村']);
      expect(await prisma.zone.count({ where: { sourceId: sourceIds.fact } })).toBe(11);
      expect(await prisma.soe.count({ where: { sourceId: sourceIds.fact } })).toBe(8);
      expect(await prisma.project.count({ where: { sourceId: sourceIds.fact } })).toBe(17);
      expect(await prisma.villageIncome.count({ where: { sourceId: sourceIds.fact } })).toBe(0);
      expect(await prisma.projectUpdate.count({ where: { sourceId: sourceIds.fact } })).toBe(0);
      // The source accredits no zone and counts no beneficiary or feedback: all of these are sample data.
      for (const t of ['Accreditation', 'Assessment', 'Beneficiary', 'Feedback']) {
        const [r] = await prisma.$queryRawUnsafe<{ fact: number }[]>(`SELECT count(*)::int AS fact FROM "${t}" WHERE "sourceId" = $1`, sourceIds.fact);
        expect(r!.fact, t).toBe(0);
      }
    });

    it('pays sample dividends never above the village’s income, with shares adding up to 100 %', async () => {
      const [above] = await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "CooperativeDividend" d JOIN "VillageIncome" i ON i."villageId" = d."villageId" AND i.year = d.year WHERE d.amount > i.amount`;
      expect(above!.n).toBe(0);
      expect(await prisma.cooperativeDividend.count()).toBeGreaterThan(50);
      const totals = await prisma.$queryRaw<{ total: string }[]>`SELECT sum(percent)::text AS total FROM "CooperativeShare" GROUP BY "cooperativeId"`;
      expect(totals.length).toBeGreaterThan(5);
      for (const t of totals) expect(t.total).toBe('100.00');
      // 毛家冲村 (the sample village account's neighbour) receives dividends through 民主片区's cooperative.
      const maojiachong = await prisma.village.findFirstOrThrow({ where: { name: '毛家冲村' }, include: { dividends: true } });
      expect(maojiachong.dividends.length).toBeGreaterThan(0);
    });

    it('keeps accreditation behind target and Zone.accreditedAt consistent', async () => {
      const accredited = await prisma.zone.count({ where: { accreditedAt: { not: null } } });
      expect(accredited).toBeGreaterThanOrEqual(30);
      expect(accredited).toBeLessThan(60);
      const inconsistent = await prisma.$queryRaw<{ id: number }[]>`
        SELECT z.id FROM "Zone" z
        LEFT JOIN "Accreditation" a ON a."zoneId" = z.id AND a.status = 'ACCREDITED'
        GROUP BY z.id, z."accreditedAt"
        HAVING count(a.id) > 1 OR z."accreditedAt" IS DISTINCT FROM max(a."accreditedOn")`;
      expect(inconsistent).toEqual([]);
      const rounds = await prisma.accreditation.findMany({ include: { assessments: true } });
      const of = (s: string) => rounds.filter((r) => r.status === s);
      expect(of('REJECTED')).toHaveLength(1);
      expect(of('REVOKED')).toHaveLength(1);
      expect(of('REVOKED')[0]!.closeReason).toBeTruthy();
      expect(of('CANDIDATE').length).toBeGreaterThanOrEqual(5);
      for (const r of of('ACCREDITED')) {
        expect(r.assessments.map((a) => a.criterion).sort()).toEqual(['DEVELOPMENT', 'GOVERNANCE', 'PARTY_BUILDING', 'SERVICES']);
        expect(r.assessments.every((a) => a.result === 'PASS' && a.assessedOn <= r.accreditedOn! && a.assessorName)).toBe(true);
      }
      for (const r of of('CANDIDATE')) {
        expect(r.assessments.length === 4 && r.assessments.every((a) => a.result === 'PASS')).toBe(false);
      }
      const years = new Set(of('ACCREDITED').map((r) => r.accreditedOn!.getUTCFullYear()));
      expect([...years].sort()).toEqual([2022, 2023, 2024, 2025]);
    });

    it('creates the sample accounts with their scopes', async () => {
      const users = await prisma.user.findMany({ include: { soe: true, village: true }, orderBy: { id: 'asc' } });
      expect(users.map((u) => [u.username, u.role, u.soe?.name ?? u.village?.name ?? null])).toEqual([
        ['admin', 'ORG_ADMIN', null],
        ['viewer', 'ORG_VIEWER', null],
        ['nongye', 'SOE_LIAISON', '武汉农业集团'],
        ['nongshang', 'SOE_LIAISON', '武汉农商行'],
        ['maojiachong', 'VILLAGE_COMMITTEE', '毛家冲村'],
        ['taoyuan', 'VILLAGE_COMMITTEE', '桃园村'],
      ]);
      const maojiachong = users.find((u) => u.username === 'maojiachong')!.village!;
      const taoyuan = users.find((u) => u.username === 'taoyuan')!.village!;
      expect(taoyuan.sourceId).toBe(sourceIds.sample);
      expect(taoyuan.zoneId).not.toBe(maojiachong.zoneId);
    });
  });

  describe('determinism and idempotence', () => {
    it('gives identical rows in a second fresh database', async () => {
      expect(await seed(other.url, {})).toEqual({ seeded: true });
      expect(await digests(other.prisma)).toEqual(await digests(prisma));
    });

    it('leaves a seeded database alone, and reseeds it the same with force', async () => {
      const before = await counts(prisma);
      const digest = await digests(prisma);
      expect(before.Zone).toBe(40);
      expect(await seed(db.url, {})).toEqual({ seeded: false });
      expect(await counts(prisma)).toEqual(before);
      expect(await seed(db.url, { force: true })).toEqual({ seeded: true });
      expect(await counts(prisma)).toEqual(before);
      expect(await digests(prisma)).toEqual(digest);
      // Sequences continue after the explicit ids.
      const zone = await prisma.source.create({ data: { code: 'probe', title: 'probe' } });
      expect(zone.id).toBe(3);
      await prisma.source.delete({ where: { id: zone.id } });
    });
  });
});
