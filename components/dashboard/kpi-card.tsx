import Link from 'next/link';
import { SampleTag } from '@/components/ui/sample-banner';
import { Definition } from './definition';

/**
 * One headline figure: what records say, with the reported figure beside it where one exists, its
 * definition behind an ⓘ, the sample mark when any record under it is sample data, and a link to
 * the list behind it.
 */
export function KpiCard({
  id,
  title,
  value,
  href,
  definition,
  definitionLabel,
  sample,
  sub,
  progress,
  reported,
  asOf,
  tone = 'neutral',
}: {
  id: string;
  title: string;
  value: string;
  href: string;
  definition: string;
  definitionLabel: string;
  sample: boolean;
  sub?: React.ReactNode;
  progress?: number;
  reported?: string;
  asOf?: string;
  tone?: 'neutral' | 'good' | 'behind';
}) {
  const toneClass = tone === 'good' ? 'text-emerald-700' : tone === 'behind' ? 'text-amber-700' : 'text-slate-900';
  return (
    <div className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-kpi={id} data-sample={sample ? 'true' : undefined}>
      <div className="flex items-start justify-between gap-2">
        {/* The mark beside the heading, not in it: the card's heading stays its title alone. */}
        <span>
          <h3 className="inline text-sm text-slate-600">{title}</h3>
          {sample && <SampleTag />}
        </span>
        <Definition text={definition} label={`${definitionLabel}：${title}`} />
      </div>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${toneClass}`}>
        <Link href={href} className="hover:underline">
          {value}
        </Link>
      </p>
      {progress !== undefined && (
        <div className="mt-2 h-2 rounded bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)} aria-label={title}>
          <div className="h-2 rounded bg-red-700" style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
      )}
      {sub && <div className="mt-2 text-xs text-slate-600">{sub}</div>}
      {reported && <p className="mt-2 rounded bg-sky-50 px-2 py-1 text-xs text-sky-900">{reported}</p>}
      {asOf && <p className="mt-auto pt-2 text-[11px] text-slate-500">{asOf}</p>}
    </div>
  );
}
