import { defineMutation, FieldError } from '@/lib/action';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { countPasswordFailure, isLocked, LOCK_AFTER, recordLockedAttempt } from '@/lib/auth/sign-in';
import { changeAccessSchema, changeOwnPasswordSchema, createUserSchema, resetPasswordSchema, setActiveSchema, unlockSchema } from './schemas';

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
  mustChangePassword: true,
  lockedUntil: true,
  failedLogins: true,
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
    // The administrator knows this password: the user replaces it at first sign-in.
    const user = await tx.user.create({
      data: { ...fields, passwordHash: await hashPassword(password), mustChangePassword: true },
      select: auditFields,
    });
    await audit({ action: 'user.create', entity: 'User', entityId: user.id, after: user });
    return { id: user.id };
  },
});

/** A new password from an administrator: unlocks the account, ends the user's sessions, and must be replaced at the next sign-in. */
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
      data: { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, sessionEpoch: { increment: 1 }, version: { increment: 1 } },
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

/**
 * Another user's role and the scope it carries (an SOE, a village, none). It ends that user's
 * sessions: what they had open (menus, forms, lists) belonged to the old role, so they sign in
 * again and land where the new role starts. Never one's own (the policy refuses it).
 */
export const changeUserAccess = defineMutation({
  schema: changeAccessSchema,
  action: 'user.changeAccess',
  resource: async (tx, input) => ((await tx.user.count({ where: { id: input.userId } })) ? { userId: input.userId } : null),
  versioned: (input) => ({ table: 'User', id: input.userId, version: input.version }),
  async run({ tx, input, audit }) {
    if (input.soeId && !(await tx.soe.count({ where: { id: input.soeId } }))) throw new FieldError('soeId', 'validation.soeRequired');
    if (input.villageId && !(await tx.village.count({ where: { id: input.villageId } }))) throw new FieldError('villageId', 'validation.villageRequired');
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: auditFields });
    // Nothing to save (not a role decision: the same access as now).
    const access = (u: { role: string; soeId: number | null; villageId: number | null }) => `${u.role}:${u.soeId}:${u.villageId}`;
    if (access(before) === access(input)) throw new FieldError('role', 'validation.accessUnchanged');
    const after = await tx.user.update({
      where: { id: input.userId },
      data: { role: input.role, soeId: input.soeId, villageId: input.villageId, sessionEpoch: { increment: 1 }, version: { increment: 1 } },
      select: auditFields,
    });
    await audit({ action: 'user.changeAccess', entity: 'User', entityId: input.userId, before, after });
  },
});

/**
 * Lifts a lock left by too many wrong passwords. The password stays and the user's sessions are
 * kept (a lock stops new sign-ins, it never ended any); when the password itself is in doubt,
 * an administrator resets it instead.
 */
export const unlockUser = defineMutation({
  schema: unlockSchema,
  action: 'user.unlock',
  resource: async (tx, input) => ((await tx.user.count({ where: { id: input.userId } })) ? { userId: input.userId } : null),
  versioned: (input) => ({ table: 'User', id: input.userId, version: input.version }),
  async run({ tx, input, audit }) {
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: auditFields });
    if (!isLocked(before.lockedUntil)) throw new FieldError('userId', 'validation.notLocked');
    const after = await tx.user.update({
      where: { id: input.userId },
      data: { failedLogins: 0, lockedUntil: null, version: { increment: 1 } },
      select: auditFields,
    });
    await audit({ action: 'user.unlock', entity: 'User', entityId: input.userId, before, after });
  },
});

/**
 * Any user, their own password: ends every session of theirs, this one included.
 * A wrong current password counts, slows and locks exactly as at sign-in (the
 * same counter, lib/auth/sign-in.ts), so this form is no password oracle.
 */
export const changeOwnPassword = defineMutation({
  schema: changeOwnPasswordSchema,
  action: 'user.changeOwnPassword',
  resource: async (_tx, _input, user) => ({ userId: user.id }),
  async run({ tx, input, user, audit }) {
    const current = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, username: true, passwordHash: true, lockedUntil: true } });
    if (isLocked(current.lockedUntil)) {
      await recordLockedAttempt(current, 'auth.passwordCheckFailed', current.lockedUntil);
      throw new FieldError('currentPassword', 'validation.passwordLocked');
    }
    if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
      // Counted in its own transaction: this one is rolled back by the refusal.
      const failures = await countPasswordFailure(current, 'auth.passwordCheckFailed', 'badPassword');
      throw new FieldError('currentPassword', failures >= LOCK_AFTER ? 'validation.passwordLocked' : 'validation.currentPasswordWrong');
    }
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: auditFields });
    const after = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, failedLogins: 0, lockedUntil: null, sessionEpoch: { increment: 1 }, version: { increment: 1 } },
      select: auditFields,
    });
    await audit({ action: 'user.changePassword', entity: 'User', entityId: user.id, before, after });
  },
});

/** Signing out: ends every session of the user's, on every device, as a password change does (lib/auth/options.ts calls it). */
export const endOwnSessions = defineMutation({
  schema: z.object({}),
  action: 'user.endOwnSessions',
  resource: async (_tx, _input, user) => ({ userId: user.id }),
  async run({ tx, user, audit }) {
    const after = await tx.user.update({ where: { id: user.id }, data: { sessionEpoch: { increment: 1 } }, select: { id: true, sessionEpoch: true } });
    await audit({ action: 'auth.signOut', entity: 'User', entityId: user.id, after });
  },
});
