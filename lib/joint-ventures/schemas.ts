import { z } from 'zod';
import { optionalDay, optionalPercent } from '@/lib/cooperatives/schemas';
import { idSchema } from '@/lib/ids';
import { blankAsNull, editFields, optionalText, plainText } from '@/lib/validation';

/** A partner as a form names it: its kind and id ("SOE:3", "ZONE_COMMITTEE:2", "COOPERATIVE:1", "VILLAGE:5"). */
const partnerRef = z
  .string()
  .regex(/^(SOE|ZONE_COMMITTEE|COOPERATIVE|VILLAGE):\d{1,10}$/, 'validation.partnerUnknown')
  .transform((s) => {
    const [kind, id] = s.split(':') as ['SOE' | 'ZONE_COMMITTEE' | 'COOPERATIVE' | 'VILLAGE', string];
    return { kind, id: Number(id) };
  });

/** One partner row; a row left blank (no partner chosen, no share) is dropped. */
const partnerRow = z.object({ partner: partnerRef, percent: optionalPercent });
const partnerRows = z.preprocess(
  (rows) => (Array.isArray(rows) ? rows.filter((r) => r && typeof r === 'object' && ((r as { partner?: unknown }).partner ?? '') !== '') : rows),
  z.array(partnerRow).min(2, 'validation.partnersTwo').max(10, 'validation.partnersTooMany'),
);

/** A village–enterprise joint venture: the company, where it was set up, its partners and shares, the projects it runs. */
export const jointVentureSchema = z.object({
  ...editFields,
  name: plainText().min(2, 'validation.required').max(80, 'validation.tooLong'),
  registeredOn: optionalDay,
  zoneId: idSchema,
  villageId: blankAsNull(idSchema),
  description: optionalText(300),
  partners: partnerRows,
  projectIds: z.array(idSchema).max(500).default([]),
});
export type PartnerKind = z.output<typeof partnerRef>['kind'];
