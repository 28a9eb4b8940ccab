'use server';

import { serverAction } from '@/lib/server-action';
import { createPairing, endPairing } from './mutations';

export const createPairingAction = serverAction(createPairing, ['/admin/master', '/zones', '/dashboard']);
export const endPairingAction = serverAction(endPairing, ['/admin/master', '/zones', '/dashboard']);
