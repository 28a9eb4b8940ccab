// Drill-down: each dashboard figure links to the filtered list behind it. The
// parameters are those the list pages parse (lib/projects, lib/zones, lib/villages queries).

type Params = Record<string, string | number | undefined>;
const href = (path: string, params: Params) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
};

export const drill = {
  projects: (p: { status?: string; mode?: string; outcome?: string; soe?: number; district?: number; citywide?: boolean; stale?: boolean; sort?: string; dir?: string } = {}) =>
    href('/projects', { ...p, citywide: p.citywide ? 1 : undefined, stale: p.stale ? 1 : undefined }),
  zones: (p: { modelZone?: 'accredited' | 'candidate' | 'none'; district?: number; paired?: boolean } = {}) =>
    href('/zones', { ...p, paired: p.paired ? 1 : undefined }),
  villages: (p: { year: number; band?: number; district?: number; missing?: boolean }) =>
    href('/villages', { ...p, missing: p.missing ? 1 : undefined }),
  soes: () => '/soes',
  soe: (id: number) => `/soes/${id}`,
};

/** A year's average rests on few villages when fewer than half of those it should count have reported. */
export function isFewVillages(reporting: number, eligible: number) {
  return eligible > 0 && reporting * 2 < eligible;
}
