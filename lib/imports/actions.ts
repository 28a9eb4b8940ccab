'use server';

import { serverAction } from '@/lib/server-action';
import { undoImport } from './mutations';

export const undoImportAction = serverAction(undoImport, ['/imports']);
