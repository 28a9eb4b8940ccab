/** A figure's definition (口径) behind an ⓘ: one line of the page, the whole text on demand (no script needed). */
export function Definition({ text, label }: { text: string; label: string }) {
  return (
    <details className="relative inline-block align-middle" data-definition>
      <summary
        className="cursor-pointer list-none text-sm leading-none text-slate-400 hover:text-slate-700 [&::-webkit-details-marker]:hidden"
        aria-label={label}
        title={text}
      >
        ⓘ
      </summary>
      <p className="absolute right-0 z-10 mt-1 w-72 max-w-[80vw] rounded border border-slate-200 bg-white p-2 text-left text-xs font-normal text-slate-700 shadow">
        {text}
      </p>
    </details>
  );
}
