'use server';

import { serverAction } from '@/lib/server-action';
import { updateProject } from './mutations';

export const updateProjectAction = serverAction(updateProject, ['/projects']);
