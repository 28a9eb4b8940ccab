import { getLocale } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { toLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';

export const dynamic = 'force-dynamic';

/**
 * 下载 PDF made on the server: the briefing page as the signed-in user sees it, printed to A4 by
 * the Chromium named in PDF_CHROMIUM_PATH (playwright-core drives it). Without it, 404: the
 * briefing's button prints in the browser instead.
 */
export async function GET(request: Request) {
  const [user, locale] = await Promise.all([getCurrentUser(), getLocale().then(toLocale)]);
  const t = translator(locale);
  if (!user) return Response.json({ error: t('errors.signedOut') }, { status: 401 });
  if (!can(user, 'dashboard.read', {})) return Response.json({ error: t('errors.denied') }, { status: 404 });
  const executablePath = process.env.PDF_CHROMIUM_PATH;
  if (!executablePath) return Response.json({ error: t('errors.denied') }, { status: 404 });
  const url = new URL(request.url);
  const page = new URL('/briefing', process.env.PDF_BASE_URL ?? url.origin);
  for (const key of ['phase', 'date']) {
    const v = url.searchParams.get(key);
    if (v) page.searchParams.set(key, v);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    // The same session: the page is scoped and refused exactly as for the user who asked.
    const context = await browser.newContext({ extraHTTPHeaders: { cookie: request.headers.get('cookie') ?? '' } });
    const tab = await context.newPage();
    await tab.goto(page.toString(), { waitUntil: 'load' });
    const pdf = await tab.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const filename = encodeURIComponent(`${t('briefing.title')}-${page.searchParams.get('date') ?? new Date().toISOString().slice(0, 10)}`);
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename*=UTF-8''${filename}.pdf`,
      },
    });
  } finally {
    await browser.close();
  }
}
