'use client';

import dynamic from 'next/dynamic';

// recharts is most of the dashboard's JavaScript: the charts load after the
// page is shown (their figures are already on it, in the KPI cards and each
// chart's table view), in boxes of the chart's own height so nothing moves.
const box = (height: number) =>
  function ChartPlaceholder() {
    return <div style={{ height }} className="animate-pulse rounded bg-slate-50" />;
  };

export const AccreditationChart = dynamic(() => import('./charts').then((m) => m.AccreditationChart), { ssr: false, loading: box(260) });
export const IncomeChart = dynamic(() => import('./charts').then((m) => m.IncomeChart), { ssr: false, loading: box(260) });
export const CountBarChart = dynamic(() => import('./charts').then((m) => m.CountBarChart), { ssr: false, loading: box(240) });
export const InvestmentChart = dynamic(() => import('./charts').then((m) => m.InvestmentChart), { ssr: false, loading: box(240) });
