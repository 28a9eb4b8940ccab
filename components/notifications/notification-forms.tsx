'use client';

import { useTranslations } from 'next-intl';
import { FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { markAllReadAction, preferencesAction, webhookAction } from '@/lib/notifications/actions';

const KINDS = ['UPDATE_DUE', 'UPDATE_OVERDUE', 'UPDATE_TO_CONFIRM', 'FEEDBACK_DUE', 'INCOME_DUE'] as const;

export function MarkAllReadForm() {
  const t = useTranslations('notifications');
  const common = useTranslations('common');
  const { state, form } = useActionForm(markAllReadAction);
  return (
    <form {...form} className="flex items-center gap-2">
      <SubmitButton label={t('markAllRead')} pendingLabel={common('saving')} />
      <FormMessage state={state} okText={common('saved')} />
    </form>
  );
}

/** The user's own choice: an address, e-mail on or off, which reminders at all. */
export function PreferencesForm({ email, notifyByEmail, notifyOff }: { email: string | null; notifyByEmail: boolean; notifyOff: string[] }) {
  const t = useTranslations('notifications');
  const common = useTranslations('common');
  const { state, form } = useActionForm(preferencesAction);
  return (
    <form {...form} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <h2 className="font-semibold">{t('preferences')}</h2>
      <label className="block">
        {t('email')}
        <input {...fieldProps(state, 'email', email)} type="email" autoComplete="email" className={inputClass} />
      </label>
      <FieldErrors state={state} name="email" />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="notifyByEmail" defaultChecked={notifyByEmail} />
        {t('byEmail')}
      </label>
      <fieldset>
        <legend>{t('kinds')}</legend>
        {KINDS.map((kind) => (
          <label key={kind} className="mr-4 inline-flex items-center gap-1">
            {/* Checked means received; the form sends the kinds turned off. */}
            <input type="checkbox" name="on[]" value={kind} defaultChecked={!notifyOff.includes(kind)} />
            {t(`kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <SubmitButton label={t('save')} pendingLabel={common('saving')} />
      <FormMessage state={state} okText={common('saved')} />
    </form>
  );
}

/** An administrator sets the org department's or an SOE's group robot. */
export function WebhookForm({ soes }: { soes: { id: number; name: string }[] }) {
  const t = useTranslations('deliveries');
  const common = useTranslations('common');
  const { state, form } = useActionForm(webhookAction);
  return (
    <form {...form} className="grid gap-2 text-sm sm:grid-cols-3">
      <label>
        {t('webhookFor')}
        <select {...fieldProps(state, 'soeId', '')} className={inputClass}>
          <option value="">{t('org')}</option>
          {soes.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </select>
      </label>
      <label className="sm:col-span-2">
        {t('webhookUrl')}
        <input {...fieldProps(state, 'url')} type="url" className={inputClass} />
      </label>
      <FieldErrors state={state} name="soeId" />
      <FieldErrors state={state} name="url" />
      <div className="flex items-center gap-2">
        <SubmitButton label={t('setWebhook')} pendingLabel={common('saving')} />
        <FormMessage state={state} okText={common('saved')} />
      </div>
    </form>
  );
}
