import { getLocale } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { passwordSettled } from '@/lib/auth/policy';
import { exporters } from '@/lib/exports/registry';
import { MAX_EXPORT_ROWS, toCsv, toXlsx } from '@/lib/exports/tabular';
import { toLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';

export const dynamic = 'force-dynamic';

/** CSV or XLSX of a list, with the page's filters and the user's scope. */
export async function GET(request: Request, { params }: { params: Promise<{ list: string }> }) {
  const [user, locale, { list }] = await Promise.all([getCurrentUser(), getLocale().then(toLocale), params]);
  const t = translator(locale);
  if (!user) return Response.json({ error: t('errors.signedOut') }, { status: 401 });
  if (!passwordSettled(user)) return Response.json({ error: t('errors.mustChangePassword') }, { status: 403 });
  const exporter = Object.hasOwn(exporters, list) ? exporters[list] : undefined;
  if (!exporter) return Response.json({ error: t('errors.denied') }, { status: 404 });
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const table = await exporter(user, query, locale);
  if (!table) return Response.json({ error: t('errors.denied') }, { status: 404 });
  if (table.rows.length > MAX_EXPORT_ROWS) {
    return Response.json({ error: t('errors.exportTooLarge', { max: MAX_EXPORT_ROWS }) }, { status: 413 });
  }
  const stamp = new Date().toISOString().slice(0, 10);
  const filename = encodeURIComponent(`${table.name}-${stamp}`);
  const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (query.format === 'xlsx') {
    return new Response(new Uint8Array(await toXlsx(table)), {
      headers: {
        ...headers,
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename*=UTF-8''${filename}.xlsx`,
      },
    });
  }
  return new Response(toCsv(table), {
    headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename*=UTF-8''${filename}.csv` },
  });
}
