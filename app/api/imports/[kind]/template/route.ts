import { getLocale } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { toCsv } from '@/lib/exports/tabular';
import { can } from '@/lib/auth/policy';
import { importResource } from '@/lib/imports/engine';
import { importSpec } from '@/lib/imports/registry';
import { templateCsvTable, templateWorkbook } from '@/lib/imports/template';
import { toLocale } from '@/lib/i18n/config';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const [user, locale, { kind }] = await Promise.all([getCurrentUser(), getLocale().then(toLocale), params]);
  const spec = importSpec(kind);
  if (!user || !spec || !can(user, 'import.run', importResource(spec.kind, user))) return new Response('Not found', { status: 404 });
  if (new URL(request.url).searchParams.get('format') === 'csv') {
    return new Response(toCsv(await templateCsvTable(spec, user, locale)), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${kind}-template.csv"` },
    });
  }
  return new Response(new Uint8Array(await templateWorkbook(spec, user, locale)), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${kind}-template.xlsx"`,
    },
  });
}
