import { z } from 'zod';
import { SoeCategory, SoeLevel } from '@/lib/db/enums';
import { editFields, enumOf, nameSchema, optionalText } from '@/lib/validation';

export const soeSchema = z.object({
  ...editFields,
  name: nameSchema,
  shortName: optionalText(20),
  nameEn: optionalText(120),
  category: enumOf(SoeCategory),
  level: enumOf(SoeLevel),
  liaisonLead: optionalText(40),
});

