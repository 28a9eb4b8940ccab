'use client';

/** 下载 PDF: the server's PDF when it has Chromium (`pdfHref`), else the browser's print dialog (save as PDF). */
export function PrintButton({ label, pdfHref }: { label: string; pdfHref: string | null }) {
  const style = 'rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-900';
  return pdfHref ? (
    <a href={pdfHref} className={style} download>
      {label}
    </a>
  ) : (
    <button type="button" className={style} onClick={() => window.print()}>
      {label}
    </button>
  );
}
