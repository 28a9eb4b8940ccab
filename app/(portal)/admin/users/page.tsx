import { getLocale, getTranslations } from 'next-intl/server';
import { CreateUserForm } from '@/components/users/create-user-form';
import { UserRowForms } from '@/components/users/user-row-forms';
import { requirePermission } from '@/lib/auth/current-user';
import { toLocale } from '@/lib/i18n/config';
import { listScopeOptions, listUsers } from '@/lib/users/queries';

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
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">{t('users.username')}</th>
              <th scope="col" className="py-2 pr-3">{t('users.displayName')}</th>
              <th scope="col" className="py-2 pr-3">{t('users.role')}</th>
              <th scope="col" className="py-2 pr-3">{t('users.scope')}</th>
              <th scope="col" className="py-2 pr-3">{t('users.status')}</th>
              <th scope="col" className="py-2" />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const locked = Boolean(u.lockedUntil && u.lockedUntil > new Date());
              return (
              <tr key={u.id} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-3 font-mono">{u.username}</td>
                <td className="py-2 pr-3">{u.displayName}</td>
                <td className="py-2 pr-3">{t(`role.${u.role}`)}</td>
                <td className="py-2 pr-3">{u.soe?.name ?? (u.village ? `${u.village.zone.name} · ${u.village.name}` : t('common.none'))}</td>
                <td className="py-2 pr-3">
                  {/* One state a row: stopped, locked (until when), or in use; and whether the password is still the administrator's. */}
                  {!u.active ? t('users.inactive') : locked ? <span className="text-rose-700">{t('users.locked', { time: time.format(u.lockedUntil!) })}</span> : t('users.active')}
                  {u.mustChangePassword && <span className="block text-xs text-amber-800">{t('users.mustChange')}</span>}
                </td>
                <td className="py-2">
                  <UserRowForms
                    user={{ id: u.id, username: u.username, version: u.version, active: u.active, locked, role: u.role, soeId: u.soeId, villageId: u.villageId, self: u.id === user.id }}
                    soes={options.soes}
                    villages={options.villages}
                  />
                </td>
              </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
