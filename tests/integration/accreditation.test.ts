import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessCriterion, closeAccreditation, nominateZone } from '../../lib/accreditation/mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, type World } from '../helpers/fixtures';

let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
});
afterAll(() => database.drop());

type Criterion = 'PARTY_BUILDING' | 'DEVELOPMENT' | 'SERVICES' | 'GOVERNANCE';
const zoneRow = (id: number) => database.prisma.zone.findUniqueOrThrow({ where: { id } });
const round = (id: number) => database.prisma.accreditation.findUniqueOrThrow({ where: { id } });

describe('model-zone accreditation', () => {
  it('accredits a zone only when all four criteria pass, and revokes it with a reason', async () => {
    const { admin } = world.users;
    const nominated = await nominateZone(admin, { zoneId: world.zoneA.id, nominatedOn: '2025-03-01' });
    expect(nominated.status).toBe('ok');
    const id = nominated.status === 'ok' ? nominated.data.id : 0;
    expect(await nominateZone(admin, { zoneId: world.zoneA.id, nominatedOn: '2025-03-02' })).toMatchObject({
      status: 'invalid',
      fieldErrors: { zoneId: ['该片区已在评定中或已是示范片。'] },
    });

    const assess = async (criterion: Criterion, result: 'PASS' | 'FAIL', assessedOn: string) =>
      assessCriterion(admin, { accreditationId: id, version: (await round(id)).version, criterion, result, assessedOn, assessorName: '评定组' });

    expect(await assess('PARTY_BUILDING', 'PASS', '2025-04-01')).toMatchObject({ status: 'ok', data: { accredited: false } });
    expect(await assess('DEVELOPMENT', 'FAIL', '2025-04-02')).toMatchObject({ status: 'ok', data: { accredited: false } });
    expect(await assess('SERVICES', 'PASS', '2025-04-03')).toMatchObject({ status: 'ok', data: { accredited: false } });
    expect(await assess('GOVERNANCE', 'PASS', '2025-04-04')).toMatchObject({ status: 'ok', data: { accredited: false } });
    expect((await zoneRow(world.zoneA.id)).accreditedAt).toBeNull();
    // The failed criterion is assessed again and passes: now all four pass.
    expect(await assess('DEVELOPMENT', 'PASS', '2025-05-10')).toMatchObject({ status: 'ok', data: { accredited: true } });
    expect(await round(id)).toMatchObject({ status: 'ACCREDITED', accreditedOn: new Date('2025-05-10T00:00:00Z') });
    expect((await zoneRow(world.zoneA.id)).accreditedAt).toEqual(new Date('2025-05-10T00:00:00Z'));
    expect(await assess('SERVICES', 'FAIL', '2025-06-01')).toMatchObject({ status: 'invalid' });

    const r = await round(id);
    expect(await closeAccreditation(admin, { accreditationId: id, version: r.version, closedOn: '2025-09-01', reason: '' })).toMatchObject({
      status: 'invalid',
      fieldErrors: { reason: ['请写明原因（至少 4 个字）。'] },
    });
    expect(await closeAccreditation(admin, { accreditationId: id, version: r.version, closedOn: '2025-09-01', reason: '复核发现台账不实' })).toMatchObject({ status: 'ok' });
    expect(await round(id)).toMatchObject({ status: 'REVOKED', closeReason: '复核发现台账不实' });
    expect((await zoneRow(world.zoneA.id)).accreditedAt).toBeNull();
    // A revoked zone can be nominated again.
    expect((await nominateZone(admin, { zoneId: world.zoneA.id, nominatedOn: '2025-10-01' })).status).toBe('ok');
  });

  it('refuses bad dates and stale versions, and anyone but an administrator', async () => {
    const { admin, viewer, liaisonB } = world.users;
    const nominated = await nominateZone(admin, { zoneId: world.zoneB.id, nominatedOn: '2025-03-01' });
    const id = nominated.status === 'ok' ? nominated.data.id : 0;
    const base = { accreditationId: id, criterion: 'SERVICES', result: 'PASS', assessorName: 'x' };
    const v = (await round(id)).version;
    expect(await assessCriterion(admin, { ...base, version: v, assessedOn: '2025-02-01' })).toMatchObject({ fieldErrors: { assessedOn: ['评定日期不能早于列为候选的日期。'] } });
    expect(await assessCriterion(admin, { ...base, version: v, assessedOn: '2999-01-01' })).toMatchObject({ fieldErrors: { assessedOn: ['日期不能晚于今天。'] } });
    expect(await assessCriterion(admin, { ...base, version: v, assessedOn: '2025-13-45' })).toMatchObject({ status: 'invalid' });
    expect(await assessCriterion(admin, { ...base, version: v, criterion: 'LOOKS', assessedOn: '2025-04-01' })).toMatchObject({ status: 'invalid' });
    for (const actor of [viewer, liaisonB]) {
      expect(await nominateZone(actor, { zoneId: world.zoneShared.id, nominatedOn: '2025-03-01' })).toMatchObject({ status: 'denied' });
      expect(await assessCriterion(actor, { ...base, version: v, assessedOn: '2025-04-01' })).toMatchObject({ status: 'denied' });
    }
    expect((await database.prisma.assessment.count({ where: { accreditationId: id } }))).toBe(0);

    const [a, b] = await Promise.all([
      assessCriterion(admin, { ...base, version: v, assessedOn: '2025-04-01' }),
      assessCriterion(admin, { ...base, criterion: 'GOVERNANCE', version: v, assessedOn: '2025-04-01' }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['conflict', 'ok']);
    expect(await database.prisma.assessment.count({ where: { accreditationId: id } })).toBe(1);
  });
});
