import { getLocale } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { dashboardTables } from '@/lib/exports/dashboard';
import { toXlsx } from '@/lib/exports/tabular';
import { toLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';

export const dynamic = 'force-dynamic';

/** The "会议用" workbook: every dashboard table, a sheet each, scoped as the dashboard is. */
export async function GET() {
  const [user, locale] = await Promise.all([getCurrentUser(), getLocale().then(toLocale)]);
  const t = translator(locale);
  if (!user) return Response.json({ error: t('errors.signedOut') }, { status: 401 });
  const tables = await dashboardTables(user, locale);
  if (!tables) return Response.json({ error: t('errors.denied') }, { status: 404 });
  const filename = encodeURIComponent(`${t('exports.meetingName')}-${new Date().toISOString().slice(0, 10)}`);
  return new Response(new Uint8Array(await toXlsx(tables)), {
    headers: {
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename*=UTF-8''${filename}.xlsx`,
    },
  });
}
