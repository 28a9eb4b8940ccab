'use server';

import { serverAction } from '@/lib/server-action';
import { changeProjectStatus, createProject, postProjectUpdate, updateProject } from './mutations';
import { giveFeedback, reviewUpdate } from './review-mutations';

export const createProjectAction = serverAction(createProject, ['/projects']);
export const updateProjectAction = serverAction(updateProject, ['/projects']);
export const changeProjectStatusAction = serverAction(changeProjectStatus, ['/projects']);
export const postProjectUpdateAction = serverAction(postProjectUpdate, ['/projects', '/dashboard']);
export const reviewUpdateAction = serverAction(reviewUpdate, ['/projects']);
export const giveFeedbackAction = serverAction(giveFeedback, ['/projects']);
