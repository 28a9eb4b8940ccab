'use server';

import { serverAction } from '@/lib/server-action';
import { recordDividend, saveCooperative, saveShare, setCooperativeProjects } from './mutations';

export const saveCooperativeAction = serverAction(saveCooperative, ['/zones']);
export const saveShareAction = serverAction(saveShare, ['/zones']);
export const recordDividendAction = serverAction(recordDividend, ['/zones', '/villages']);
export const setCooperativeProjectsAction = serverAction(setCooperativeProjects, ['/zones', '/projects']);
