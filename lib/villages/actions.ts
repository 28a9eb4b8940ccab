'use server';

import { serverAction } from '@/lib/server-action';
import { reportIncome, saveVillage } from './mutations';

export const reportIncomeAction = serverAction(reportIncome, ['/villages', '/dashboard']);
export const saveVillageAction = serverAction(saveVillage, ['/admin/master', '/zones']);
