// Prints the demo sign-ins at start-up, but only those that still exist, are active and are demo accounts.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/db/generated/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';

export async function printDemoAccounts(url: string, print: (line: string) => void = console.log) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const demoSource = await prisma.source.findFirst({ where: { isDemo: true }, select: { id: true } });
    if (!demoSource) return;
    const users = await prisma.user.findMany({
      // sessionEpoch 0: the password was never changed, so the printed one still works.
      where: { username: { in: DEMO_ACCOUNTS.map((a) => a.username) }, active: true, sessionEpoch: 0 },
      select: { username: true },
    });
    const present = new Set(users.map((u) => u.username));
    const accounts = DEMO_ACCOUNTS.filter((a) => present.has(a.username));
    if (accounts.length === 0) return;
    print(`Demo accounts (password ${DEMO_PASSWORD}; demo data only):`);
    for (const a of accounts) print(`  ${a.username.padEnd(12)} ${a.role.padEnd(18)} ${a.scope}`);
  } finally {
    await prisma.$disconnect();
  }
}
