'use server';

import { serverAction } from '@/lib/server-action';
import { deleteAttachment } from './mutations';

export const deleteAttachmentAction = serverAction(deleteAttachment, ['/projects', '/zones']);
