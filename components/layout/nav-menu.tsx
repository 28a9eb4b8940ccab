'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The main navigation's links: a row on a desktop; on a phone one "menu" button that opens them
 * over the page (nothing below moves). Escape or a click outside closes it; following a link too.
 */
export function NavMenu({ label, links, alerts, account }: { label: string; links: { href: string; label: string }[]; alerts: ReactNode; account: ReactNode }) {
  const pathname = usePathname();
  // Open on the page where it was opened: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpenOn(null);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpenOn(null);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const current = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <div className="relative mx-auto flex max-w-6xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-2 text-sm">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="main-nav-menu"
        onClick={() => setOpen(!open)}
        className="inline-flex items-center gap-2 rounded border border-slate-300 px-3 py-1.5 font-medium text-slate-700 sm:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        {label}
      </button>
      {/* On a desktop this box dissolves (display: contents): its links and account items are the row's own. */}
      <div
        ref={panel}
        id="main-nav-menu"
        className={`${open ? 'absolute inset-x-0 top-full z-30 flex flex-col gap-3 border-b border-slate-200 bg-white px-4 py-3 shadow-lg' : 'hidden'} sm:contents`}
      >
        {links.map((l) => (
          <Link key={l.href} href={l.href} aria-current={current(l.href) ? 'page' : undefined} className="font-medium text-slate-700 hover:text-red-800 aria-[current=page]:text-red-800">
            {l.label}
          </Link>
        ))}
        <div className="flex flex-wrap items-center gap-x-5 gap-y-2 border-t border-slate-200 pt-3 sm:contents">{account}</div>
      </div>
      <div className="ml-auto flex items-center sm:order-1">{alerts}</div>
    </div>
  );
}
