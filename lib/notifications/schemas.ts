import { z } from 'zod';
import { NotificationKind } from '@/lib/db/enums';
import { blankAsNull, enumOf } from '@/lib/validation';

/** One notification by id, or (no id) all of the user's own. */
export const markReadSchema = z.object({ id: z.coerce.number().int().positive().optional() });

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/**
 * Where and which reminders a user gets: an address, e-mail on or off, and the kinds received
 * (`on`, as the form's checkboxes send them), kept as the kinds turned off.
 */
export const preferencesSchema = z
  .object({
    email: blankAsNull(z.string().trim().max(254, 'validation.tooLong').pipe(z.email('validation.email'))),
    notifyByEmail: checkbox,
    on: z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(enumOf(NotificationKind)).max(10)),
  })
  .transform(({ on, ...rest }) => ({ ...rest, notifyOff: Object.values(NotificationKind).filter((k) => !on.includes(k)) }));

/** A group robot's address for the org department (`soeId` blank) or an SOE; blank removes it. */
export const webhookSchema = z.object({
  soeId: blankAsNull(z.coerce.number().int().positive()),
  url: blankAsNull(
    z
      .string()
      .trim()
      .max(500, 'validation.tooLong')
      .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'validation.webhookUrl'),
  ),
});
