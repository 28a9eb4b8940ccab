import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ProjectForm } from '@/components/projects/project-form';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { listPairedZones } from '@/lib/projects/queries';

export default async function NewProjectPage() {
  const user = await requireUser();
  const zones = await listPairedZones(user);
  const allowed = zones.some((z) => can(user, 'project.create', { soeId: user.soeId ?? 0, zoneId: z.id, zoneSoeIds: [user.soeId ?? 0], villageIds: [] }));
  if (!allowed) notFound();
  const t = await getTranslations('projectForm');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('new')}</h1>
      <ProjectForm zones={zones} />
    </div>
  );
}
