'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton } from '@/components/ui/form';
import { idle, type ActionState } from '@/lib/action-state';
import { savePhaseAction } from '@/lib/program/actions';

type Saved = ActionState<{ id: number; version: number }>;
/** A phase as the form edits it (absent: a new phase). */
export type PhaseValues = { id: number; version: number; name: string; nameEn: string; startsOn: string; endsOn: string; zonesTarget: number; incomeTarget: string };

/** Opens a new phase, or edits one and its two targets. */
export function PhaseForm({ phase }: { phase?: PhaseValues }) {
  const t = useTranslations();
  const [state, action] = useActionState(savePhaseAction, idle as Saved);
  const key = phase ? `phase-${phase.id}` : 'phase-new';
  const field = (name: keyof PhaseValues & string, label: string, type = 'text') => (
    <label className="text-sm">
      {label}
      <input {...fieldProps(state, name, phase?.[name])} id={`${key}-${name}`} type={type} className={inputClass} />
      <FieldErrors state={state} name={name} />
    </label>
  );
  return (
    <form action={action} className="grid gap-2 sm:grid-cols-3" aria-label={phase ? phase.name : t('program.newPhase')}>
      {phase && <input type="hidden" name="id" value={phase.id} />}
      {phase && <input type="hidden" name="version" value={phase.version} />}
      {field('name', t('program.name'))}
      {field('nameEn', t('program.nameEn'))}
      {field('startsOn', t('program.startsOn'), 'date')}
      {field('endsOn', t('program.endsOn'), 'date')}
      {field('zonesTarget', t('program.zonesTarget'))}
      {field('incomeTarget', t('program.incomeTarget'))}
      <div className="flex items-center gap-3 sm:col-span-full">
        <SubmitButton label={phase ? t('common.save') : t('program.openPhase')} pendingLabel={t('common.saving')} />
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}
