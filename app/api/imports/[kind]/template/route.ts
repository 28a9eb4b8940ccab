import { getLocale } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { toCsv, toXlsx } from '@/lib/exports/tabular';
import { can } from '@/lib/auth/policy';
import { importResource } from '@/lib/imports/engine';
import { importSpec } from '@/lib/imports/registry';
import { templateTable } from '@/lib/imports/template';
import { toLocale } from '@/lib/i18n/config';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const [user, locale, { kind }] = await Promise.all([getCurrentUser(), getLocale().then(toLocale), params]);
  const spec = importSpec(kind);
  if (!user || !spec || !can(user, 'import.run', importResource(spec.kind, user))) return new Response('Not found', { status: 404 });
  const table = templateTable(spec, locale);
  if (new URL(request.url).searchParams.get('format') === 'csv') {
    return new Response(toCsv(table), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${kind}-template.csv"` },
    });
  }
  return new Response(new Uint8Array(await toXlsx(table)), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${kind}-template.xlsx"`,
    },
  });
}
