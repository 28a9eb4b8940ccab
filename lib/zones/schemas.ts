import { z } from 'zod';
import { Mechanism } from '@/lib/db/enums';
import { idSchema } from '@/lib/ids';
import { blankAsNull, editFields, enumOf, nameSchema, optionalText } from '@/lib/validation';

export const zoneSchema = z.object({
  ...editFields,
  name: nameSchema,
  districtId: idSchema,
  townshipId: blankAsNull(idSchema),
  secretary: optionalText(40),
  firstSecretary: optionalText(40),
  mechanisms: z.array(enumOf(Mechanism)).max(4).default([]),
});

