'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { FieldErrors } from '@/components/ui/form';
import type { ActionState } from '@/lib/action-state';
import { groupDigits, readYuan, yuanForInput, type YuanUnit } from '@/lib/amounts';
import { toLocale } from '@/lib/i18n/config';
import { formatYuanExact } from '@/lib/i18n/format';

/**
 * Every money field: the amount as typed ("30", "30万", "1,234.5", "¥300,000"), its unit beside it
 * (万元 or 元), and the value as it will be stored ("= 300,000 元") while one types. The form sends
 * `<name>.text` and `<name>.unit`; the server reads them with the same readYuan (lib/validation.ts
 * yuanSchema) and is the authority; a refusal gives back what was typed.
 */
export function MoneyInput({
  state,
  name,
  label,
  initial,
  unit: preferred,
  idSuffix = '',
  required,
  className = 'text-sm',
}: {
  state: ActionState<unknown>;
  name: string;
  label: string;
  /** The stored amount in yuan (a decimal string), shown in `unit` when it divides evenly. */
  initial?: string | null;
  /** The unit chosen at first: 万元 for project money, 元 for a village's books. */
  unit: YuanUnit;
  /** Keeps ids unique when one page has several forms with this field. */
  idSuffix?: string;
  required?: boolean;
  className?: string;
}) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const typed = state.status !== 'idle' && state.status !== 'ok' ? state.values : undefined;
  const start = yuanForInput(initial, preferred);
  const [text, setText] = useState(() => {
    const v = typed?.[`${name}.text`];
    return typeof v === 'string' ? v : start.text;
  });
  const [unit, setUnit] = useState<YuanUnit>(() => (typed?.[`${name}.unit`] === '元' ? '元' : typed?.[`${name}.unit`] === '万元' ? '万元' : start.unit));
  const id = `field-${name}${idSuffix}`;
  const invalid = state.status === 'invalid' && Boolean(state.fieldErrors[name]?.length);
  const read = text.trim() ? readYuan(text, { defaultUnit: unit }) : null;
  return (
    <div className={className}>
      <label htmlFor={id}>
        {label}
      </label>
      <div className="mt-1 flex">
        <input
          id={id}
          name={`${name}.text`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          inputMode="decimal"
          autoComplete="off"
          required={required}
          aria-invalid={invalid}
          aria-describedby={`echo-${name}${idSuffix} error-${name}${idSuffix}`}
          className="w-full min-w-0 flex-1 rounded-l border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-rose-600"
        />
        <select
          name={`${name}.unit`}
          value={unit}
          onChange={(e) => setUnit(e.target.value === '元' ? '元' : '万元')}
          aria-label={t('money.unit', { field: label })}
          className="rounded-r border border-l-0 border-slate-300 bg-slate-50 px-2 text-sm"
        >
          <option value="万元">{t('money.tenThousand')}</option>
          <option value="元">{t('money.yuan')}</option>
        </select>
      </div>
      <p id={`echo-${name}${idSuffix}`} aria-live="polite" data-testid={`echo-${name}`} className="min-h-4 text-xs text-slate-600 tabular-nums">
        {read && 'yuan' in read && `= ${formatYuanExact(read.yuan, locale)}${unit === '元' ? tenThousands(read.yuan, locale) : ''}`}
        {read && 'problem' in read && t(`validation.${read.problem}`)}
      </p>
      {/* Suffixed like the field: a page with several such forms keeps its ids unique. */}
      <FieldErrors state={state} name={name} idSuffix={idSuffix} />
    </div>
  );
}

/** "（52.34 万元）" beside an amount typed in 元, so an extra zero shows; nothing below 1万. */
function tenThousands(yuan: string, locale: string) {
  const n = Number(yuan);
  if (locale !== 'zh-CN' || Math.abs(n) < 10_000) return '';
  return `（${groupDigits(String(Math.round(n / 100) / 100))} 万元）`;
}
