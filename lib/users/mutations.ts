import { defineMutation, FieldError } from '@/lib/action';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { changeOwnPasswordSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from './schemas';

// What the audit trail keeps of a user (never the hash).
const auditFields = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  soeId: true,
  villageId: true,
  active: true,
  sessionEpoch: true,
  version: true,
} as const;

export const createUser = defineMutation({
  schema: createUserSchema,
  action: 'user.manage',
  resource: async () => ({}),
  async run({ tx, input, audit }) {
    if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } }))
      throw new FieldError('username', 'validation.usernameTaken');
    if (input.soeId && !(await tx.soe.findUnique({ where: { id: input.soeId }, select: { id: true } })))
      throw new FieldError('soeId', 'validation.soeRequired');
    if (input.villageId && !(await tx.village.findUnique({ where: { id: input.villageId }, select: { id: true } })))
      throw new FieldError('villageId', 'validation.villageRequired');
    const { password, ...fields } = input;
    const user = await tx.user.create({
      data: { ...fields, passwordHash: await hashPassword(password) },
      select: auditFields,
    });
    await audit({ action: 'user.create', entity: 'User', entityId: user.id, after: user });
    return { id: user.id };
  },
});

/** A new password from an administrator: unlocks the account and ends the user's sessions. */
export const resetPassword = defineMutation({
  schema: resetPasswordSchema,
  action: 'user.manage',
  resource: async (tx, input) => ((await tx.user.count({ where: { id: input.userId } })) ? {} : null),
  versioned: (input) => ({ table: 'User', id: input.userId, version: input.version }),
  async run({ tx, input, audit }) {
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: auditFields });
    const passwordHash = await hashPassword(input.password);
    await tx.user.update({
      where: { id: input.userId },
      data: { passwordHash, failedLogins: 0, lockedUntil: null, sessionEpoch: { increment: 1 }, version: { increment: 1 } },
    });
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: auditFields });
    await audit({ action: 'user.resetPassword', entity: 'User', entityId: input.userId, before, after });
  },
});

/** Deactivating ends the user's sessions at once; reactivating lets them sign in again. */
export const setUserActive = defineMutation({
  schema: setActiveSchema,
  action: 'user.manage',
  resource: async (tx, input) => ((await tx.user.count({ where: { id: input.userId } })) ? {} : null),
  versioned: (input) => ({ table: 'User', id: input.userId, version: input.version }),
  async run({ tx, input, user, audit }) {
    if (input.userId === user.id && !input.active) throw new FieldError('active', 'validation.cannotDeactivateSelf');
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: auditFields });
    await tx.user.update({
      where: { id: input.userId },
      data: {
        active: input.active,
        ...(input.active ? { failedLogins: 0, lockedUntil: null } : { sessionEpoch: { increment: 1 } }),
        version: { increment: 1 },
      },
    });
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: auditFields });
    await audit({ action: input.active ? 'user.activate' : 'user.deactivate', entity: 'User', entityId: input.userId, before, after });
  },
});

/** Any user, their own password: ends every session of theirs, this one included. */
export const changeOwnPassword = defineMutation({
  schema: changeOwnPasswordSchema,
  action: 'user.changeOwnPassword',
  resource: async (_tx, _input, user) => ({ userId: user.id }),
  async run({ tx, input, user, audit }) {
    const current = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, version: true } });
    if (!(await verifyPassword(current.passwordHash, input.currentPassword)))
      throw new FieldError('currentPassword', 'validation.currentPasswordWrong');
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: auditFields });
    const after = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(input.newPassword), sessionEpoch: { increment: 1 }, version: { increment: 1 } },
      select: auditFields,
    });
    await audit({ action: 'user.changePassword', entity: 'User', entityId: user.id, before, after });
  },
});
