import type { AuditChange } from '@/lib/audit/describe';

/** An audit row's changes: each field by its label, before → after (a creation: its values). */
export function AuditChanges({ changes, labels }: { changes: AuditChange[]; labels: { before: string; after: string; none: string; colon: string } }) {
  if (changes.length === 0) return <span className="text-slate-500">{labels.none}</span>;
  return (
    <ul className="space-y-1">
      {changes.map((c) => (
        <li key={c.field} className="break-words">
          <span className="font-medium text-slate-700">{c.label}</span>
          {labels.colon}
          {c.edited ? (
            <>
              <del className="rounded bg-rose-50 px-1 text-rose-800 decoration-rose-300">
                <span className="sr-only">{labels.before} </span>
                {c.before ?? '—'}
              </del>
              {' → '}
              <ins className="rounded bg-emerald-50 px-1 text-emerald-900 no-underline">
                <span className="sr-only">{labels.after} </span>
                {c.after ?? '—'}
              </ins>
            </>
          ) : (
            c.after
          )}
        </li>
      ))}
    </ul>
  );
}
