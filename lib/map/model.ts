import { meets } from '@/lib/metrics/trajectory';
import { projectWuhan } from './geo';

// What the map shows, worked out from figures the dashboard has already computed
// (getDashboard's district rows): the map never counts anything itself, so its shading
// and the district table agree by construction. Pure: no database, no locale.

export const MAP_MEASURES = ['income', 'accredited', 'investment'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

export function parseMeasure(value: unknown): MapMeasure {
  return MAP_MEASURES.includes(value as MapMeasure) ? (value as MapMeasure) : 'income';
}

export type ZoneStatus = 'accredited' | 'assessment' | 'none';
export type MapZone = {
  id: number;
  name: string;
  district: string;
  at: { lat: number; lng: number } | null;
  status: ZoneStatus;
  sampleLocation: boolean;
};

/** A district row as the dashboard gives it (lib/dashboard/overview.ts). */
export type DistrictFigures = { id: number | null; name: string | null; zones: number; accredited: number; averageIncome: string | null; made: string | null };

/** A class of the legend: values from `from` (inclusive) to `to` (exclusive; null: open), or a special class. */
export type Bin = { key: string; fill: string; from?: number; to?: number | null };

// Colours: a light-to-dark scale per measure, and the two special classes.
const NO_ZONES = '#ffffff';
const NO_DATA = '#e2e8f0';
const BELOW = ['#fef3c7', '#fcd34d', '#f59e0b'];
const MET = '#34d399';
const SCALE = ['#fee2e2', '#fca5a5', '#ef4444', '#b91c1c'];

/** The classes of a measure; income's are shares of the target, the others fixed steps. */
export function binsFor(measure: MapMeasure, incomeTarget: number): Bin[] {
  const special = [
    { key: 'noZones', fill: NO_ZONES },
    { key: 'noData', fill: NO_DATA },
  ];
  if (measure === 'income') {
    const t = incomeTarget;
    return [
      ...special,
      { key: 'below', fill: BELOW[0]!, from: 0, to: 0.5 * t },
      { key: 'below', fill: BELOW[1]!, from: 0.5 * t, to: 0.8 * t },
      { key: 'below', fill: BELOW[2]!, from: 0.8 * t, to: t },
      { key: 'met', fill: MET, from: t, to: null },
    ];
  }
  const steps = measure === 'accredited' ? [0, 1, 3, 6] : [0, 1, 10_000_000, 50_000_000];
  return [...special, ...steps.map((from, i) => ({ key: i === 0 ? 'zero' : 'range', fill: SCALE[i]!, from, to: steps[i + 1] ?? null }))];
}

/** The figure a district is shaded by: exactly the district table's (null: no figure). */
export function districtValue(d: DistrictFigures, measure: MapMeasure): number | null {
  if (measure === 'income') return d.averageIncome === null ? null : Number(d.averageIncome);
  if (measure === 'accredited') return d.accredited;
  return d.made === null ? null : Number(d.made);
}

export function binOf(bins: Bin[], measure: MapMeasure, d: DistrictFigures | undefined, income: { target: number; strict: boolean }): Bin {
  const [noZones, noData] = bins as [Bin, Bin];
  if (!d || d.zones === 0) return noZones;
  const v = districtValue(d, measure);
  if (v === null) return noData;
  // Income is met by the program's own rule (above 50万, strictly), not by where a bin starts.
  if (measure === 'income') return meets(v, income.target, income.strict) ? bins.at(-1)! : bins.slice(2, -1).findLast((b) => v >= b.from!) ?? bins[2]!;
  return bins.slice(2).findLast((b) => v >= b.from!) ?? bins[2]!;
}

export type MapModel = ReturnType<typeof buildMapModel>;

/**
 * At most this many points are drawn (model zones and zones in assessment first) and this many
 * unplaced zones listed by name: Wuhan has about 300 zones, a province many thousands, and a map of
 * 30,000 links helps nobody. What is left out is counted on the map, never dropped silently.
 */
export const MAP_MAX_POINTS = 2000;
export const MAP_MAX_LISTED = 50;
const STATUS_ORDER: Record<ZoneStatus, number> = { accredited: 0, assessment: 1, none: 2 };

/**
 * The districts as paths with their class, the zones with a location as points, and those
 * without one listed apart (never dropped). `focus` fits the view to one district.
 */
export function buildMapModel({
  districts,
  zones,
  measure,
  income,
  focus,
}: {
  districts: DistrictFigures[];
  zones: MapZone[];
  measure: MapMeasure;
  income: { target: number; strict: boolean };
  focus?: string;
}) {
  return shadeMap({ districts, measure, income, focus }, layOutZones(zones, focus));
}

export type ZoneLayer = ReturnType<typeof layOutZones>;

/**
 * The zones' part of the map, which depends on the zones and the view alone: computed once per
 * change of the data (lib/map/queries.ts), so a page never goes through a province's zones.
 */
export function layOutZones(zones: MapZone[], focus?: string) {
  const map = projectWuhan(600, 480, focus);
  const placed = zones.flatMap((z) => {
    const p = z.at ? map.project(z.at.lng, z.at.lat) : null;
    return p ? [{ ...z, x: p[0], y: p[1] }] : [];
  });
  const placedIds = new Set(placed.map((z) => z.id));
  const unplaced = zones.filter((z) => !placedIds.has(z.id));
  const drawn = placed.length > MAP_MAX_POINTS ? [...placed].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]).slice(0, MAP_MAX_POINTS) : placed;
  return {
    zones: drawn,
    /** Zones with a location that are not drawn (beyond MAP_MAX_POINTS), by status. */
    notDrawn: placed.length - drawn.length,
    /** Zones placed, by status (drawn or not): the legend's counts. */
    placedByStatus: Object.fromEntries((['accredited', 'assessment', 'none'] as ZoneStatus[]).map((s) => [s, placed.filter((z) => z.status === s).length])) as Record<ZoneStatus, number>,
    unplaced: unplaced.slice(0, MAP_MAX_LISTED),
    unplacedCount: unplaced.length,
    sampleLocations: zones.some((z) => z.at && z.sampleLocation),
  };
}

/** The districts shaded by `measure` from the dashboard's district figures, with the zones' layer. */
export function shadeMap(
  { districts, measure, income, focus }: { districts: DistrictFigures[]; measure: MapMeasure; income: { target: number; strict: boolean }; focus?: string },
  layer: ZoneLayer,
) {
  const map = projectWuhan(600, 480, focus);
  const bins = binsFor(measure, income.target);
  const byName = new Map(districts.filter((d) => d.name !== null).map((d) => [d.name!, d]));
  return {
    width: map.width,
    height: map.height,
    measure,
    bins,
    focus: focus ?? null,
    districts: map.districts.map((shape) => {
      const figures = byName.get(shape.name);
      return { ...shape, id: figures?.id ?? null, value: figures ? districtValue(figures, measure) : null, bin: binOf(bins, measure, figures, income) };
    }),
    ...layer,
  };
}
