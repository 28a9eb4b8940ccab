'use client';

import { useRouter } from 'next/navigation';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { moneyScale, moneyTick, moneyWithUnit } from './chart-scale';
import type { Locale } from '@/lib/i18n/config';

// recharts leaves: plain data in, SVG out. Labels and units arrive translated.
// A bar with an `href` opens the list behind it (the same link is in the chart's table view).
const RED = '#991b1b';
const SLATE = '#64748b';
const FAINT = '#cbd5e1';
const AMBER = '#d97706';

function useOpen() {
  const router = useRouter();
  return (entry: unknown) => {
    const href = (entry as { payload?: { href?: string } } | undefined)?.payload?.href ?? (entry as { href?: string } | undefined)?.href;
    if (href) router.push(href);
  };
}

export function AccreditationChart({
  points,
  target,
  labels,
}: {
  points: { month: string; actual?: number; trajectory?: number }[];
  target: number;
  labels: { actual: string; trajectory: string; target: string; unit: string };
}) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={24} />
        <YAxis tick={{ fontSize: 11 }} domain={[0, Math.max(target, 10)]} allowDecimals={false} />
        <Tooltip formatter={(v) => `${v}${labels.unit}`} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <ReferenceLine y={target} stroke={AMBER} strokeDasharray="4 4" label={{ value: labels.target, fontSize: 11, fill: AMBER }} />
        <Line isAnimationActive={false} type="stepAfter" dataKey="actual" name={labels.actual} stroke={RED} strokeWidth={2} dot={false} connectNulls />
        <Line isAnimationActive={false} type="linear" dataKey="trajectory" name={labels.trajectory} stroke={SLATE} strokeDasharray="5 5" dot={false} connectNulls />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Average income per year; a bar resting on few of its villages is drawn faint and labelled (`few`). */
export function IncomeChart({
  points,
  target,
  label,
  locale,
}: {
  points: { year: string; average: number; href: string; few?: string; share: string }[];
  target: number;
  label: string;
  locale: Locale;
}) {
  const open = useOpen();
  const scale = moneyScale(Math.max(target, ...points.map((p) => p.average)), locale);
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart accessibilityLayer={false} data={points} margin={{ top: 16, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="year" tick={{ fontSize: 11 }} />
        <YAxis tick={{ fontSize: 11 }} tickFormatter={(v: number) => moneyTick(scale, v)} width={56} />
        <Tooltip formatter={(v, _name, item) => [`${moneyWithUnit(scale, Number(v))} (${(item.payload as { share: string }).share})`, label]} />
        <ReferenceLine y={target} stroke={RED} strokeWidth={2} />
        <Bar isAnimationActive={false} dataKey="average" name={label} fill={SLATE} onClick={open} cursor="pointer">
          {points.map((p) => (
            <Cell key={p.year} fill={p.few ? FAINT : SLATE} stroke={p.few ? SLATE : undefined} strokeDasharray={p.few ? '3 3' : undefined} />
          ))}
          <LabelList dataKey="few" position="top" style={{ fontSize: 10, fill: AMBER }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export function CountBarChart({
  points,
  label,
  unit,
  color = SLATE,
}: {
  points: { label: string; value: number; href?: string }[];
  label: string;
  unit: string;
  color?: string;
}) {
  const open = useOpen();
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        {/* Band labels are long: recharts skips those that would overlap rather than drawing them over each other. */}
        <XAxis dataKey="label" tick={{ fontSize: 10 }} interval="preserveStartEnd" minTickGap={4} />
        <YAxis tick={{ fontSize: 11 }} allowDecimals={false} />
        <Tooltip formatter={(v) => [`${v}${unit}`, label]} />
        <Bar isAnimationActive={false} dataKey="value" name={label} fill={color} onClick={open} cursor="pointer" />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Planned and made investment per group, as horizontal bars: long group names stay readable in any language. */
export function InvestmentChart({
  points,
  labels,
  locale,
}: {
  points: { label: string; planned: number; made: number; href: string }[];
  labels: { planned: string; made: string };
  locale: Locale;
}) {
  const open = useOpen();
  const scale = moneyScale(Math.max(0, ...points.flatMap((p) => [p.planned, p.made])), locale);
  return (
    <ResponsiveContainer width="100%" height={Math.max(200, 48 * points.length + 60)}>
      <BarChart accessibilityLayer={false} data={points} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis type="number" tick={{ fontSize: 11 }} tickFormatter={(v: number) => moneyTick(scale, v)} />
        <YAxis type="category" dataKey="label" tick={{ fontSize: 11 }} width={locale === 'zh-CN' ? 72 : 132} />
        <Tooltip formatter={(v, name) => [moneyWithUnit(scale, Number(v)), name]} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar isAnimationActive={false} dataKey="planned" name={labels.planned} fill={FAINT} onClick={open} cursor="pointer" />
        <Bar isAnimationActive={false} dataKey="made" name={labels.made} fill={RED} onClick={open} cursor="pointer" />
      </BarChart>
    </ResponsiveContainer>
  );
}
