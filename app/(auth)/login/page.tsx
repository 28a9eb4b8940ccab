import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { LocaleSwitcher } from '@/components/ui/locale-switcher';
import { safeCallbackPath } from '@/lib/auth/callback';
import { getCurrentUser } from '@/lib/auth/current-user';

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, params, t] = await Promise.all([getCurrentUser(), searchParams, getTranslations()]);
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (user) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-red-800 to-red-950 px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-6 shadow-xl">
        <div className="mb-4 flex items-start justify-between gap-2">
          <div>
            <h1 className="text-xl font-semibold text-red-900">{t('app.title')}</h1>
            <p className="text-xs text-slate-600">{t('app.subtitle')}</p>
          </div>
          <LocaleSwitcher />
        </div>
        <h2 className="mb-3 text-base font-medium">{t('auth.title')}</h2>
        <SignInForm callbackUrl={callbackUrl} />
        <p className="mt-4 text-xs text-slate-500">{t('auth.sampleHint')}</p>
      </div>
    </main>
  );
}
