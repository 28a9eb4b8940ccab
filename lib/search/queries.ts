import 'server-only';
import { can, projectScope, soeScope, sqlScope, villageScope, zoneScope, type SessionUser } from '@/lib/auth/policy';
import { portalNow } from '@/lib/clock';
import { cachedUntilDataChanges } from '@/lib/dashboard/cache';
import { db } from '@/lib/db/client';
import { comparePinyin } from '@/lib/i18n/sort';
import { HAN, matchName, normalizeQuery, pinyinKey } from './match';

// The header's search across SOEs, zones, villages and projects. Each kind's names
// are read within the policy's scope (a village committee sees its own zone's), then
// matched in memory against their pinyin keys (lib/search/match.ts). The org department's names are
// kept until the data changes (lib/dashboard/cache.ts).

export const SEARCH_KINDS = ['soe', 'zone', 'village', 'project'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export type SearchHit = { id: number; name: string; context: string | null; href: string };
export type SearchGroup = { kind: SearchKind; total: number; hits: SearchHit[] };

/** Hits shown per kind; the total says how many more matched. */
export const HITS_PER_KIND = 20;

type Candidate = { id: number; name: string; alias?: string | null; context: string | null };

async function candidates(user: SessionUser, kind: SearchKind): Promise<Candidate[]> {
  switch (kind) {
    case 'soe':
      if (!can(user, 'soe.list', {})) return [];
      return (await db().soe.findMany({ where: soeScope(user), select: { id: true, name: true, shortName: true } })).map((s) => ({ id: s.id, name: s.name, alias: s.shortName, context: null }));
    case 'zone':
      return (await db().zone.findMany({ where: zoneScope(user), select: { id: true, name: true, district: { select: { name: true } } } })).map((z) => ({ id: z.id, name: z.name, context: z.district.name }));
    case 'village':
      return (await db().village.findMany({ where: villageScope(user), select: { id: true, name: true, zone: { select: { name: true } } } })).map((v) => ({ id: v.id, name: v.name, context: v.zone.name }));
    case 'project':
      return (await db().project.findMany({ where: projectScope(user), select: { id: true, name: true, zone: { select: { name: true } } } })).map((p) => ({ id: p.id, name: p.name, context: p.zone?.name ?? null }));
  }
}

const HREF: Record<SearchKind, (id: number) => string> = {
  soe: (id) => `/soes/${id}`,
  zone: (id) => `/zones/${id}`,
  village: (id) => `/villages/${id}`,
  project: (id) => `/projects/${id}`,
};

/** What `text` finds that the user may see, by kind; the best matches first (the whole name, its start, elsewhere), then in pinyin order. */
export async function search(user: SessionUser, text: string): Promise<SearchGroup[]> {
  const query = normalizeQuery(text);
  if (!query) return [];
  // The org department's names (a province's 240,000 took 3 s a search) are read once per state of
  // the data and role; a committee's or a liaison team's few are read each time (a copy per zone
  // would fill the cache a province's 30,000 zones share with the dashboard).
  const read = () => Promise.all(SEARCH_KINDS.map((kind) => candidates(user, kind)));
  const lists = sqlScope(user).all ? await cachedUntilDataChanges(portalNow().toISOString().slice(0, 10), read, `search:${user.role}`) : await read();
  // Chinese is matched on the characters alone: no name's pinyin is needed.
  const key = HAN.test(query) ? (name: string) => ({ name, plain: normalizeQuery(name), syllables: [] }) : pinyinKey;
  return SEARCH_KINDS.map((kind, i) => {
    const scored: (Candidate & { score: number })[] = [];
    for (const c of lists[i]!) {
      const scores = [matchName(key(c.name), query), c.alias ? matchName(key(c.alias), query) : null].filter((s) => s !== null);
      if (scores.length) scored.push({ ...c, score: Math.min(...scores) });
    }
    scored.sort((a, b) => a.score - b.score || comparePinyin(a.name, b.name));
    return { kind, total: scored.length, hits: scored.slice(0, HITS_PER_KIND).map((c) => ({ id: c.id, name: c.name, context: c.context, href: HREF[kind](c.id) })) };
  });
}
