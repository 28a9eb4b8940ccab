'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { LOCALE_COOKIE, locales } from './config';

const localeSchema = z.enum(locales);

/** Remembers the chosen language for a year. Anyone may choose a language. */
export async function setLocale(locale: string) {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: true,
  });
  revalidatePath('/', 'layout');
}
