import { getTranslations } from 'next-intl/server';
import { MainNav } from '@/components/layout/main-nav';
import { SampleBanner } from '@/components/ui/sample-banner';
import { SiteHeader } from '@/components/ui/site-header';
import { requireSignedIn } from '@/lib/auth/current-user';
import { hasSampleData } from '@/lib/program/queries';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const [user, t, sample] = await Promise.all([requireSignedIn(), getTranslations('app'), hasSampleData()]);
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t('skipToContent')}
      </a>
      {/* Printed pages (the dashboard, the briefing) carry no navigation or banner: the briefing prints its own marks. */}
      <div className="print:hidden">
        <SiteHeader search />
        <MainNav user={user} />
        {sample && <SampleBanner />}
      </div>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 print:max-w-none print:p-0">
        {children}
      </main>
    </>
  );
}
