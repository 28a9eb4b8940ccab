import 'server-only';
import { soeScope, zoneScope, type SessionUser } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';

/** The program at a glance: targets, reported figures, and the zones and SOEs the user may see. */
export async function getProgramOverview(user: SessionUser) {
  const prisma = db();
  const [targets, reported, zones, soes] = await Promise.all([
    prisma.programTarget.findMany({
      select: { metric: true, comparator: true, value: true, unit: true, deadline: true },
      orderBy: { metric: 'asc' },
    }),
    prisma.reportedStatistic.findMany({
      where: { soeId: null, zoneId: null, projectId: null },
      select: { metric: true, value: true, asOf: true, isLowerBound: true, source: { select: { title: true } } },
      orderBy: { metric: 'asc' },
    }),
    prisma.zone.findMany({
      where: zoneScope(user),
      select: {
        id: true,
        name: true,
        secretary: true,
        accreditedAt: true,
        district: { select: { name: true } },
        township: { select: { name: true } },
        source: { select: { isDemo: true } },
        _count: { select: { villages: true } },
        pairings: { where: { until: null }, select: { soe: { select: { name: true, shortName: true } } } },
      },
      orderBy: [{ district: { name: 'asc' } }, { name: 'asc' }],
    }),
    prisma.soe.findMany({
      where: soeScope(user),
      select: {
        id: true,
        name: true,
        category: true,
        level: true,
        nameVerified: true,
        source: { select: { isDemo: true } },
        _count: { select: { pairings: true, projects: true } },
      },
      orderBy: [{ level: 'asc' }, { name: 'asc' }],
    }),
  ]);
  return {
    targets: targets.map((t) => ({ ...t, value: t.value.toString() })),
    reported: reported.map((r) => ({ ...r, value: r.value.toString(), source: r.source.title })),
    zones: zones.map((z) => ({
      id: z.id,
      name: z.name,
      district: z.district.name,
      township: z.township?.name ?? null,
      secretary: z.secretary,
      accreditedAt: z.accreditedAt,
      isDemo: z.source?.isDemo ?? false,
      villages: z._count.villages,
      soes: z.pairings.map((p) => p.soe.shortName ?? p.soe.name),
    })),
    soes: soes.map((s) => ({
      id: s.id,
      name: s.name,
      category: s.category,
      level: s.level,
      nameVerified: s.nameVerified,
      isDemo: s.source?.isDemo ?? false,
      zones: s._count.pairings,
      projects: s._count.projects,
    })),
  };
}

export type ProgramOverview = Awaited<ReturnType<typeof getProgramOverview>>;

/** True when the database holds the synthetic demo set (the UI then shows a banner). */
export async function hasDemoData() {
  return (await db().source.count({ where: { isDemo: true } })) > 0;
}
