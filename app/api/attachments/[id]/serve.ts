import { attachmentForDownload } from '@/lib/attachments/queries';
import { getCurrentUser } from '@/lib/auth/current-user';
import { configuredStore, thumbKey } from '@/lib/files/storage';
import { parseId } from '@/lib/ids';
import { FILE_CSP } from '@/lib/security/headers';

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });

/** Types a browser may show in its own tab; anything else (XLSX, DOCX) is saved. HTML and SVG are never accepted at all. */
const INLINE = new Set(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']);

/**
 * An evidence file, only to whoever may read the record it belongs to (404 otherwise, as for an id
 * that does not exist); sandboxed and never sniffed. The thumbnail is a JPEG re-encoded without EXIF.
 */
export async function serveAttachment(idParam: string, thumb: boolean) {
  const id = parseId(idParam);
  const user = await getCurrentUser();
  const file = id ? await attachmentForDownload(user, id) : null;
  if (!file) return notFound();
  const store = configuredStore();
  const bytes = await store.get(thumb ? thumbKey(file.sha256) : file.sha256);
  if (!bytes) return notFound();
  const inline = thumb || INLINE.has(file.mime);
  const name = thumb ? file.name.replace(/\.[^.]+$/, '') + '-thumb.jpg' : file.name;
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': thumb ? 'image/jpeg' : file.mime,
      'content-length': String(bytes.length),
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': FILE_CSP,
      'cache-control': 'private, max-age=300',
      'cross-origin-resource-policy': 'same-origin',
    },
  });
}
