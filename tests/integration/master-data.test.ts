import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDashboard } from '../../lib/dashboard/overview';
import { createPairing, endPairing } from '../../lib/pairings/mutations';
import { saveSoe } from '../../lib/soes/mutations';
import { saveVillage } from '../../lib/villages/mutations';
import { saveZone } from '../../lib/zones/mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

describe('master data', () => {
  it('lets an administrator add and edit SOEs, zones, villages and pairings, and the dashboard follows', async () => {
    const { admin } = world.users;
    const before = (await getDashboard(admin))!.participation;
    const soe = await saveSoe(admin, { name: '丙集团', category: 'COMMERCE', level: 'MUNICIPAL', shortName: '丙' });
    expect(soe.status).toBe('ok');
    const soeId = soe.status === 'ok' ? soe.data.id : 0;
    expect(await saveSoe(admin, { name: '丙集团', category: 'COMMERCE', level: 'MUNICIPAL' })).toMatchObject({ fieldErrors: { name: ['已有同名记录。'] } });
    expect(await saveSoe(admin, { id: soeId, version: 1, name: '丙商业集团', category: 'COMMERCE', level: 'MUNICIPAL' })).toMatchObject({ status: 'ok' });
    expect(await saveSoe(admin, { id: soeId, version: 1, name: '丙集团X', category: 'COMMERCE', level: 'MUNICIPAL' })).toMatchObject({ status: 'conflict' });

    const zone = await saveZone(admin, { name: '丙片区', districtId: world.district.id, mechanisms: ['VISITS', 'VISITS'] });
    expect(zone.status).toBe('ok');
    const zoneId = zone.status === 'ok' ? zone.data.id : 0;
    expect((await database.prisma.zone.findUniqueOrThrow({ where: { id: zoneId } })).mechanisms).toEqual(['VISITS']);
    expect(await saveVillage(admin, { name: '丙一村', zoneId, population: '800', households: '' })).toMatchObject({ status: 'ok' });
    expect(await saveVillage(admin, { name: '丙一村', zoneId })).toMatchObject({ fieldErrors: { name: ['已有同名记录。'] } });

    const pairing = await createPairing(admin, { soeId, zoneId, since: '2026-01-01' });
    expect(pairing.status).toBe('ok');
    expect(await createPairing(admin, { soeId, zoneId, since: '2026-02-01' })).toMatchObject({ fieldErrors: { zoneId: ['该国企已与该片区结对。'] } });
    const after = (await getDashboard(admin))!.participation;
    expect(after).toMatchObject({ soes: before.soes + 1, pairedZones: before.pairedZones + 1 });

    const pairingId = pairing.status === 'ok' ? pairing.data.id : 0;
    expect(await endPairing(admin, { pairingId, version: 1, until: '2025-01-01' })).toMatchObject({ fieldErrors: { until: ['结束日期不能早于开始日期。'] } });
    expect(await endPairing(admin, { pairingId, version: 1, until: '2026-06-30' })).toMatchObject({ status: 'ok' });
    expect((await getDashboard(admin, new Date('2026-07-01T00:00:00Z')))!.participation.pairedZones).toBe(before.pairedZones);
  });

  it('is refused to everyone else, changing nothing', async () => {
    const count = await database.prisma.auditLog.count();
    for (const u of [world.users.viewer, world.users.liaisonA, world.users.villageA1]) {
      expect(await saveSoe(u, { name: '丁集团', category: 'COMMERCE', level: 'MUNICIPAL' })).toMatchObject({ status: 'denied' });
      expect(await saveZone(u, { name: '丁片区', districtId: world.district.id })).toMatchObject({ status: 'denied' });
      expect(await createPairing(u, { soeId: world.soeA.id, zoneId: world.zoneB.id, since: '2026-01-01' })).toMatchObject({ status: 'denied' });
    }
    expect(await database.prisma.auditLog.count()).toBe(count);
  });
});
