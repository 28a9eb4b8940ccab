import { getTranslations } from 'next-intl/server';
import { MainNav } from '@/components/layout/main-nav';
import { DemoBanner } from '@/components/ui/demo-banner';
import { SiteHeader } from '@/components/ui/site-header';
import { requireUser } from '@/lib/auth/current-user';
import { hasDemoData } from '@/lib/program/queries';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const [user, t, demo] = await Promise.all([requireUser(), getTranslations('app'), hasDemoData()]);
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t('skipToContent')}
      </a>
      <SiteHeader />
      <MainNav user={user} />
      {demo && <DemoBanner />}
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
