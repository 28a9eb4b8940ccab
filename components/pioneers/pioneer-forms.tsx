'use client';

import { useTranslations } from 'next-intl';
import { ConfirmSubmit, FieldErrors, fieldProps, FormMessage, inputClass, SubmitButton, useActionForm } from '@/components/ui/form';
import { addPioneerMemberAction, addPioneerPostAction, removePioneerMemberAction, removePioneerPostAction } from '@/lib/pioneers/actions';

type Side = 'VILLAGE' | 'SOE';

/** Adds a member to a zone's pioneer team: name, side and role only. `sides`: those this user may add. */
export function PioneerMemberForm({ zoneId, sides }: { zoneId: number; sides: Side[] }) {
  const t = useTranslations();
  const { state, form } = useActionForm(addPioneerMemberAction, { resetOnSuccess: true });
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-4" aria-label={t('pioneers.addMember')}>
      <input type="hidden" name="zoneId" value={zoneId} />
      <label className="text-sm">
        {t('pioneers.name')}
        <input {...fieldProps(state, 'name', null, '-member')} required className={inputClass} />
        <FieldErrors state={state} name="name" idSuffix="-member" />
      </label>
      <label className="text-sm">
        {t('pioneers.side')}
        <select {...fieldProps(state, 'side', sides[0], '-member')} className={inputClass}>
          {sides.map((s) => (
            <option key={s} value={s}>{t(`enum.PioneerSide.${s}`)}</option>
          ))}
        </select>
        <FieldErrors state={state} name="side" idSuffix="-member" />
      </label>
      <label className="text-sm">
        {t('pioneers.role')}
        <input {...fieldProps(state, 'role', null, '-member')} required placeholder={t('pioneers.roleHint')} className={inputClass} />
        <FieldErrors state={state} name="role" idSuffix="-member" />
      </label>
      <div className="flex items-end gap-3">
        <SubmitButton label={t('pioneers.addMember')} pendingLabel={t('common.saving')} />
      </div>
      <div className="sm:col-span-4">
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}

/** Puts a member of the zone's team on a post of this project (兴乡先锋岗). */
export function PioneerPostForm({ projectId, team }: { projectId: number; team: { id: number; name: string; side: Side; role: string }[] }) {
  const t = useTranslations();
  const { state, form } = useActionForm(addPioneerPostAction, { resetOnSuccess: true });
  return (
    <form {...form} className="grid gap-2 sm:grid-cols-3" aria-label={t('pioneers.addPost')}>
      <input type="hidden" name="projectId" value={projectId} />
      <label className="text-sm">
        {t('pioneers.member')}
        <select {...fieldProps(state, 'memberId', '', '-post')} required className={inputClass}>
          <option value="">{t('common.choose')}</option>
          {team.map((m) => (
            <option key={m.id} value={m.id}>{`${m.name}（${t(`enum.PioneerSide.${m.side}`)} · ${m.role}）`}</option>
          ))}
        </select>
        <FieldErrors state={state} name="memberId" idSuffix="-post" />
      </label>
      <label className="text-sm">
        {t('pioneers.postTitle')}
        <input {...fieldProps(state, 'title', null, '-post')} required placeholder={t('pioneers.postHint')} className={inputClass} />
        <FieldErrors state={state} name="title" idSuffix="-post" />
      </label>
      <div className="flex items-end gap-3">
        <SubmitButton label={t('pioneers.addPost')} pendingLabel={t('common.saving')} />
      </div>
      <div className="sm:col-span-3">
        <FormMessage state={state} okText={t('common.saved')} />
      </div>
    </form>
  );
}

/** Takes a member off the team (or ends a post): a reason, then a confirmation that names the consequence. */
function RemoveForm({ action, id, label, title, consequence, okText }: { action: typeof removePioneerMemberAction; id: number; label: string; title: string; consequence: string; okText: string }) {
  const t = useTranslations();
  const { state, form } = useActionForm(action);
  const suffix = `-remove-${id}`;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-rose-800">{label}</summary>
      <form {...form} className="mt-1 space-y-1" aria-label={title}>
        <input type="hidden" name="id" value={id} />
        <label className="block">
          {t('pioneers.reason')}
          <input {...fieldProps(state, 'reason', null, suffix)} className={inputClass} required minLength={4} maxLength={200} />
        </label>
        <FieldErrors state={state} name="reason" idSuffix={suffix} />
        <ConfirmSubmit label={label} pendingLabel={t('common.saving')} title={title} consequence={consequence} confirmLabel={label} danger />
        <FormMessage state={state} okText={okText} />
      </form>
    </details>
  );
}

export function RemovePioneerMember({ id, name }: { id: number; name: string }) {
  const t = useTranslations();
  return <RemoveForm action={removePioneerMemberAction} id={id} label={t('pioneers.removeMember')} title={t('pioneers.removeMemberTitle', { name })} consequence={t('pioneers.removeMemberConsequence')} okText={t('pioneers.removed')} />;
}

export function RemovePioneerPost({ id, title }: { id: number; title: string }) {
  const t = useTranslations();
  return <RemoveForm action={removePioneerPostAction} id={id} label={t('pioneers.removePost')} title={t('pioneers.removePostTitle', { title })} consequence={t('pioneers.removePostConsequence')} okText={t('pioneers.postEnded')} />;
}
