// Seeds an empty database with the program facts and the sample layer, in one transaction.
import { hashPassword } from '../../lib/auth/password';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../../lib/db/generated/client';
import { createSampleAccounts } from './accounts';
import { buildSeedData } from './build';
import type { SeedData } from './data';

/** `sample: false` loads the facts layer only: no sample records and no sample accounts. */
export type SeedOptions = { force?: boolean; sample?: boolean; log?: (line: string) => void };

export async function seed(url: string, opts: SeedOptions = {}): Promise<{ seeded: boolean }> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const sample = opts.sample ?? true;
  const data = buildSeedData({ sample });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const seeded = await prisma.$transaction(
      async (tx) => {
        if (await hasData(tx)) {
          if (!opts.force) return false;
          await truncateAll(tx);
          log('Seed: emptied every table (--force).');
        }
        await insert(tx, data);
        if (sample) await createSampleAccounts(tx, hashPassword);
        await resetSequences(tx);
        return true;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    const ms = Math.round(performance.now() - started);
    log(seeded
      ? `Seed: ${data.zones.length} zones, ${data.villages.length} villages, ${data.projects.length} projects, ${data.updates.length} updates in ${ms} ms.`
      : 'Seed: the database already has data; nothing done (use --force to replace it).');
    return { seeded };
  } finally {
    await prisma.$disconnect();
  }
}

async function hasData(tx: Prisma.TransactionClient) {
  const counts = await Promise.all([tx.source.count(), tx.zone.count(), tx.soe.count(), tx.user.count()]);
  return counts.some((n) => n > 0);
}

async function modelTables(tx: Prisma.TransactionClient) {
  const rows = await tx.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  return rows.map((r) => `"${r.name.replaceAll('"', '""')}"`);
}

async function truncateAll(tx: Prisma.TransactionClient) {
  await tx.$executeRawUnsafe(`TRUNCATE TABLE ${(await modelTables(tx)).join(', ')} RESTART IDENTITY CASCADE`);
}

/** Rows carry explicit ids (the same on every run), so each sequence is moved past them afterwards. */
async function resetSequences(tx: Prisma.TransactionClient) {
  const serials = await tx.$queryRaw<{ tbl: string; col: string; seq: string }[]>`
    SELECT table_name AS tbl, column_name AS col, pg_get_serial_sequence(format('%I', table_name), column_name) AS seq
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`;
  for (const { tbl, col, seq } of serials) {
    await tx.$executeRawUnsafe(
      `SELECT setval($1::regclass, COALESCE((SELECT MAX("${col}") FROM "${tbl}"), 0) + 1, false)`,
      seq,
    );
  }
}

async function insert(tx: Prisma.TransactionClient, d: SeedData) {
  // In dependency order; each table in one statement.
  await tx.source.createMany({ data: d.sources });
  await tx.district.createMany({ data: d.districts });
  await tx.township.createMany({ data: d.townships });
  await tx.soe.createMany({ data: d.soes });
  await tx.zone.createMany({ data: d.zones });
  await tx.village.createMany({ data: d.villages });
  await tx.villageIncome.createMany({ data: d.incomes });
  await tx.pairing.createMany({ data: d.pairings });
  await tx.cooperative.createMany({ data: d.cooperatives });
  await tx.jointVenture.createMany({ data: d.jointVentures });
  await tx.jointVenturePartner.createMany({ data: d.jointVenturePartners });
  await tx.project.createMany({ data: d.projects });
  await tx.projectVillage.createMany({ data: d.projectVillages });
  await tx.projectUpdate.createMany({ data: d.updates });
  // Each sample update's history, as the migration that introduced it wrote it for older updates.
  await tx.$executeRaw`INSERT INTO "UpdateEvent" ("updateId", kind, "actorId", "createdAt") SELECT id, 'POSTED', "authorId", "createdAt" FROM "ProjectUpdate"`;
  await tx.$executeRaw`INSERT INTO "UpdateEvent" ("updateId", kind, reason, "actorId", "createdAt")
    SELECT id, (confirmation::text)::"UpdateEventKind", "disputeReason", "confirmedById", "updatedAt" FROM "ProjectUpdate" WHERE confirmation IN ('CONFIRMED', 'DISPUTED')`;
  await tx.beneficiary.createMany({ data: d.beneficiaries });
  await tx.feedback.createMany({ data: d.feedback });
  await tx.accreditation.createMany({ data: d.accreditations });
  await tx.assessment.createMany({ data: d.assessments });
  await tx.programPhase.createMany({ data: d.phases });
  await tx.programTarget.createMany({ data: d.targets });
  await tx.reportedStatistic.createMany({ data: d.statistics });
  await tx.pairingCommitment.createMany({ data: d.commitments });
  await tx.assessmentWeights.createMany({ data: d.weights });
  await tx.pioneerMember.createMany({ data: d.pioneers });
  await tx.pioneerPost.createMany({ data: d.pioneerPosts });
  await tx.practicalTask.createMany({ data: d.tasks });
  await tx.cooperativeShare.createMany({ data: d.cooperativeShares });
  await tx.cooperativeDividend.createMany({ data: d.dividends });
}
