import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePeriods, getCityComparison, getDistrictComparison, getSoeComparison, type CompareFigures, type ComparePeriods } from '../../lib/dashboard/compare';
import { getIncomeByYear } from '../../lib/dashboard/queries';
import { Prisma } from '../../lib/db/client';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// Year on year (issue 17), recomputed here from the base rows in plain
// TypeScript, not SQL: each project's cumulative counted figures at the four
// cut-off days, the accreditations by day, the incomes by village. Then the
// periods themselves: a running year is compared to date, an ended one whole.
const NOW = new Date('2026-11-28T00:00:00Z');
const D = Prisma.Decimal;
type Dec = InstanceType<typeof Prisma.Decimal>;

type Base = {
  projects: { id: number; soeId: number; zoneId: number | null }[];
  zones: Map<number, number>; // zone → district
  updates: { projectId: number; period: Date; confirmation: string; investmentToDate: Dec; jobsCreated: number; incomeToVillages: Dec }[];
  pairings: { soeId: number; zoneId: number; since: Date; until: Date | null }[];
  accreditations: { id: number; zoneId: number; accreditedOn: Date | null }[];
  incomes: { zoneId: number; year: number; amount: Dec }[];
};

/** An SOE with neither pairings nor projects. */
const NOTHING: CompareFigures = {
  investment: '0', investmentLast: '0', jobs: 0, jobsLast: 0, incomeToVillages: '0', incomeToVillagesLast: '0',
  accredited: 0, accreditedLast: 0, averageIncome: null, averageIncomeLast: null,
};
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

function expected(base: Base, p: ComparePeriods) {
  const counted = base.updates.filter((u) => u.confirmation !== 'DISPUTED' && u.confirmation !== 'EXCLUDED');
  const at = (projectId: number, cut: Date) =>
    counted.filter((u) => u.projectId === projectId && u.period <= cut).sort((a, b) => +b.period - +a.period)[0];
  const cuts = [p.to, day(p.year - 1, 11, 31), p.lastTo, day(p.year - 2, 11, 31)];
  const flow = (projectId: number) => {
    const [a, b, c, d] = cuts.map((cut) => at(projectId, cut));
    const money = (u: typeof a, k: 'investmentToDate' | 'incomeToVillages') => (u ? u[k] : new D(0));
    return {
      inv: money(a, 'investmentToDate').minus(money(b, 'investmentToDate')),
      invLast: money(c, 'investmentToDate').minus(money(d, 'investmentToDate')),
      jobs: (a?.jobsCreated ?? 0) - (b?.jobsCreated ?? 0),
      jobsLast: (c?.jobsCreated ?? 0) - (d?.jobsCreated ?? 0),
      inc: money(a, 'incomeToVillages').minus(money(b, 'incomeToVillages')),
      incLast: money(c, 'incomeToVillages').minus(money(d, 'incomeToVillages')),
    };
  };
  const inPeriod = (d: Date, last: boolean) => d >= day(last ? p.year - 1 : p.year, 0, 1) && d <= (last ? p.lastTo : p.to);
  const overlapsYear = (pr: Base['pairings'][number], year: number) => pr.since <= day(year, 11, 31) && (!pr.until || pr.until >= day(year, 0, 1));
  const average = (incomes: Base['incomes'], year: number) => {
    const of = incomes.filter((i) => i.year === year);
    return of.length ? of.reduce((s, i) => s.plus(i.amount), new D(0)).div(of.length).toFixed(2) : null;
  };
  const group = (projects: Base['projects'], accreditations: Base['accreditations'], incomes: Base['incomes'], lastIncomes = incomes): CompareFigures => {
    const flows = projects.map((pr) => flow(pr.id));
    const sum = (k: 'inv' | 'invLast' | 'inc' | 'incLast') => flows.reduce((s, f) => s.plus(f[k]), new D(0)).toFixed(2);
    return {
      investment: sum('inv'),
      investmentLast: sum('invLast'),
      jobs: flows.reduce((s, f) => s + f.jobs, 0),
      jobsLast: flows.reduce((s, f) => s + f.jobsLast, 0),
      incomeToVillages: sum('inc'),
      incomeToVillagesLast: sum('incLast'),
      accredited: accreditations.filter((a) => a.accreditedOn && inPeriod(a.accreditedOn, false)).length,
      accreditedLast: accreditations.filter((a) => a.accreditedOn && inPeriod(a.accreditedOn, true)).length,
      averageIncome: average(incomes, p.incomeYear),
      averageIncomeLast: average(lastIncomes, p.incomeYear - 1),
    };
  };
  const soes = [...new Set(base.pairings.map((x) => x.soeId).concat(base.projects.map((x) => x.soeId)))];
  const bySoe = new Map(
    soes.map((soe) => {
      const pairings = base.pairings.filter((x) => x.soeId === soe);
      const pairedOn = (zoneId: number, d: Date) => pairings.some((x) => x.zoneId === zoneId && x.since <= d && (!x.until || x.until >= d));
      const incomesOf = base.incomes.filter((i) => pairings.some((x) => x.zoneId === i.zoneId && overlapsYear(x, i.year)));
      return [soe, group(base.projects.filter((x) => x.soeId === soe), base.accreditations.filter((a) => a.accreditedOn && pairedOn(a.zoneId, a.accreditedOn)), incomesOf)];
    }),
  );
  const districts = [...new Set(base.zones.values())];
  const byDistrict = new Map(
    districts.map((d) => [
      d,
      group(
        base.projects.filter((x) => x.zoneId !== null && base.zones.get(x.zoneId) === d),
        base.accreditations.filter((a) => base.zones.get(a.zoneId) === d),
        base.incomes.filter((i) => base.zones.get(i.zoneId) === d),
      ),
    ]),
  );
  const citywideProjects = group(base.projects.filter((x) => x.zoneId === null), [], []);
  const pairedIn = (i: Base['incomes'][number]) => base.pairings.some((x) => x.zoneId === i.zoneId && overlapsYear(x, i.year));
  const city = group(base.projects, base.accreditations, base.incomes.filter(pairedIn));
  return { bySoe, byDistrict, citywideProjects, city };
}

describe('year on year on the seed', () => {
  let database: TestDatabase;
  let base: Base;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.url, {});
    const db = database.prisma;
    const zones = await db.zone.findMany({ select: { id: true, districtId: true } });
    const incomes = await db.villageIncome.findMany({ select: { year: true, amount: true, village: { select: { zoneId: true } } } });
    base = {
      projects: await db.project.findMany({ select: { id: true, soeId: true, zoneId: true } }),
      zones: new Map(zones.map((z) => [z.id, z.districtId])),
      updates: await db.projectUpdate.findMany({
        select: { projectId: true, period: true, confirmation: true, investmentToDate: true, jobsCreated: true, incomeToVillages: true },
      }),
      pairings: await db.pairing.findMany({ select: { soeId: true, zoneId: true, since: true, until: true } }),
      accreditations: await db.accreditation.findMany({ select: { id: true, zoneId: true, accreditedOn: true } }),
      incomes: incomes.map((i) => ({ zoneId: i.village.zoneId, year: i.year, amount: i.amount })),
    };
  }, 120_000);
  afterAll(() => database.drop());

  it('compares a running year to date with the same stretch of last year, and an ended year whole', () => {
    expect(comparePeriods(NOW)).toEqual({ year: 2026, to: day(2026, 10, 28), lastTo: day(2025, 10, 28), toDate: true, incomeYear: 2025 });
    expect(comparePeriods(NOW, 2025)).toEqual({ year: 2025, to: day(2025, 11, 31), lastTo: day(2024, 11, 31), toDate: false, incomeYear: 2025 });
    expect(comparePeriods(NOW, 2024).incomeYear).toBe(2024);
    expect(comparePeriods(new Date('2028-02-29T00:00:00Z')).lastTo).toEqual(day(2027, 1, 28));
  });

  for (const year of [2026, 2025]) {
    it(`gives each SOE, district and the city the figures recomputed from the base rows (${year})`, async () => {
      const periods = comparePeriods(NOW, year);
      const want = expected(base, periods);
      const soes = await getSoeComparison(periods);
      const moving = soes.filter((s) => Number(s.investment) !== 0 || Number(s.investmentLast) !== 0);
      expect(moving.length).toBeGreaterThan(3); // the seed has flows in both periods
      for (const s of soes) {
        const { id, name: _name, ...figures } = s;
        expect(normalise(figures), `SOE ${s.name}`).toEqual(normalise(want.bySoe.get(id!) ?? NOTHING));
      }
      const districts = await getDistrictComparison(periods);
      for (const d of districts) {
        const { id, name: _name, ...figures } = d;
        expect(normalise(figures), `district ${d.name ?? '全市'}`).toEqual(normalise(id === null ? want.citywideProjects : want.byDistrict.get(id)!));
      }
      const city = await getCityComparison(periods);
      expect(normalise(city)).toEqual(normalise(want.city));
      // The districts and the 全市 row add up to the city's project flows and accreditations.
      const total = (k: 'investment' | 'incomeToVillages') => districts.reduce((s, d) => s.plus(d[k]), new D(0)).toFixed(2);
      expect(total('investment')).toBe(new D(city.investment).toFixed(2));
      expect(total('incomeToVillages')).toBe(new D(city.incomeToVillages).toFixed(2));
      expect(districts.reduce((s, d) => s + d.accredited, 0)).toBe(city.accredited);
      // The city's average income is the dashboard's for the same year.
      const byYear = await getIncomeByYear('500000');
      expect(city.averageIncome).toBe(byYear.find((y) => y.year === periods.incomeYear)?.average ?? null);
      expect(city.averageIncomeLast).toBe(byYear.find((y) => y.year === periods.incomeYear - 1)?.average ?? null);
    });
  }
});

/** Money compared as exact decimals with two places (SQL's text may carry more or fewer zeros). */
function normalise(f: CompareFigures) {
  const m = (v: string | null) => (v === null ? null : new D(v).toFixed(2));
  return {
    ...f,
    investment: m(f.investment),
    investmentLast: m(f.investmentLast),
    incomeToVillages: m(f.incomeToVillages),
    incomeToVillagesLast: m(f.incomeToVillagesLast),
    averageIncome: m(f.averageIncome),
    averageIncomeLast: m(f.averageIncomeLast),
  };
}
