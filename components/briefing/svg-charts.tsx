import { moneyScale, moneyTick } from '@/components/dashboard/chart-scale';
import type { Dashboard } from '@/lib/dashboard/overview';
import type { Locale } from '@/lib/i18n/config';

// The briefing's two charts, drawn on the server as plain SVG (recharts runs in the browser
// only; a printed page must not wait for it). Figures straight from getDashboard.

const W = 340;
const H = 190;
const M = { top: 14, right: 10, bottom: 24, left: 40 };
const RED = '#991b1b';
const SLATE = '#64748b';
const AMBER = '#d97706';
const GRID = '#e2e8f0';

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** Accredited model zones per month (a step line), the straight-line trajectory (dashed) and the target. */
export function TrajectorySvg({ data, labels }: { data: Dashboard; labels: { title: string; actual: string; trajectory: string; target: string } }) {
  const { history, trajectory } = data.zones;
  const months = [...history.map((h) => h.month), ...trajectory.map((p) => p.month)];
  const first = Math.min(...months.map(monthIndex));
  const last = Math.max(...months.map(monthIndex), first + 1);
  const top = Math.max(data.goal.zones, ...history.map((h) => h.total), 1);
  const x = (m: string) => M.left + ((monthIndex(m) - first) / (last - first)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / top) * (H - M.top - M.bottom);
  const step = history.flatMap((h, i) => (i === 0 ? [`M${x(h.month)},${y(h.total)}`] : [`H${x(h.month)}`, `V${y(h.total)}`]));
  if (history.length) step.push(`H${x(data.now.toISOString().slice(0, 7))}`);
  const line = trajectory.map((p, i) => `${i ? 'L' : 'M'}${x(p.month).toFixed(1)},${y(p.value).toFixed(1)}`).join('');
  const ticks = [0, Math.round(top / 2), top];
  const years = [...new Set(months.map((m) => m.slice(0, 4)))].sort();
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby="chart-trajectory-title" data-chart="trajectory">
      <title id="chart-trajectory-title">{labels.title}</title>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke={GRID} />
          <text x={M.left - 4} y={y(v) + 3} fontSize="9" textAnchor="end" fill={SLATE}>{v}</text>
        </g>
      ))}
      {years.map((yr) => (
        <text key={yr} x={x(`${yr}-01`)} y={H - 8} fontSize="9" textAnchor="middle" fill={SLATE}>{yr}</text>
      ))}
      <line x1={M.left} x2={W - M.right} y1={y(data.goal.zones)} y2={y(data.goal.zones)} stroke={AMBER} strokeDasharray="4 3" />
      <text x={W - M.right} y={y(data.goal.zones) - 3} fontSize="9" textAnchor="end" fill={AMBER}>{labels.target}</text>
      <path d={line} fill="none" stroke={SLATE} strokeDasharray="5 4" />
      <path d={step.join('')} fill="none" stroke={RED} strokeWidth="2" />
      <g fontSize="9">
        <line x1={M.left + 4} x2={M.left + 20} y1={M.top} y2={M.top} stroke={RED} strokeWidth="2" />
        <text x={M.left + 24} y={M.top + 3}>{labels.actual}</text>
        <line x1={M.left + 84} x2={M.left + 100} y1={M.top} y2={M.top} stroke={SLATE} strokeDasharray="5 4" />
        <text x={M.left + 104} y={M.top + 3}>{labels.trajectory}</text>
      </g>
    </svg>
  );
}

/** Average village collective income per year, with the target as a red line. */
export function IncomeSvg({ data, locale, labels }: { data: Dashboard; locale: Locale; labels: { title: string } }) {
  const rows = data.income.byYear;
  const target = Number(data.goal.income);
  const top = Math.max(target, ...rows.map((r) => Number(r.average))) * 1.1;
  const scale = moneyScale(top, locale);
  const band = (W - M.left - M.right) / Math.max(rows.length, 1);
  const y = (v: number) => H - M.bottom - (v / top) * (H - M.top - M.bottom);
  const ticks = [0, target / 2, target];
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby="chart-income-title" data-chart="income">
      <title id="chart-income-title">{labels.title}</title>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke={GRID} />
          <text x={M.left - 4} y={y(v) + 3} fontSize="9" textAnchor="end" fill={SLATE}>{moneyTick(scale, v)}</text>
        </g>
      ))}
      {rows.map((r, i) => {
        const v = Number(r.average);
        const bx = M.left + i * band + band * 0.2;
        return (
          <g key={r.year}>
            <rect x={bx} y={y(v)} width={band * 0.6} height={H - M.bottom - y(v)} fill={SLATE}>
              <title>{`${r.year}: ${moneyTick(scale, v)}`}</title>
            </rect>
            <text x={bx + band * 0.3} y={y(v) - 3} fontSize="8" textAnchor="middle" fill="#0f172a">{moneyTick(scale, v)}</text>
            <text x={bx + band * 0.3} y={H - 8} fontSize="9" textAnchor="middle" fill={SLATE}>{r.year}</text>
          </g>
        );
      })}
      <line x1={M.left} x2={W - M.right} y1={y(target)} y2={y(target)} stroke={RED} strokeWidth="2" />
    </svg>
  );
}
