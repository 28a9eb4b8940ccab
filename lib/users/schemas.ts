import { z } from 'zod';
import { idSchema } from '@/lib/ids';
import { ROLE_SCOPE } from '@/lib/auth/policy';
import { Role } from '@/lib/db/enums';
import { blankAsUndefined, plainText } from '@/lib/validation';

const id = idSchema;
const optionalId = blankAsUndefined(id);

export const passwordSchema = z
  .string()
  .min(10, 'validation.passwordTooShort')
  .max(128, 'validation.passwordTooLong')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), 'validation.passwordWeak');

export const roleSchema = z.enum(Object.values(Role) as [Role, ...Role[]], 'validation.roleRequired');

/** A liaison needs an SOE, a village committee a village; organization staff have no scope (what is sent for another role is dropped). */
function withScope<T extends { role: Role; soeId?: number; villageId?: number }>(schema: z.ZodType<T>) {
  return schema
    .superRefine((v, ctx) => {
      if (ROLE_SCOPE[v.role] === 'soe' && !v.soeId) ctx.addIssue({ code: 'custom', path: ['soeId'], message: 'validation.soeRequired' });
      if (ROLE_SCOPE[v.role] === 'village' && !v.villageId)
        ctx.addIssue({ code: 'custom', path: ['villageId'], message: 'validation.villageRequired' });
    })
    .transform((v) => ({
      ...v,
      soeId: ROLE_SCOPE[v.role] === 'soe' ? (v.soeId ?? null) : null,
      villageId: ROLE_SCOPE[v.role] === 'village' ? (v.villageId ?? null) : null,
    }));
}

export const createUserSchema = withScope(
  z.object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9_.-]{3,32}$/, 'validation.usernameFormat'),
    displayName: plainText().min(1, 'validation.required').max(64, 'validation.tooLong'),
    role: roleSchema,
    soeId: optionalId,
    villageId: optionalId,
    password: passwordSchema,
  }),
);

/** Another user's role and scope, with the version of the account the form saw. */
export const changeAccessSchema = withScope(z.object({ userId: id, version: id, role: roleSchema, soeId: optionalId, villageId: optionalId }));

export const unlockSchema = z.object({ userId: id, version: id });

export const resetPasswordSchema = z.object({ userId: id, version: id, password: passwordSchema });

export const setActiveSchema = z.object({
  userId: id,
  version: id,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'validation.required').max(256),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'validation.passwordMismatch' });
