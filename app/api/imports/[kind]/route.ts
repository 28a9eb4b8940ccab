import { getLocale } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { isSameOrigin } from '@/lib/http';
import { previewImport } from '@/lib/imports/engine';
import { commitImport } from '@/lib/imports/mutations';
import { importSpec } from '@/lib/imports/registry';
import { MAX_IMPORT_BYTES } from '@/lib/imports/sheet';
import { toLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';

export const dynamic = 'force-dynamic';

/** Upload a filled-in template: mode=preview checks every row and plans the write; mode=commit (with the check's token) writes it, all rows or none. */
export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const [user, locale, { kind }] = await Promise.all([getCurrentUser(), getLocale().then(toLocale), params]);
  const t = translator(locale);
  if (!isSameOrigin(request)) return Response.json({ status: 'failed', message: t('errors.denied'), errors: [] }, { status: 403 });
  if (!user) return Response.json({ status: 'failed', message: t('errors.signedOut'), errors: [] }, { status: 401 });
  const spec = importSpec(kind);
  if (!spec) return Response.json({ status: 'failed', message: t('errors.denied'), errors: [] }, { status: 404 });
  if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) {
    return Response.json({ status: 'failed', message: t('imports.tooLarge'), errors: [] }, { status: 413 });
  }
  const form = await request.formData().catch(() => null);
  const file = form?.get('file');
  if (!(file instanceof File)) return Response.json({ status: 'failed', message: t('imports.empty'), errors: [] }, { status: 400 });
  const bytes = Buffer.from(await file.arrayBuffer());
  const outcome =
    form!.get('mode') === 'commit'
      ? await commitImport(spec, user, bytes, {
          locale,
          token: String(form!.get('token') ?? ''),
          acceptFlagged: form!.get('acceptFlagged') === 'on',
          fileName: file.name.slice(0, 200),
        })
      : await previewImport(spec, user, bytes, locale);
  return Response.json(outcome, { status: outcome.status === 'failed' ? 422 : 200 });
}
