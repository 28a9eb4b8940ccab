'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

// recharts leaves: plain data in, SVG out. Labels and the money axis unit arrive translated.
export type MoneyAxis = { divisor: number; suffix: string };
const moneyTick = (axis: MoneyAxis) => (v: number) => `${Math.round(v / axis.divisor)}${axis.suffix}`;
const RED = '#991b1b';
const SLATE = '#64748b';
const AMBER = '#d97706';

export function AccreditationChart({
  points,
  target,
  labels,
}: {
  points: { month: string; actual?: number; trajectory?: number }[];
  target: number;
  labels: { actual: string; trajectory: string; target: string };
}) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={24} />
        <YAxis tick={{ fontSize: 11 }} domain={[0, Math.max(target, 10)]} allowDecimals={false} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <ReferenceLine y={target} stroke={AMBER} strokeDasharray="4 4" label={{ value: labels.target, fontSize: 11, fill: AMBER }} />
        <Line isAnimationActive={false} type="stepAfter" dataKey="actual" name={labels.actual} stroke={RED} strokeWidth={2} dot={false} connectNulls />
        <Line isAnimationActive={false} type="linear" dataKey="trajectory" name={labels.trajectory} stroke={SLATE} strokeDasharray="5 5" dot={false} connectNulls />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function IncomeChart({
  points,
  target,
  label,
  axis,
}: {
  points: { year: string; average: number }[];
  target: number;
  label: string;
  axis: MoneyAxis;
}) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="year" tick={{ fontSize: 11 }} />
        <YAxis tick={{ fontSize: 11 }} tickFormatter={moneyTick(axis)} />
        <Tooltip formatter={(v) => Number(v).toLocaleString()} />
        <ReferenceLine y={target} stroke={RED} strokeWidth={2} />
        <Bar isAnimationActive={false} dataKey="average" name={label} fill={SLATE} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function CountBarChart({ points, label, color = SLATE }: { points: { label: string; value: number }[]; label: string; color?: string }) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 10 }} interval={0} />
        <YAxis tick={{ fontSize: 11 }} allowDecimals={false} />
        <Tooltip />
        <Bar isAnimationActive={false} dataKey="value" name={label} fill={color} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function InvestmentChart({
  points,
  labels,
  axis,
}: {
  points: { label: string; planned: number; made: number }[];
  labels: { planned: string; made: string };
  axis: MoneyAxis;
}) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 10 }} interval={0} />
        <YAxis tick={{ fontSize: 11 }} tickFormatter={moneyTick(axis)} />
        <Tooltip formatter={(v) => Number(v).toLocaleString()} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar isAnimationActive={false} dataKey="planned" name={labels.planned} fill="#cbd5e1" />
        <Bar isAnimationActive={false} dataKey="made" name={labels.made} fill={RED} />
      </BarChart>
    </ResponsiveContainer>
  );
}
