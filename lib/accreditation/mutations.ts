import { defineMutation, FieldError } from '@/lib/action';
import type { Prisma } from '@/lib/db/client';
import { allCriteriaPass, OPEN_STATUSES } from './rounds';
import { assessSchema, closeSchema, nominateSchema } from './schemas';

// Model-zone accreditation, the writes of the state machine in ./rounds.ts.

type Tx = Prisma.TransactionClient;
const roundFields = { id: true, zoneId: true, status: true, nominatedOn: true, accreditedOn: true, closedOn: true, closeReason: true, version: true } as const;

const round = (input: { accreditationId: number; version: number }) => ({ table: 'Accreditation' as const, id: input.accreditationId, version: input.version });

const roundExists = async (tx: Tx, id: number) => ((await tx.accreditation.count({ where: { id } })) ? {} : null);

export const nominateZone = defineMutation({
  schema: nominateSchema,
  action: 'accreditation.manage',
  resource: async (tx, input) => ((await tx.zone.count({ where: { id: input.zoneId } })) ? {} : null),
  async run({ tx, input, audit }) {
    await tx.$queryRaw`SELECT id FROM "Zone" WHERE id = ${input.zoneId} FOR UPDATE`;
    const open = await tx.accreditation.count({ where: { zoneId: input.zoneId, status: { in: OPEN_STATUSES } } });
    if (open) throw new FieldError('zoneId', 'validation.alreadyInAccreditation');
    const round = await tx.accreditation.create({ data: { zoneId: input.zoneId, nominatedOn: input.nominatedOn }, select: roundFields });
    await audit({ action: 'accreditation.nominate', entity: 'Accreditation', entityId: round.id, after: round });
    return { id: round.id };
  },
});

export const assessCriterion = defineMutation({
  schema: assessSchema,
  action: 'accreditation.manage',
  resource: (tx, input) => roundExists(tx, input.accreditationId),
  versioned: round,
  async run({ tx, input, user, audit }) {
    const before = await tx.accreditation.findUniqueOrThrow({ where: { id: input.accreditationId }, select: roundFields });
    if (before.status !== 'CANDIDATE') throw new FieldError('criterion', 'validation.roundClosed');
    if (input.assessedOn < before.nominatedOn) throw new FieldError('assessedOn', 'validation.beforeNomination');
    const assessment = { result: input.result, assessedOn: input.assessedOn, note: input.note ?? null, assessorName: input.assessorName, assessorId: user.id };
    await tx.assessment.upsert({
      where: { accreditationId_criterion: { accreditationId: before.id, criterion: input.criterion } },
      create: { accreditationId: before.id, criterion: input.criterion, ...assessment },
      update: { ...assessment, sourceId: null, version: { increment: 1 } },
    });
    const all = await tx.assessment.findMany({ where: { accreditationId: before.id }, select: { criterion: true, result: true, assessedOn: true } });
    const passed = allCriteriaPass(all);
    const accreditedOn = passed ? new Date(Math.max(...all.map((a) => a.assessedOn.getTime()))) : null;
    const after = await tx.accreditation.update({
      where: { id: before.id },
      data: { version: { increment: 1 }, ...(passed && { status: 'ACCREDITED', accreditedOn }) },
      select: roundFields,
    });
    if (passed) await tx.zone.update({ where: { id: before.zoneId }, data: { accreditedAt: accreditedOn, version: { increment: 1 } } });
    await audit({
      action: passed ? 'accreditation.accredit' : 'accreditation.assess',
      entity: 'Accreditation',
      entityId: before.id,
      before,
      after: { ...after, assessment: { criterion: input.criterion, ...assessment } },
    });
    return { accredited: passed, version: after.version };
  },
});

/** Closes a round: a candidacy is rejected, an accreditation revoked (the zone stops counting at once). */
export const closeAccreditation = defineMutation({
  schema: closeSchema,
  action: 'accreditation.manage',
  resource: (tx, input) => roundExists(tx, input.accreditationId),
  versioned: round,
  async run({ tx, input, audit }) {
    const before = await tx.accreditation.findUniqueOrThrow({ where: { id: input.accreditationId }, select: roundFields });
    if (before.status !== 'CANDIDATE' && before.status !== 'ACCREDITED') throw new FieldError('reason', 'validation.roundClosed');
    const revoking = before.status === 'ACCREDITED';
    const after = await tx.accreditation.update({
      where: { id: before.id },
      data: { status: revoking ? 'REVOKED' : 'REJECTED', closedOn: input.closedOn, closeReason: input.reason, version: { increment: 1 } },
      select: roundFields,
    });
    if (revoking) await tx.zone.update({ where: { id: before.zoneId }, data: { accreditedAt: null, version: { increment: 1 } } });
    await audit({ action: revoking ? 'accreditation.revoke' : 'accreditation.reject', entity: 'Accreditation', entityId: before.id, before, after });
    return { version: after.version };
  },
});
