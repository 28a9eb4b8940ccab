'use server';

import { serverAction } from '@/lib/server-action';
import { changeOwnPassword, changeUserAccess, createUser, resetPassword, setUserActive, unlockUser } from './mutations';

export const createUserAction = serverAction(createUser, ['/admin/users']);
export const resetPasswordAction = serverAction(resetPassword, ['/admin/users']);
export const setUserActiveAction = serverAction(setUserActive, ['/admin/users']);
export const changeOwnPasswordAction = serverAction(changeOwnPassword);
export const changeUserAccessAction = serverAction(changeUserAccess, ['/admin/users']);
export const unlockUserAction = serverAction(unlockUser, ['/admin/users']);
