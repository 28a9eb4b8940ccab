'use server';

import { serverAction } from '@/lib/server-action';
import { savePhase } from './mutations';

export const savePhaseAction = serverAction(savePhase, ['/admin/program', '/dashboard']);
