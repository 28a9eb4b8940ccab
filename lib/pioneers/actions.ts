'use server';

import { serverAction } from '@/lib/server-action';
import { addPioneerMember, addPioneerPost, removePioneerMember, removePioneerPost } from './mutations';

export const addPioneerMemberAction = serverAction(addPioneerMember, ['/zones']);
export const addPioneerPostAction = serverAction(addPioneerPost, ['/projects']);
export const removePioneerMemberAction = serverAction(removePioneerMember, ['/zones']);
export const removePioneerPostAction = serverAction(removePioneerPost, ['/projects']);
