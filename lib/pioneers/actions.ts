'use server';

import { serverAction } from '@/lib/server-action';
import { addPioneerMember, addPioneerPost } from './mutations';

export const addPioneerMemberAction = serverAction(addPioneerMember, ['/zones']);
export const addPioneerPostAction = serverAction(addPioneerPost, ['/projects']);
