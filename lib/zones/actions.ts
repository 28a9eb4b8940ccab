'use server';

import { serverAction } from '@/lib/server-action';
import { saveZone } from './mutations';

export const saveZoneAction = serverAction(saveZone, ['/admin/master', '/zones']);
