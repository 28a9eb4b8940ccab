import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { requireSignedIn } from '@/lib/auth/current-user';

export default async function ChangePasswordPage() {
  await requireSignedIn();
  const t = await getTranslations('account');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <ChangePasswordForm />
    </div>
  );
}
