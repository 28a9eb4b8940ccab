import 'server-only';
import type { ActionState } from '@/lib/action-state';
import type { SessionUser } from '@/lib/auth/policy';
import { configuredStore, thumbKey, type FileStore } from '@/lib/files/storage';
import { defaultLocale, type Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';
import { inspectFile } from './inspect';
import { MAX_FILE_BYTES } from './limits';
import { addAttachment } from './mutations';

/**
 * One uploaded file to one record: looked at (type by content, limits, thumbnail, EXIF), stored by
 * its hash, then its row and audit row in one transaction. The file is written first: a crash
 * before the row leaves a file with no row, which the sweep removes (lib/ops/sweep.ts).
 */
export async function uploadAttachment(
  user: SessionUser | null,
  fields: { ownerKind: unknown; ownerId: unknown; criterion?: unknown },
  upload: { bytes: Buffer; name: string; exifSegment?: Buffer | null },
  options: { locale?: Locale; store?: FileStore; afterStored?: () => void } = {},
): Promise<ActionState<{ id: number }>> {
  const locale = options.locale ?? defaultLocale;
  const t = translator(locale);
  if (!user) return { status: 'denied', message: t('errors.signedOut') };
  const inspected = await inspectFile(upload.bytes, upload.name, upload.exifSegment);
  if (typeof inspected === 'string') {
    const message = t(`attachments.refused.${inspected}`, { name: upload.name.slice(0, 120), max: MAX_FILE_BYTES / 2 ** 20 });
    return { status: 'invalid', message, fieldErrors: { file: [message] } };
  }
  const store = options.store ?? configuredStore();
  if (!(await store.has(inspected.sha256))) await store.put(inspected.sha256, inspected.bytes);
  if (inspected.thumbnail) await store.put(thumbKey(inspected.sha256), inspected.thumbnail);
  options.afterStored?.();
  return addAttachment(user, { ...fields, criterion: fields.criterion || undefined, file: inspected }, locale);
}
