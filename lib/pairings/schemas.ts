import { z } from 'zod';
import { idSchema } from '@/lib/ids';
import { calendarDate } from '@/lib/validation';

export const pairingSchema = z.object({ soeId: idSchema, zoneId: idSchema, since: calendarDate });
export const endPairingSchema = z.object({ pairingId: idSchema, version: idSchema, until: calendarDate });
