import { z } from 'zod';
import { idSchema } from '@/lib/ids';
import { programPlanDate } from '@/lib/validation';

export const pairingSchema = z.object({ soeId: idSchema, zoneId: idSchema, since: programPlanDate });
export const endPairingSchema = z.object({ pairingId: idSchema, version: idSchema, until: programPlanDate });
