import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Pagination } from '@/components/lists/list-controls';
import { DataTable } from '@/components/ui/data-table';
import { inputClassName } from '@/components/ui/styles';
import { CreateUserForm } from '@/components/users/create-user-form';
import { UserRowForms } from '@/components/users/user-row-forms';
import type { ScopeOption } from '@/components/users/scope-fields';
import { requirePermission } from '@/lib/auth/current-user';
import { toLocale } from '@/lib/i18n/config';
import { formatCount } from '@/lib/i18n/format';
import { firstValues, pageNumber, searchText, TABLE_PAGE_SIZE, type SearchParams } from '@/lib/lists/params';
import { listScopeOptions, listUsers, villageChoice } from '@/lib/users/queries';

const isLocked = (u: { lockedUntil: Date | null }) => Boolean(u.lockedUntil && u.lockedUntil > new Date());
const paramsSchema = z.object({ q: searchText, soe: searchText, village: searchText, page: pageNumber });

/** A select's choices with the record's own value among them (it may lie outside the narrowed list). */
const including = (choices: ScopeOption[], own: ScopeOption | null) => (own && !choices.some((c) => c.id === own.id) ? [own, ...choices] : choices);

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('user.manage', {});
  const current = firstValues(await searchParams);
  const params = paramsSchema.parse(current);
  const [t, locale, users, options] = await Promise.all([getTranslations(), getLocale().then(toLocale), listUsers(user, params), listScopeOptions(user, params)]);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">{t('users.title')}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <label>
          {t('users.search')}
          <input name="q" defaultValue={params.q ?? ''} className={inputClassName} />
        </label>
        <label>
          {t('users.searchVillage')}
          <input name="village" defaultValue={params.village ?? ''} className={inputClassName} />
        </label>
        <label>
          {t('users.searchSoe')}
          <input name="soe" defaultValue={params.soe ?? ''} className={inputClassName} />
        </label>
        <button type="submit" className="rounded bg-red-800 px-4 py-2 text-white">{t('list.apply')}</button>
        <Link href="/admin/users" className="py-2 text-slate-600 underline">{t('list.reset')}</Link>
        {/* Narrowing the choices keeps the page of users one was on. */}
        <input type="hidden" name="page" value={users.page} />
        {options.villageCount > options.villages.length && (
          <p role="status" className="basis-full text-amber-800">
            {t('users.villagesTruncated', { shown: formatCount(options.villages.length, locale), count: formatCount(options.villageCount, locale) })}
          </p>
        )}
        {options.soeCount > options.soes.length && (
          <p role="status" className="basis-full text-amber-800">
            {t('users.soesTruncated', { shown: formatCount(options.soes.length, locale), count: formatCount(options.soeCount, locale) })}
          </p>
        )}
      </form>
      <section aria-labelledby="new-user" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="new-user" className="mb-3 font-semibold">{t('users.create')}</h2>
        <CreateUserForm soes={options.soes} villages={options.villages} />
      </section>
      <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <DataTable
          rows={users.rows}
          rowKey={(u) => u.id}
          columns={[
            { label: t('users.username'), cell: (u) => <span className="font-mono">{u.username}</span> },
            { label: t('users.displayName'), cell: (u) => u.displayName },
            { label: t('users.role'), cell: (u) => t(`role.${u.role}`) },
            { label: t('users.scope'), cell: (u) => u.soe?.name ?? (u.village ? villageChoice(u.village) : t('common.none')) },
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
                  soes={including(options.soes, u.soe && u.soeId ? { id: u.soeId, name: u.soe.name } : null)}
                  villages={including(options.villages, u.village && u.villageId ? { id: u.villageId, name: villageChoice(u.village) } : null)}
                />
              ),
            },
          ]}
        />
        {users.total > TABLE_PAGE_SIZE && (
          <div className="mt-2">
            <Pagination page={users.page} total={users.total} pageSize={TABLE_PAGE_SIZE} current={current} />
          </div>
        )}
      </section>
    </div>
  );
}
