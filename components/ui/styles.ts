/** Shared Tailwind classes (importable from server and client components). */
export const inputClassName = 'mt-1 w-full rounded border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-rose-600';
