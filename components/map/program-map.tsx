import type { Locale } from '@/lib/i18n/config';
import { formatCount, formatYuan } from '@/lib/i18n/format';
import { translator } from '@/lib/i18n/translator';
import { MAP_MAX_POINTS, MAP_MEASURES, type Bin, type MapMeasure, type MapModel, type ZoneStatus } from '@/lib/map/model';

// The program's map, drawn here on the server as one SVG: no tiles, no map library,
// no JavaScript in the browser. Plain props in, markup out (a test renders it with
// react-dom/server); every figure comes from the model, which takes the dashboard's.

const POINT: Record<ZoneStatus, { r: number; fill: string; stroke: string; strokeWidth: number }> = {
  accredited: { r: 5.5, fill: '#1d4ed8', stroke: '#ffffff', strokeWidth: 1.5 },
  assessment: { r: 4.5, fill: '#ffffff', stroke: '#1d4ed8', strokeWidth: 2.5 },
  none: { r: 3.5, fill: '#334155', stroke: '#ffffff', strokeWidth: 1 },
};
const STATUSES: ZoneStatus[] = ['accredited', 'assessment', 'none'];
/** Zones named per district in the table alternative; beyond them, a count. */
const MAP_TABLE_NAMES = 30;

export function ProgramMap({
  model,
  locale,
  measureHref,
  id = 'program-map',
  year,
}: {
  model: MapModel;
  locale: Locale;
  /** The link that switches the shading (null: no switch, as on the briefing). */
  measureHref: ((m: MapMeasure) => string) | null;
  id?: string;
  /** The year whose incomes the income measure shows. */
  year: number;
}) {
  const t = translator(locale);
  const measureName = (m: MapMeasure) => t(`map.measure.${m}`, { year });
  const value = (v: number | null) =>
    v === null ? t('map.bin.noData') : model.measure === 'accredited' ? t('map.count', { count: formatCount(v, locale) }) : formatYuan(v, locale);
  const amount = (v: number) => (model.measure === 'accredited' ? formatCount(v, locale) : formatYuan(v, locale));
  const binLabel = (b: Bin) => {
    if (b.key === 'noZones' || b.key === 'noData' || b.key === 'zero') return t(`map.bin.${b.key}`);
    if (b.key === 'met') return t('map.bin.met', { target: formatYuan(b.from!, locale) });
    if (b.to === null || b.to === undefined) return t('map.bin.open', { from: amount(b.from!) });
    if (model.measure === 'accredited') return t('map.bin.range', { from: amount(b.from!), to: amount(b.to - 1) });
    return t('map.bin.below', { from: amount(b.from!), to: amount(b.to) });
  };
  const status = (s: ZoneStatus) => t(`map.status.${s}`);
  const districtTitle = (name: string, v: number | null, bin: Bin) =>
    bin.key === 'noZones' ? t('map.districtNoZones', { district: name }) : t('map.districtTitle', { district: name, value: value(v) });
  // The table names a district's zones drawn on the map, the first MAP_TABLE_NAMES, then how many more.
  const zoneNames = (district: string) => {
    const inDistrict = model.zones.filter((z) => z.district === district);
    const names = inDistrict.slice(0, MAP_TABLE_NAMES).map((z) => `${z.name}（${status(z.status)}）`).join('、');
    return inDistrict.length > MAP_TABLE_NAMES ? t('map.andMore', { names, count: formatCount(inDistrict.length - MAP_TABLE_NAMES, locale) }) : names || '—';
  };
  const svgTitle = t('map.svgTitle', { measure: measureName(model.measure) });
  const shown = model.focus ? model.districts.filter((d) => d.name === model.focus) : model.districts;
  // The small urban districts have no zones: unlabelled (crowded), named in their <title> and the table.
  const labelled = model.focus ? shown : model.districts.filter((d) => d.bin.key !== 'noZones');
  return (
    <section aria-labelledby={`${id}-heading`} className="map rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-map={model.measure}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="font-semibold">
          {model.focus ? t('map.titleDistrict', { district: model.focus }) : t('map.title')}
        </h2>
        {measureHref && (
          <nav aria-label={t('map.measureLabel')} className="flex flex-wrap gap-1 text-sm print:hidden">
            <span className="text-slate-600">{t('map.measureLabel')}：</span>
            {MAP_MEASURES.map((m) => (
              <a
                key={m}
                href={measureHref(m)}
                aria-current={m === model.measure ? 'true' : undefined}
                className={m === model.measure ? 'rounded bg-red-800 px-2 text-white' : 'rounded px-2 text-red-900 underline'}
              >
                {measureName(m)}
              </a>
            ))}
          </nav>
        )}
      </div>
      <div className="mt-2 grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] print:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] print:gap-2">
        <svg
          viewBox={`0 0 ${model.width} ${model.height}`}
          width="100%"
          role="group"
          aria-labelledby={`${id}-title ${id}-desc`}
          className="block h-auto max-w-full"
          style={{ overflow: 'hidden' }}
        >
          <title id={`${id}-title`}>{svgTitle}</title>
          <desc id={`${id}-desc`}>{t('map.svgDesc', { measure: measureName(model.measure) })}</desc>
          <defs>
            <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#ffffff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#cbd5e1" strokeWidth="1.5" />
            </pattern>
          </defs>
          <g>
            {model.districts.map((d) => (
              <path
                key={d.name}
                d={d.d}
                fill={d.bin.key === 'noZones' ? `url(#${id}-hatch)` : d.bin.fill}
                stroke="#475569"
                strokeWidth={0.8}
                strokeLinejoin="round"
                data-district={d.name}
                data-district-id={d.id ?? undefined}
                data-value={d.value ?? undefined}
                data-fill={d.bin.fill}
              >
                <title>{districtTitle(d.name, d.value, d.bin)}</title>
              </path>
            ))}
          </g>
          <g aria-hidden="true" fontSize={model.focus ? 16 : 11} fill="#0f172a" textAnchor="middle" style={{ paintOrder: 'stroke' }} stroke="#ffffff" strokeWidth={3}>
            {labelled.map((d) => (
              <text key={d.name} x={d.label[0]} y={d.label[1]}>
                {d.name}
              </text>
            ))}
          </g>
          <g>
            {model.zones.map((z) => {
              const p = POINT[z.status];
              return (
                <a key={z.id} href={`/zones/${z.id}`} data-zone={z.id} data-status={z.status}>
                  <circle cx={z.x} cy={z.y} r={p.r} fill={p.fill} stroke={p.stroke} strokeWidth={p.strokeWidth}>
                    <title>{t('map.zoneTitle', { zone: z.name, district: z.district, status: status(z.status) })}</title>
                  </circle>
                </a>
              );
            })}
          </g>
        </svg>
        <div className="space-y-3 text-sm print:space-y-1 print:text-[10px]">
          <div>
            <p className="font-medium">{measureName(model.measure)}</p>
            <ul className="mt-1 space-y-0.5" data-legend>
              {model.bins.map((b, i) => (
                <li key={i} className="flex items-center gap-2">
                  <svg width="18" height="12" aria-hidden="true" className="shrink-0">
                    <rect width="18" height="12" fill={b.key === 'noZones' ? '#ffffff' : b.fill} stroke="#475569" strokeWidth="1" strokeDasharray={b.key === 'noZones' ? '2 2' : undefined} />
                  </svg>
                  {binLabel(b)}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <p className="font-medium">{t('map.zonesLegend')}</p>
            <ul className="mt-1 space-y-0.5">
              {STATUSES.map((s) => (
                <li key={s} className="flex items-center gap-2">
                  <svg width="18" height="14" aria-hidden="true" className="shrink-0">
                    <circle cx="9" cy="7" r={POINT[s].r} fill={POINT[s].fill} stroke={POINT[s].stroke === '#ffffff' ? POINT[s].fill : POINT[s].stroke} strokeWidth={POINT[s].strokeWidth} />
                  </svg>
                  {status(s)}
                  <span className="text-slate-500">（{formatCount(model.placedByStatus[s], locale)}）</span>
                </li>
              ))}
            </ul>
          </div>
          {model.notDrawn > 0 && <p className="text-xs text-slate-600">{t('map.notDrawn', { count: formatCount(model.notDrawn, locale), max: formatCount(MAP_MAX_POINTS, locale) })}</p>}
          <div data-unplaced={model.unplacedCount}>
            <p className="font-medium">{t('map.unplaced', { count: model.unplacedCount })}</p>
            {model.unplacedCount > 0 && (
              <>
                <p className="text-xs text-slate-600">{t('map.unplacedDesc')}</p>
                <ul className="mt-1 list-disc pl-5">
                  {model.unplaced.map((z) => (
                    <li key={z.id}>
                      <a href={`/zones/${z.id}`} className="text-red-900 hover:underline">
                        {z.name}
                      </a>{' '}
                      <span className="text-slate-500">
                        {z.district} · {status(z.status)}
                      </span>
                    </li>
                  ))}
                </ul>
                {model.unplacedCount > model.unplaced.length && (
                  <p className="mt-1 text-xs text-slate-600">{t('map.unplacedMore', { count: formatCount(model.unplacedCount - model.unplaced.length, locale) })}</p>
                )}
              </>
            )}
          </div>
        </div>
      </div>
      <details className="mt-2 text-sm print:hidden">
        <summary className="cursor-pointer text-red-900">{t('map.table')}</summary>
        <table className="stack-sm mt-2 w-full text-left">
          <caption className="sr-only">{svgTitle}</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3">{t('map.district')}</th>
              <th scope="col" className="py-1 pr-3 text-right">{measureName(model.measure)}</th>
              <th scope="col" className="py-1 pr-3">{t('map.zonesLegend')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr key={d.name} className="border-b border-slate-100">
                <td data-label={t('map.district')} className="py-1 pr-3">{d.name}</td>
                <td data-label={measureName(model.measure)} className="py-1 pr-3 text-right tabular-nums">
                  {d.bin.key === 'noZones' ? t('map.bin.noZones') : value(d.value)}
                </td>
                <td data-label={t('map.zonesLegend')} className="py-1 pr-3">
                  {zoneNames(d.name)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <p className="mt-2 text-xs text-slate-500" data-attribution>
        {t('map.attribution')}
        {model.sampleLocations && <span className="ml-1 font-medium text-amber-800">{t('map.sampleLocations')}</span>}
      </p>
    </section>
  );
}
