import 'server-only';
import { can, type SessionUser } from '@/lib/auth/policy';
import { getDistrictBreakdown, getSoeLeaderboard } from '@/lib/dashboard/queries';
import { latestCompleteYear } from '@/lib/metrics/trajectory';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';
import { listZones, zoneListSchema } from '@/lib/zones/queries';
import { listProjects, projectListSchema } from '@/lib/projects/queries';
import { MAX_EXPORT_ROWS, type Table } from './tabular';

/** null: the user may not see this table (the route answers 404). */
type Exporter = (user: SessionUser, params: Record<string, string>, locale: Locale) => Promise<Table | null>;

/** Every list that can be exported, each through the same scoped query as its page. */
export const exporters: Record<string, Exporter> = {
  async zones(user, params, locale) {
    const t = translator(locale);
    const { rows } = await listZones(user, { ...zoneListSchema.parse(params), page: 1 }, MAX_EXPORT_ROWS + 1);
    return {
      name: t('zones.title'),
      columns: [
        { key: 'name', header: t('zones.title') },
        { key: 'district', header: t('zones.district') },
        { key: 'township', header: t('zone.township') },
        { key: 'villages', header: t('zones.villages') },
        { key: 'projects', header: t('zones.projects') },
        { key: 'soes', header: t('zones.soes') },
        { key: 'accreditedAt', header: t('zones.accreditedAt') },
        { key: 'sample', header: t('sample.tag') },
      ],
      rows: rows.map(({ isSample, ...z }) => ({
        ...z,
        soes: z.soes.join('、'),
        accreditedAt: z.accreditedAt?.toISOString().slice(0, 10) ?? null,
        sample: isSample ? t('sample.tag') : '',
      })),
    };
  },
  async projects(user, params, locale) {
    const t = translator(locale);
    const { rows } = await listProjects(user, { ...projectListSchema.parse(params), page: 1 }, MAX_EXPORT_ROWS + 1);
    return {
      name: t('projects.title'),
      columns: [
        { key: 'id', header: 'ID' },
        { key: 'name', header: t('projects.name') },
        { key: 'soe', header: t('projects.soe') },
        { key: 'zone', header: t('projects.zone') },
        { key: 'status', header: t('projects.status') },
        { key: 'mode', header: t('projectForm.mode') },
        { key: 'plannedInvestment', header: t('projects.planned') },
        { key: 'lastUpdate', header: t('dashboard.lastUpdate') },
        { key: 'progressPct', header: t('updateForm.progress') },
        { key: 'sample', header: t('sample.tag') },
      ],
      rows: rows.map(({ isSample, ...p }) => ({
        ...p,
        mode: t(`enum.CooperationMode.${p.mode}` as 'enum.CooperationMode.OTHER'),
        lastUpdate: p.lastUpdate?.toISOString().slice(0, 7) ?? null,
        zone: p.zone ?? t('projects.cityWide'),
        status: t(`status.${p.status}` as 'status.PREPARING'),
        sample: isSample ? t('sample.tag') : '',
      })),
    };
  },
  async 'soe-leaderboard'(user, _params, locale) {
    if (!can(user, 'dashboard.read', {})) return null;
    const t = translator(locale);
    const rows = await getSoeLeaderboard(new Date());
    return {
      name: t('dashboard.soeBoard'),
      columns: [
        { key: 'name', header: t('dashboard.soeBoard') },
        { key: 'zones', header: t('dashboard.zones') },
        { key: 'projects', header: t('dashboard.count') },
        { key: 'planned', header: t('dashboard.planned') },
        { key: 'made', header: t('dashboard.made') },
        { key: 'lastUpdate', header: t('dashboard.lastUpdate') },
        { key: 'stale', header: t('dashboard.stale') },
      ],
      rows: rows.map(({ id: _id, ...r }) => ({ ...r, lastUpdate: r.lastUpdate?.toISOString().slice(0, 10) ?? null })),
    };
  },
  async districts(user, _params, locale) {
    if (!can(user, 'dashboard.read', {})) return null;
    const t = translator(locale);
    const now = new Date();
    const rows = await getDistrictBreakdown(latestCompleteYear(now), now);
    return {
      name: t('dashboard.districts'),
      columns: [
        { key: 'name', header: t('dashboard.districts') },
        { key: 'zones', header: t('zones.title') },
        { key: 'pairedZones', header: t('dashboard.pairedZones') },
        { key: 'villages', header: t('dashboard.villages') },
        { key: 'accredited', header: t('dashboard.accredited') },
        { key: 'averageIncome', header: t('dashboard.avgIncome') },
        { key: 'projects', header: t('dashboard.count') },
      ],
      rows: rows.map(({ id: _id, ...r }) => r),
    };
  },
};
