'use server';

import { serverAction } from '@/lib/server-action';
import { markFeedbackSeen } from './mutations';

export const feedbackSeenAction = serverAction(markFeedbackSeen, ['/todo']);
