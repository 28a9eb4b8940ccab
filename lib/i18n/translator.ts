import { createTranslator } from 'next-intl';
import { z } from 'zod';
import type { Locale } from './config';
import en from './messages/en.json';
import zhCN from './messages/zh-CN.json';

const MESSAGES = { 'zh-CN': zhCN, en } as const;
const ZOD_LOCALES = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };

/** Messages outside React (server actions' states, CLI, tests). */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] as typeof zhCN });
}

/**
 * Zod issues in the user's language: our schemas name a message key
 * ('validation.…'); anything else gets Zod's own translation.
 */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
  return (issue) => ZOD_LOCALES[locale](issue);
}

export function translateIssue(message: string, locale: Locale, params?: Record<string, string | number>) {
  if (!message.startsWith('validation.')) return message;
  const t = translator(locale);
  return t(message as Parameters<typeof t>[0], params);
}
