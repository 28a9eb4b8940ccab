import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ImportForm } from '@/components/imports/import-form';
import { requireUser } from '@/lib/auth/current-user';
import { imports } from '@/lib/imports/registry';

export default async function ImportsPage() {
  const user = await requireUser();
  const kinds = Object.entries(imports).filter(([, spec]) => spec.allowed(user)).map(([kind]) => kind);
  if (kinds.length === 0) notFound();
  const t = await getTranslations('imports');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      {kinds.map((kind) => (
        <ImportForm key={kind} kind={kind} />
      ))}
    </div>
  );
}
