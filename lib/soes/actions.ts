'use server';

import { serverAction } from '@/lib/server-action';
import { saveSoe } from './mutations';

export const saveSoeAction = serverAction(saveSoe, ['/admin/master', '/soes']);
