'use server';

import { serverAction } from '@/lib/server-action';
import { changeProjectStatus, createProject, postProjectUpdate, updateProject } from './mutations';
import { giveFeedback, reviewUpdate } from './review-mutations';
import { answerDispute, closeDispute, reopenUpdate, returnUpdate, reviseUpdate } from './correction-mutations';

// A new project opens at once: its page, not a form whose zone and villages could disagree.
export const createProjectAction = serverAction(createProject, ['/projects'], { redirectTo: ({ id }) => `/projects/${id}?created=1` });
export const updateProjectAction = serverAction(updateProject, ['/projects']);
export const changeProjectStatusAction = serverAction(changeProjectStatus, ['/projects']);
export const postProjectUpdateAction = serverAction(postProjectUpdate, ['/projects', '/dashboard']);
export const reviewUpdateAction = serverAction(reviewUpdate, ['/projects', '/dashboard']);
export const reviseUpdateAction = serverAction(reviseUpdate, ['/projects', '/dashboard']);
export const answerDisputeAction = serverAction(answerDispute, ['/projects', '/dashboard']);
export const returnUpdateAction = serverAction(returnUpdate, ['/projects', '/dashboard']);
export const closeDisputeAction = serverAction(closeDispute, ['/projects', '/dashboard']);
export const reopenUpdateAction = serverAction(reopenUpdate, ['/projects', '/dashboard']);
export const giveFeedbackAction = serverAction(giveFeedback, ['/projects']);
