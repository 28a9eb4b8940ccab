'use server';

import { serverAction } from '@/lib/server-action';
import { changeOwnPassword, createUser, resetPassword, setUserActive } from './mutations';

export const createUserAction = serverAction(createUser, ['/admin/users']);
export const resetPasswordAction = serverAction(resetPassword, ['/admin/users']);
export const setUserActiveAction = serverAction(setUserActive, ['/admin/users']);
export const changeOwnPasswordAction = serverAction(changeOwnPassword);
