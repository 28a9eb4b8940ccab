import { getLocale } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { isSameOrigin, readBounded } from '@/lib/http';
import { previewImport } from '@/lib/imports/engine';
import { commitImport } from '@/lib/imports/mutations';
import { importSpec } from '@/lib/imports/registry';
import { withImportLock } from '@/lib/imports/lock';
import { MAX_IMPORT_BYTES, sheetReaderAvailable } from '@/lib/imports/sheet';
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
  const limit = MAX_IMPORT_BYTES + 64 * 1024;
  const tooLarge = () => Response.json({ status: 'failed', message: t('imports.tooLarge'), errors: [] }, { status: 413 });
  if (Number(request.headers.get('content-length') ?? 0) > limit) return tooLarge();
  // Busy: say so at once rather than queue (another process may have room; the client says try again).
  if (!sheetReaderAvailable()) return Response.json({ status: 'failed', message: t('imports.busy'), errors: [] }, { status: 503, headers: { 'retry-after': '10' } });
  // The body is read up to the limit, whatever content-length claimed (or if it claimed nothing).
  const body = await readBounded(request, limit);
  if (body === 'tooLarge') return tooLarge();
  const form = body ? await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData().catch(() => null) : null;
  const file = form?.get('file');
  // The proxy passes on at most MAX_IMPORT_BYTES of a body: a form cut there was too large, not empty.
  if (!(file instanceof File) && body && (body.byteLength >= MAX_IMPORT_BYTES || Number(request.headers.get('content-length') ?? 0) > body.byteLength)) return tooLarge();
  if (!(file instanceof File)) return Response.json({ status: 'failed', message: t('imports.empty'), errors: [] }, { status: 400 });
  const bytes = Buffer.from(await file.arrayBuffer());
  const locked = await withImportLock(user.id, () =>
    form!.get('mode') === 'commit'
      ? commitImport(spec, user, bytes, {
          locale,
          token: String(form!.get('token') ?? ''),
          acceptFlagged: form!.get('acceptFlagged') === 'on',
          fileName: file.name.slice(0, 200),
        })
      : previewImport(spec, user, bytes, locale),
  );
  if (!locked) return Response.json({ status: 'failed', message: t('imports.userBusy'), errors: [] }, { status: 429, headers: { 'retry-after': '5' } });
  const outcome = locked.value;
  return Response.json(outcome, { status: outcome.status === 'failed' ? 422 : 200 });
}
