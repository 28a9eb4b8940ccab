import { ReportedPanel, TargetsPanel } from '@/components/program/targets-panel';
import { SoeTable } from '@/components/program/soe-table';
import { ZoneTable } from '@/components/program/zone-table';
import { requirePermission } from '@/lib/auth/current-user';
import { getProgramOverview } from '@/lib/program/queries';

export default async function DashboardPage() {
  const user = await requirePermission('dashboard.read', {});
  const overview = await getProgramOverview(user);
  return (
    <div className="space-y-6">
      <TargetsPanel targets={overview.targets} />
      <ReportedPanel reported={overview.reported} />
      <ZoneTable zones={overview.zones} />
      <SoeTable soes={overview.soes} />
    </div>
  );
}
