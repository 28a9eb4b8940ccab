'use server';

import { serverAction } from '@/lib/server-action';
import { saveJointVenture } from './mutations';

export const saveJointVentureAction = serverAction(saveJointVenture, ['/zones', '/projects']);
