'use server';

import { serverAction } from '@/lib/server-action';
import { createPairing, endPairing, saveSoe, saveVillage, saveZone } from './mutations';

export const saveSoeAction = serverAction(saveSoe, ['/admin/master', '/soes']);
export const saveZoneAction = serverAction(saveZone, ['/admin/master', '/zones']);
export const saveVillageAction = serverAction(saveVillage, ['/admin/master', '/zones']);
export const createPairingAction = serverAction(createPairing, ['/admin/master', '/zones', '/dashboard']);
export const endPairingAction = serverAction(endPairing, ['/admin/master', '/zones', '/dashboard']);
