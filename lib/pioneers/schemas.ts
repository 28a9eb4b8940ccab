import { z } from 'zod';
import { PioneerSide } from '@/lib/db/enums';
import { idSchema } from '@/lib/ids';
import { enumOf, plainText } from '@/lib/validation';

/** A pioneer team member: a name, a side and a role — nothing more about the person. */
export const memberSchema = z.object({
  zoneId: idSchema,
  name: plainText().min(2, 'validation.required').max(20, 'validation.tooLong'),
  side: enumOf(PioneerSide),
  role: plainText().min(1, 'validation.required').max(20, 'validation.tooLong'),
});

/** A pioneer post: a member of the project's zone team holding a named post on the project. */
export const postSchema = z.object({
  projectId: idSchema,
  memberId: z.coerce.number('validation.required').int('validation.required').positive('validation.required').max(2_147_483_647, 'validation.required'),
  title: plainText().min(2, 'validation.required').max(30, 'validation.tooLong'),
});

/** Removing a member from the team, or ending a post: which, and why (kept in the audit row). */
export const removeSchema = z.object({
  id: idSchema,
  reason: plainText().min(4, 'validation.reasonRequired').max(200, 'validation.tooLong'),
});
