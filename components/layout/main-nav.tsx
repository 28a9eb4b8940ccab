import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can, type SessionUser } from '@/lib/auth/policy';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { NavMenu } from './nav-menu';
import { canReadImports, importKinds } from '@/lib/imports/queries';
import { unreadCount } from '@/lib/notifications/queries';
import { todoBadge } from '@/lib/todo/queries';

/** The links a role may follow; the pages check again on the server. */
export async function MainNav({ user }: { user: SessionUser }) {
  const [t, unread, todo] = await Promise.all([getTranslations(), unreadCount(user).catch(() => 0), todoBadge(user).catch(() => null)]);
  const links = [
    can(user, 'dashboard.read', {}) && { href: '/dashboard', label: t('nav.dashboard') },
    user.villageId !== null && { href: `/villages/${user.villageId}`, label: t('nav.myVillage') },
    { href: '/zones', label: t('nav.zones') },
    can(user, 'soe.list', {}) && { href: '/soes', label: t('nav.soes') },
    can(user, 'assessment.read', {}) && { href: '/soes/ranking', label: t('nav.ranking') },
    { href: '/projects', label: can(user, 'project.readAll', {}) ? t('nav.projects') : t('nav.myProjects') },
    (importKinds(user).length > 0 || canReadImports(user)) && { href: '/imports', label: t('nav.imports') },
    can(user, 'masterData.manage', {}) && { href: '/admin/master', label: t('nav.master') },
    can(user, 'program.manage', {}) && { href: '/admin/program', label: t('nav.program') },
    can(user, 'user.manage', {}) && { href: '/admin/users', label: t('nav.users') },
    can(user, 'audit.read', {}) && { href: '/admin/audit', label: t('nav.audit') },
    can(user, 'notification.deliveries', {}) && { href: '/admin/notifications', label: t('nav.deliveries') },
  ].filter(Boolean) as { href: string; label: string }[];
  const account = 'text-slate-700 hover:text-red-800 sm:order-2';
  return (
    <nav aria-label={t('nav.label')} className="border-b border-slate-200 bg-white">
      <NavMenu
        label={t('nav.menu')}
        links={links}
        alerts={
          <>
            {todo && (
              // A village committee's badge is what awaits its confirmation (待确认); the others', their whole to-do.
              <Link
                href={todo.kind === 'toConfirm' ? '/todo#todo-to-confirm' : '/todo'}
                className="inline-flex items-center gap-1 font-medium text-slate-700 hover:text-red-800"
                aria-label={t(todo.kind === 'toConfirm' ? 'todo.navToConfirmCount' : 'todo.navTodoCount', { count: todo.count })}
              >
                {t(todo.kind === 'toConfirm' ? 'todo.navToConfirm' : 'todo.navTodo')}
                <span className={`rounded-full px-1.5 text-xs font-semibold ${todo.count > 0 ? 'bg-red-800 text-white' : 'bg-slate-100 text-slate-600'}`}>
                  {todo.count > 99 ? '99+' : todo.count}
                </span>
              </Link>
            )}
            <Link
              href="/notifications"
              className="inline-flex items-center gap-1 text-slate-700 hover:text-red-800"
              aria-label={unread > 0 ? t('nav.notificationsUnread', { count: unread }) : t('nav.notifications')}
            >
              <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
                <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              {unread > 0 && <span className="rounded-full bg-red-800 px-1.5 text-xs font-semibold text-white">{unread > 99 ? '99+' : unread}</span>}
            </Link>
          </>
        }
        account={
          <>
            <span className="text-slate-600 sm:order-2">
              {t('auth.signedInAs', { name: user.displayName })} · {t(`role.${user.role}`)}
            </span>
            <Link href="/account/password" className={account}>
              {t('nav.password')}
            </Link>
            <span className="sm:order-2">
              <SignOutButton label={t('auth.signOut')} />
            </span>
          </>
        }
      />
    </nav>
  );
}
