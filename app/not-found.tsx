import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-lg">{t('notFound')}</p>
      <Link href="/" className="mt-4 inline-block text-red-800 underline">
        {t('home')}
      </Link>
    </main>
  );
}
