import { z } from 'zod';
import { plainText } from '@/lib/validation';

export const signInSchema = z.object({
  username: plainText().min(1).max(64),
  password: z.string().min(1).max(256),
});
