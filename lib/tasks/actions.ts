'use server';

import { serverAction } from '@/lib/server-action';
import { createTask, editTask, updateTask } from './mutations';

export const createTaskAction = serverAction(createTask, ['/zones', '/todo']);
export const updateTaskAction = serverAction(updateTask, ['/zones', '/todo']);
export const editTaskAction = serverAction(editTask, ['/zones', '/todo']);
