import { ReportedPanel, TargetsPanel } from '@/components/program/targets-panel';
import { SoeTable } from '@/components/program/soe-table';
import { ZoneTable } from '@/components/program/zone-table';
import { getProgramOverview } from '@/lib/program/queries';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const overview = await getProgramOverview();
  return (
    <div className="space-y-6">
      <TargetsPanel targets={overview.targets} />
      <ReportedPanel reported={overview.reported} />
      <ZoneTable zones={overview.zones} />
      <SoeTable soes={overview.soes} />
    </div>
  );
}
