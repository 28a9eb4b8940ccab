import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { CreateUserForm } from '@/components/users/create-user-form';
import { UserRowForms } from '@/components/users/user-row-forms';
import { requirePermission } from '@/lib/auth/current-user';
import { toLocale } from '@/lib/i18n/config';
import { listScopeOptions, listUsers } from '@/lib/users/queries';

const isLocked = (u: { lockedUntil: Date | null }) => Boolean(u.lockedUntil && u.lockedUntil > new Date());

export default async function UsersPage() {
  const user = await requirePermission('user.manage', {});
  const [t, locale, users, options] = await Promise.all([getTranslations(), getLocale().then(toLocale), listUsers(user), listScopeOptions(user)]);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">{t('users.title')}</h1>
      <section aria-labelledby="new-user" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="new-user" className="mb-3 font-semibold">{t('users.create')}</h2>
        <CreateUserForm soes={options.soes} villages={options.villages} />
      </section>
      <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <DataTable
          rows={users}
          rowKey={(u) => u.id}
          columns={[
            { label: t('users.username'), cell: (u) => <span className="font-mono">{u.username}</span> },
            { label: t('users.displayName'), cell: (u) => u.displayName },
            { label: t('users.role'), cell: (u) => t(`role.${u.role}`) },
            { label: t('users.scope'), cell: (u) => u.soe?.name ?? (u.village ? `${u.village.zone.name} · ${u.village.name}` : t('common.none')) },
            {
              label: t('users.status'),
              // One state a row: stopped, locked (until when), or in use; and whether the password is still the administrator's.
              cell: (u) => (
                <>
                  {!u.active ? t('users.inactive') : isLocked(u) ? <span className="text-rose-700">{t('users.locked', { time: time.format(u.lockedUntil!) })}</span> : t('users.active')}
                  {u.mustChangePassword && <span className="block text-xs text-amber-800">{t('users.mustChange')}</span>}
                </>
              ),
            },
            {
              label: t('users.actions'),
              hideLabel: true,
              wide: true,
              cell: (u) => (
                <UserRowForms
                  user={{ id: u.id, username: u.username, version: u.version, active: u.active, locked: isLocked(u), role: u.role, soeId: u.soeId, villageId: u.villageId, self: u.id === user.id }}
                  soes={options.soes}
                  villages={options.villages}
                />
              ),
            },
          ]}
        />
      </section>
    </div>
  );
}
