import { z } from 'zod';
import { Mechanism } from '@/lib/db/enums';
import { idSchema } from '@/lib/ids';
import { blankAsNull, editFields, enumOf, nameSchema, optionalText } from '@/lib/validation';

/** Degrees as typed ("30.59"), within Wuhan's box; the district's own outline is checked by the mutation. */
const degrees = (min: number, max: number, message: `validation.${string}`) =>
  blankAsNull(z.coerce.number('validation.degrees').refine(Number.isFinite, 'validation.degrees').min(min, message).max(max, message));

export const zoneSchema = z.object({
  ...editFields,
  name: nameSchema,
  districtId: idSchema,
  townshipId: blankAsNull(idSchema),
  secretary: optionalText(40),
  firstSecretary: optionalText(40),
  mechanisms: z.array(enumOf(Mechanism)).max(4).default([]),
  /** The zone's place on the map (WGS84); both or neither. */
  lat: degrees(29.9, 31.4, 'validation.latInWuhan').default(null),
  lng: degrees(113.6, 115.1, 'validation.lngInWuhan').default(null),
});

