// The seed as plain rows with explicit ids, built in memory and inserted with createMany.
import type { Prisma } from '../../lib/db/generated/client';

export const FACT_SOURCE_ID = 1;
export const SAMPLE_SOURCE_ID = 2;

type Row<T> = T & { id: number };

export type SeedData = {
  sources: Row<Prisma.SourceCreateManyInput>[];
  districts: Row<Prisma.DistrictCreateManyInput>[];
  townships: Row<Prisma.TownshipCreateManyInput>[];
  soes: Row<Prisma.SoeCreateManyInput>[];
  zones: Row<Prisma.ZoneCreateManyInput>[];
  villages: Row<Prisma.VillageCreateManyInput>[];
  incomes: Row<Prisma.VillageIncomeCreateManyInput>[];
  pairings: Row<Prisma.PairingCreateManyInput>[];
  projects: Row<Prisma.ProjectCreateManyInput>[];
  projectVillages: Prisma.ProjectVillageCreateManyInput[];
  updates: Row<Prisma.ProjectUpdateCreateManyInput>[];
  beneficiaries: Row<Prisma.BeneficiaryCreateManyInput>[];
  feedback: Row<Prisma.FeedbackCreateManyInput>[];
  accreditations: Row<Prisma.AccreditationCreateManyInput>[];
  assessments: Row<Prisma.AssessmentCreateManyInput>[];
  phases: Row<Prisma.ProgramPhaseCreateManyInput>[];
  targets: Row<Prisma.ProgramTargetCreateManyInput>[];
  statistics: Row<Prisma.ReportedStatisticCreateManyInput>[];
  commitments: Row<Prisma.PairingCommitmentCreateManyInput>[];
  weights: Row<Prisma.AssessmentWeightsCreateManyInput>[];
  pioneers: Row<Prisma.PioneerMemberCreateManyInput>[];
  pioneerPosts: Row<Prisma.PioneerPostCreateManyInput>[];
  tasks: Row<Prisma.PracticalTaskCreateManyInput>[];
  cooperatives: Row<Prisma.CooperativeCreateManyInput>[];
  cooperativeShares: Row<Prisma.CooperativeShareCreateManyInput>[];
  dividends: Row<Prisma.CooperativeDividendCreateManyInput>[];
  jointVentures: Row<Prisma.JointVentureCreateManyInput>[];
  jointVenturePartners: Row<Prisma.JointVenturePartnerCreateManyInput>[];
};

export function emptySeedData(): SeedData {
  return {
    sources: [], districts: [], townships: [], soes: [], zones: [], villages: [], incomes: [],
    pairings: [], projects: [], projectVillages: [], updates: [], beneficiaries: [], feedback: [],
    accreditations: [], assessments: [], phases: [], targets: [], statistics: [], commitments: [], weights: [], pioneers: [], pioneerPosts: [], tasks: [],
    cooperatives: [], cooperativeShares: [], dividends: [], jointVentures: [], jointVenturePartners: [],
  };
}

/** Appends a row with the next id of its table. */
export function add<T extends object>(rows: (T & { id: number })[], row: T): T & { id: number } {
  const withId = { ...row, id: rows.length + 1 };
  rows.push(withId);
  return withId;
}

/** The row called `name` (throws if missing: the seed's own data must be consistent). */
export function byName<T extends { name: string }>(rows: readonly T[], name: string): T {
  const row = rows.find((r) => r.name === name);
  if (!row) throw new Error(`seed: no row named ${name}`);
  return row;
}

/** A calendar date (UTC midnight), as @db.Date columns hold it. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** The first day of a month counted from January 2021 (0 = 2021-01). */
/**
 * The sample data's last month (month 0 = 2021-01): 2026-10. Projects still in
 * progress report until then, so in late 2026 the dashboard's freshness flags
 * pick out only the deliberately stale ones.
 */
export const LAST_MONTH = 69;

export function monthStart(monthIndex: number): Date {
  return new Date(Date.UTC(2021 + Math.floor(monthIndex / 12), monthIndex % 12, 1));
}

export function monthIndexOf(date: Date): number {
  return (date.getUTCFullYear() - 2021) * 12 + date.getUTCMonth();
}

/** Integer fen (1/100 yuan) as an exact decimal string: 52341250 → '523412.50'. */
export function yuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new Error(`seed: bad amount ${fen}`);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

export const ALL_MECHANISMS = ['DELIBERATION', 'TASK_LIST', 'VISITS', 'EVALUATION'] as const;
