import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can, type SessionUser } from '@/lib/auth/policy';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { canReadImports, importKinds } from '@/lib/imports/queries';

/** The links a role may follow; the pages check again on the server. */
export async function MainNav({ user }: { user: SessionUser }) {
  const t = await getTranslations();
  const links = [
    can(user, 'dashboard.read', {}) && { href: '/dashboard', label: t('nav.dashboard') },
    user.villageId !== null && { href: `/villages/${user.villageId}`, label: t('nav.myVillage') },
    { href: '/zones', label: t('nav.zones') },
    can(user, 'soe.list', {}) && { href: '/soes', label: t('nav.soes') },
    { href: '/projects', label: can(user, 'project.readAll', {}) ? t('nav.projects') : t('nav.myProjects') },
    (importKinds(user).length > 0 || canReadImports(user)) && { href: '/imports', label: t('nav.imports') },
    can(user, 'masterData.manage', {}) && { href: '/admin/master', label: t('nav.master') },
    can(user, 'user.manage', {}) && { href: '/admin/users', label: t('nav.users') },
    can(user, 'audit.read', {}) && { href: '/admin/audit', label: t('nav.audit') },
  ].filter(Boolean) as { href: string; label: string }[];
  return (
    <nav aria-label={t('nav.label')} className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-2 text-sm">
        {links.map((l) => (
          <Link key={l.href} href={l.href} className="font-medium text-slate-700 hover:text-red-800">
            {l.label}
          </Link>
        ))}
        <span className="ml-auto text-slate-600">
          {t('auth.signedInAs', { name: user.displayName })} · {t(`role.${user.role}`)}
        </span>
        <Link href="/account/password" className="text-slate-700 hover:text-red-800">
          {t('nav.password')}
        </Link>
        <SignOutButton label={t('auth.signOut')} />
      </div>
    </nav>
  );
}
