// Prints the sample sign-ins at start-up, but only those that still exist, are active and are sample accounts.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/db/generated/client';
import { SAMPLE_ACCOUNTS, SAMPLE_PASSWORD } from './accounts';

export async function printSampleAccounts(url: string, print: (line: string) => void = console.log) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const sampleSource = await prisma.source.findFirst({ where: { isSample: true }, select: { id: true } });
    if (!sampleSource) return;
    const users = await prisma.user.findMany({
      // sessionEpoch 0: the password was never changed, so the printed one still works.
      where: { username: { in: SAMPLE_ACCOUNTS.map((a) => a.username) }, active: true, sessionEpoch: 0 },
      select: { username: true },
    });
    const present = new Set(users.map((u) => u.username));
    const accounts = SAMPLE_ACCOUNTS.filter((a) => present.has(a.username));
    if (accounts.length === 0) return;
    print(`Sample accounts (password ${SAMPLE_PASSWORD}; sample data only):`);
    for (const a of accounts) print(`  ${a.username.padEnd(12)} ${a.role.padEnd(18)} ${a.scope}`);
  } finally {
    await prisma.$disconnect();
  }
}
