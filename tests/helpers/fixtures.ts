import type { PrismaClient } from '../../lib/db/generated/client';
import type { SessionUser } from '../../lib/auth/policy';
import { hashPassword } from '../../lib/auth/password';

export const FIXTURE_PASSWORD = 'Fixture-pass-2025';

/**
 * A small world with two SOEs, each paired with its own zone, and one zone
 * paired with both: enough to tell in-scope from out-of-scope for every role.
 */
export async function buildWorld(prisma: PrismaClient) {
  const source = await prisma.source.create({ data: { code: 'fixture', title: 'Test fixture', isSample: true } });
  const district = await prisma.district.create({ data: { code: 'd1', name: '测试区', nameEn: 'Test' } });
  const [soeA, soeB] = await Promise.all(
    ['甲集团', '乙集团'].map((name) => prisma.soe.create({ data: { name, category: 'AGRICULTURE', sourceId: source.id } })),
  );
  const zone = (name: string) => prisma.zone.create({ data: { name, districtId: district.id, sourceId: source.id } });
  const [zoneA, zoneB, zoneShared] = await Promise.all([zone('甲片区'), zone('乙片区'), zone('共片区')]);
  const since = new Date('2021-01-01');
  await prisma.pairing.createMany({
    data: [
      { soeId: soeA!.id, zoneId: zoneA.id, since },
      { soeId: soeB!.id, zoneId: zoneB.id, since },
      { soeId: soeA!.id, zoneId: zoneShared.id, since },
      { soeId: soeB!.id, zoneId: zoneShared.id, since },
    ],
  });
  const village = (name: string, zoneId: number) => prisma.village.create({ data: { name, zoneId, population: 1000 } });
  const [villageA1, villageA2, villageB1] = await Promise.all([village('甲一村', zoneA.id), village('甲二村', zoneA.id), village('乙一村', zoneB.id)]);
  const project = (name: string, soeId: number, zoneId: number | null, villageIds: number[]) =>
    prisma.project.create({
      data: {
        name,
        soeId,
        zoneId,
        mode: 'AGRI_FOR_AGRI',
        method: 'DIRECT_INVESTMENT',
        outcomeArea: 'INDUSTRY_BASE',
        plannedInvestment: '1000000.00',
        villages: { create: villageIds.map((villageId) => ({ villageId })) },
      },
    });
  const projectA = await project('甲项目', soeA!.id, zoneA.id, [villageA1.id]);
  const projectB = await project('乙项目', soeB!.id, zoneB.id, [villageB1.id]);
  const projectCity = await project('甲全市项目', soeA!.id, null, []);

  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  const user = async (username: string, role: SessionUser['role'], scope: { soeId?: number; villageId?: number } = {}) => {
    const u = await prisma.user.create({ data: { username, displayName: username, role, passwordHash, ...scope } });
    const zoneId = scope.villageId ? (await prisma.village.findUniqueOrThrow({ where: { id: scope.villageId } })).zoneId : null;
    return { id: u.id, username, displayName: username, role, soeId: scope.soeId ?? null, villageId: scope.villageId ?? null, zoneId } satisfies SessionUser;
  };
  const users = {
    admin: await user('admin', 'ORG_ADMIN'),
    viewer: await user('viewer', 'ORG_VIEWER'),
    liaisonA: await user('liaison-a', 'SOE_LIAISON', { soeId: soeA!.id }),
    liaisonB: await user('liaison-b', 'SOE_LIAISON', { soeId: soeB!.id }),
    villageA1: await user('village-a1', 'VILLAGE_COMMITTEE', { villageId: villageA1.id }),
    villageA2: await user('village-a2', 'VILLAGE_COMMITTEE', { villageId: villageA2.id }),
    villageB1: await user('village-b1', 'VILLAGE_COMMITTEE', { villageId: villageB1.id }),
  };
  return { source, district, soeA: soeA!, soeB: soeB!, zoneA, zoneB, zoneShared, villageA1, villageA2, villageB1, projectA, projectB, projectCity, users };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** A complete, valid edit of a project as its form would send it. */
export async function projectEdit(prisma: PrismaClient, projectId: number, changes: Record<string, unknown> = {}) {
  const p = await prisma.project.findUniqueOrThrow({ where: { id: projectId }, include: { villages: true } });
  return {
    projectId: String(p.id),
    version: String(p.version),
    name: p.name,
    mode: p.mode,
    method: p.method,
    outcomeArea: p.outcomeArea,
    batch: p.batch,
    plannedInvestment: p.plannedInvestment?.toString() ?? '',
    startDate: p.startDate?.toISOString().slice(0, 10) ?? '',
    endDate: p.endDate?.toISOString().slice(0, 10) ?? '',
    description: p.description ?? '',
    villageIds: p.villages.map((v) => String(v.villageId)),
    ...changes,
  };
}
