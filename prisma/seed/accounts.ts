// Sample sign-in accounts, one per role and scope; created only when the sample data is seeded.
import type { Prisma, Role } from '../../lib/db/generated/client';
import { SAMPLE_ACCOUNT_VILLAGE } from './sample';

/** The one password of every sample account. */
export const SAMPLE_PASSWORD = 'Liancun@2025';

export type SampleAccount = {
  username: string;
  displayName: string;
  role: Role;
  /** What the account may see, in words (for the sign-in page and the README). */
  scope: string;
  soe?: string;
  village?: string;
};

export const SAMPLE_ACCOUNTS: readonly SampleAccount[] = [
  { username: 'admin', displayName: '组织部管理员（示例）', role: 'ORG_ADMIN', scope: '全部数据；维护主数据、示范片评定、用户、目标' },
  { username: 'viewer', displayName: '组织部查看（示例）', role: 'ORG_VIEWER', scope: '全部数据，只读' },
  { username: 'nongye', displayName: '武汉农业集团联村工作队（示例）', role: 'SOE_LIAISON', scope: '武汉农业集团的结对片区与项目', soe: '武汉农业集团' },
  { username: 'nongshang', displayName: '武汉农商行联村工作队（示例）', role: 'SOE_LIAISON', scope: '武汉农商行的结对片区与项目', soe: '武汉农商行' },
  { username: 'maojiachong', displayName: '毛家冲村村委会（示例）', role: 'VILLAGE_COMMITTEE', scope: '民主片区的项目与村；毛家冲村的收入与评议', village: '毛家冲村' },
  { username: 'taoyuan', displayName: `${SAMPLE_ACCOUNT_VILLAGE}村委会（示例）`, role: 'VILLAGE_COMMITTEE', scope: `${SAMPLE_ACCOUNT_VILLAGE}所在片区的项目与村；${SAMPLE_ACCOUNT_VILLAGE}的收入与评议`, village: SAMPLE_ACCOUNT_VILLAGE },
];

/** Creates the sample users (ids 1…n) inside the seed's transaction. */
export async function createSampleAccounts(tx: Prisma.TransactionClient, hash: (password: string) => Promise<string>) {
  const rows: Prisma.UserCreateManyInput[] = [];
  for (const [i, account] of SAMPLE_ACCOUNTS.entries()) {
    const soe = account.soe ? await tx.soe.findUniqueOrThrow({ where: { name: account.soe }, select: { id: true } }) : null;
    // Village names are unique in the seed, though the model only makes them unique per zone.
    const village = account.village ? await tx.village.findFirstOrThrow({ where: { name: account.village }, select: { id: true } }) : null;
    rows.push({
      id: i + 1, username: account.username, displayName: account.displayName, passwordHash: await hash(SAMPLE_PASSWORD), role: account.role,
      soeId: soe?.id ?? null, villageId: village?.id ?? null, locale: 'zh-CN',
    });
  }
  await tx.user.createMany({ data: rows });
  return rows.length;
}
