import 'server-only';
import type { SessionUser } from '@/lib/auth/policy';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';
import { listZones, zoneListSchema } from '@/lib/zones/queries';
import { listProjects } from '@/lib/projects/queries';
import { MAX_EXPORT_ROWS, type Table } from './tabular';

type Exporter = (user: SessionUser, params: Record<string, string>, locale: Locale) => Promise<Table>;

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
        { key: 'demo', header: t('demo.tag') },
      ],
      rows: rows.map(({ isDemo, ...z }) => ({
        ...z,
        soes: z.soes.join('、'),
        accreditedAt: z.accreditedAt?.toISOString().slice(0, 10) ?? null,
        demo: isDemo ? t('demo.tag') : '',
      })),
    };
  },
  async projects(user, _params, locale) {
    const t = translator(locale);
    const rows = await listProjects(user);
    return {
      name: t('projects.title'),
      columns: [
        { key: 'id', header: 'ID' },
        { key: 'name', header: t('projects.name') },
        { key: 'soe', header: t('projects.soe') },
        { key: 'zone', header: t('projects.zone') },
        { key: 'status', header: t('projects.status') },
        { key: 'plannedInvestment', header: t('projects.planned') },
        { key: 'demo', header: t('demo.tag') },
      ],
      rows: rows.slice(0, MAX_EXPORT_ROWS + 1).map(({ isDemo, ...p }) => ({
        ...p,
        zone: p.zone ?? t('projects.cityWide'),
        status: t(`status.${p.status}` as 'status.PREPARING'),
        demo: isDemo ? t('demo.tag') : '',
      })),
    };
  },
};
