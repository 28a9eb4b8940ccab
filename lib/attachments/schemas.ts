import { z } from 'zod';
import { AttachmentOwner, Criterion } from '@/lib/db/enums';
import { idSchema } from '@/lib/ids';
import { enumOf, plainText } from '@/lib/validation';
import { InspectedFile } from './inspect';

/** Which record: its kind and id (a round's id and the criterion for CRITERION). */
export const ownerSchema = z
  .object({ ownerKind: enumOf(AttachmentOwner), ownerId: idSchema, criterion: enumOf(Criterion).optional() })
  .refine((o) => (o.ownerKind === 'CRITERION') === (o.criterion !== undefined), { message: 'validation.required', path: ['criterion'] });

/** The file is one the server inspected itself (lib/attachments/inspect.ts): form input can never be one. */
export const addAttachmentSchema = z.intersection(ownerSchema, z.object({ file: z.instanceof(InspectedFile) }));

export const deleteAttachmentSchema = z.object({
  id: idSchema,
  reason: plainText().min(4, 'validation.reasonRequired').max(500, 'validation.tooLong'),
});
