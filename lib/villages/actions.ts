'use server';

import { serverAction } from '@/lib/server-action';
import { reportIncome } from './mutations';

export const reportIncomeAction = serverAction(reportIncome, ['/villages', '/dashboard']);
