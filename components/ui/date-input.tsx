'use client';

import { useLocale } from 'next-intl';
import { useState } from 'react';
import { inputClass } from '@/components/ui/form';
import { parseDate } from '@/lib/dates';
import { toLocale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';

type Props = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'type' | 'defaultValue'> & { name: string; id: string; defaultValue?: string | number };

/**
 * A date typed as people write it (2025/3/1, 2025-3-1, 2025.3.1, 2025年3月1日) with the day it
 * will be read as shown beneath ("= 2025年3月1日"); the server reads it with the same parseDate
 * (lib/validation.ts calendarDate). Text, not type="date": a picker takes no pasted 2025年3月1日.
 */
export function DateInput({ defaultValue, className, ...props }: Props) {
  const locale = toLocale(useLocale());
  const [text, setText] = useState(defaultValue === undefined ? '' : String(defaultValue));
  const iso = text.trim() ? parseDate(text) : null;
  const echoId = `echo-${props.id}`;
  return (
    <>
      <input
        {...props}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="2025-03-01"
        autoComplete="off"
        aria-describedby={[echoId, props['aria-describedby']].filter(Boolean).join(' ')}
        className={className ?? inputClass}
      />
      <span id={echoId} aria-live="polite" className="block min-h-4 text-xs text-slate-600">
        {iso && `= ${formatDate(new Date(`${iso}T00:00:00Z`), locale)}`}
      </span>
    </>
  );
}
