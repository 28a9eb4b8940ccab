import { z } from 'zod';
import { idSchema } from '@/lib/ids';

/** The feedback a page showed, up to its newest change: what the user has now seen. */
export const feedbackSeenSchema = z.object({ projectId: idSchema, upTo: z.coerce.date() });
