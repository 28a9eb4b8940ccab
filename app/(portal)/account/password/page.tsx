import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { requireSignedIn } from '@/lib/auth/current-user';

/** The one page open to a user who must still replace an administrator-chosen password. */
export default async function ChangePasswordPage() {
  const user = await requireSignedIn();
  const t = await getTranslations('account');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      {user.mustChangePassword && (
        <p role="alert" className="max-w-xl rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('mustChange')}
        </p>
      )}
      <ChangePasswordForm />
    </div>
  );
}
