import { getLocale } from 'next-intl/server';
import { MAX_FILE_BYTES } from '@/lib/attachments/limits';
import { uploadAttachment } from '@/lib/attachments/upload';
import { getCurrentUser } from '@/lib/auth/current-user';
import { isSameOrigin, readBounded } from '@/lib/http';
import { toLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';

export const dynamic = 'force-dynamic';

/** The form's packaging and the photo's EXIF segment, beside the file itself. */
const ROOM = 1024 * 1024;

/** One evidence file to one record (ownerKind, ownerId, criterion): the client sends several one by one, for its progress bar. */
export async function POST(request: Request) {
  const [user, locale] = await Promise.all([getCurrentUser(), getLocale().then(toLocale)]);
  const t = translator(locale);
  if (!isSameOrigin(request)) return Response.json({ status: 'denied', message: t('errors.denied') }, { status: 403 });
  if (!user) return Response.json({ status: 'denied', message: t('errors.signedOut') }, { status: 401 });
  // Refused before the form is read: the file's name is not known yet.
  const tooLarge = () => Response.json({ status: 'invalid', message: t('attachments.refused.tooLargeUnnamed', { max: MAX_FILE_BYTES / 2 ** 20 }) }, { status: 413 });
  const claimed = Number(request.headers.get('content-length') ?? 0);
  if (claimed > MAX_FILE_BYTES + ROOM) return tooLarge();
  const body = await readBounded(request, MAX_FILE_BYTES + ROOM);
  if (body === 'tooLarge') return tooLarge();
  const form = body ? await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData().catch(() => null) : null;
  const file = form?.get('file');
  // The proxy passes on at most its own limit of a body: a form cut there was too large, not empty.
  if (!(file instanceof File)) return body && (body.byteLength >= MAX_FILE_BYTES || claimed > body.byteLength) ? tooLarge() : Response.json({ status: 'invalid', message: t('attachments.refused.empty', { name: '' }) }, { status: 400 });
  const exif = form!.get('exif');
  const outcome = await uploadAttachment(
    user,
    { ownerKind: form!.get('ownerKind'), ownerId: form!.get('ownerId'), criterion: form!.get('criterion') ?? undefined },
    { bytes: Buffer.from(await file.arrayBuffer()), name: file.name, exifSegment: exif instanceof File && exif.size <= 128 * 1024 ? Buffer.from(await exif.arrayBuffer()) : null },
    { locale },
  );
  // Out of scope, or no such record: as if it did not exist.
  if (outcome.status === 'ok') return Response.json({ status: 'ok', id: outcome.data.id });
  if (outcome.status === 'idle') return Response.json({ status: 'error', message: t('errors.saveFailed') }, { status: 500 });
  const message = (outcome.status === 'invalid' && (outcome.fieldErrors.file?.[0] ?? Object.values(outcome.fieldErrors)[0]?.[0])) || outcome.message;
  const status = outcome.status === 'denied' ? 404 : outcome.status === 'error' ? 500 : 422;
  return Response.json({ status: outcome.status, message }, { status });
}
