import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { clientMessages } from '@/lib/i18n/client-messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return {
    title: t('title'),
    description: t('subtitle'),
    // Files in public/ (scripts/icons.sh); app/manifest.ts links the manifest.
    icons: {
      icon: [
        { url: '/favicon.ico', sizes: '16x16 32x32' },
        { url: '/icons/icon.svg', type: 'image/svg+xml' },
      ],
      apple: { url: '/icons/apple-touch-icon.png', sizes: '180x180' },
    },
  };
}

// The header's red: the phone's status bar and the installed app's title bar.
export const viewport: Viewport = { themeColor: '#991b1b' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider messages={clientMessages(messages)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
