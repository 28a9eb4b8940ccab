'use server';

import { serverAction } from '@/lib/server-action';
import { saveCommitment, saveWeights } from './mutations';

export const saveCommitmentAction = serverAction(saveCommitment, ['/soes', '/soes/ranking']);
export const saveWeightsAction = serverAction(saveWeights, ['/soes/ranking']);
