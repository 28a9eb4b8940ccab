import 'server-only';
import exifr from 'exifr';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { sha256 } from '@/lib/files/storage';
import { ACCEPTED_TYPES, isImageType, MAX_FILE_BYTES, THUMB_SIDE, type AcceptedType } from './limits';

// An upload is looked at before anything is stored: its type from its content
// (magic bytes, `file-type`), never from its name; an image must decode, and
// gets a thumbnail re-encoded without any metadata; a photo's capture time
// and place are read from its EXIF (`exifr`).

/** Why a file is refused: each a message in both languages (`attachments.refused.*`). */
export type Refusal = 'tooLarge' | 'empty' | 'type' | 'heic' | 'undecodable';

/** A file the server itself looked at: only this (never form input) can become an attachment. */
export class InspectedFile {
  constructor(
    readonly bytes: Buffer,
    readonly sha256: string,
    readonly mime: AcceptedType,
    readonly name: string,
    readonly width: number | null,
    readonly height: number | null,
    readonly takenAt: Date | null,
    readonly latitude: number | null,
    readonly longitude: number | null,
    readonly thumbnail: Buffer | null,
  ) {}
  get size() {
    return this.bytes.length;
  }
}

/** China time: EXIF times carry no zone unless the camera wrote an offset; the program's photos are taken in Wuhan. */
const DEFAULT_OFFSET = '+08:00';

/**
 * The file, or why it is refused. `exifSegment`: the original photo's EXIF (APP1) segment, sent by
 * the browser beside a photo it downscaled (a canvas keeps no EXIF) — read as the photo's own would be.
 */
export async function inspectFile(bytes: Buffer, name: string, exifSegment?: Buffer | null): Promise<InspectedFile | Refusal> {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > MAX_FILE_BYTES) return 'tooLarge';
  const found = await fileTypeFromBuffer(bytes);
  // HTML, SVG and other text have no magic bytes: `found` is undefined, and they are refused with the rest.
  const mime = found && Object.hasOwn(ACCEPTED_TYPES, found.mime) ? (found.mime as AcceptedType) : null;
  if (!mime) return 'type';
  const safeName = cleanName(name, ACCEPTED_TYPES[mime]);
  if (!isImageType(mime)) return new InspectedFile(bytes, sha256(bytes), mime, safeName, null, null, null, null, null, null);

  let thumbnail: Buffer;
  let width: number | null = null;
  let height: number | null = null;
  try {
    const image = sharp(bytes, { failOn: 'error' });
    const meta = await image.metadata();
    // Upright dimensions: EXIF orientations 5–8 swap them.
    const swapped = (meta.orientation ?? 1) >= 5;
    width = (swapped ? meta.height : meta.width) ?? null;
    height = (swapped ? meta.width : meta.height) ?? null;
    // Re-encoded: no EXIF, no GPS, no ICC comments — a thumbnail may be shown or copied anywhere.
    thumbnail = await sharp(bytes, { failOn: 'error' }).rotate().resize(THUMB_SIDE, THUMB_SIDE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
  } catch {
    // The prebuilt libvips decodes AVIF-coded HEIF, not HEVC-coded HEIC (patents): say what to do instead.
    return mime === 'image/heic' || mime === 'image/heif' ? 'heic' : 'undecodable';
  }
  const exif = (await readExif(bytes)) ?? (exifSegment?.length ? await readExif(Buffer.concat([Buffer.from([0xff, 0xd8]), exifSegment, Buffer.from([0xff, 0xd9])])) : null);
  return new InspectedFile(bytes, sha256(bytes), mime, safeName, width, height, exif?.takenAt ?? null, exif?.latitude ?? null, exif?.longitude ?? null, thumbnail);
}

type Exif = { takenAt: Date | null; latitude: number | null; longitude: number | null };

/** Capture time and place, or null when the file has none (or none that reads). */
export async function readExif(bytes: Buffer): Promise<Exif | null> {
  try {
    const tags = await exifr.parse(bytes, { pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal', 'GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef'], gps: true, reviveValues: false, translateValues: false });
    if (!tags) return null;
    const exif: Exif = { takenAt: exifTime(tags.DateTimeOriginal ?? tags.CreateDate, tags.OffsetTimeOriginal), latitude: null, longitude: null };
    const gps = await exifr.gps(bytes).catch(() => null);
    if (gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude) && Math.abs(gps.latitude) <= 90 && Math.abs(gps.longitude) <= 180 && !(gps.latitude === 0 && gps.longitude === 0)) {
      exif.latitude = Math.round(gps.latitude * 1e6) / 1e6;
      exif.longitude = Math.round(gps.longitude * 1e6) / 1e6;
    }
    return exif.takenAt || exif.latitude !== null ? exif : null;
  } catch {
    return null;
  }
}

/** "2025:03:01 10:20:30" (+ an offset when the camera wrote one) as an instant; null when not a plausible time. */
function exifTime(value: unknown, offset: unknown): Date | null {
  const m = typeof value === 'string' ? /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value) : null;
  if (!m) return null;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : DEFAULT_OFFSET;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1990 ? null : date;
}

/** The name as shown and offered on download: no path, no control characters, the extension of what it is. */
export function cleanName(name: string, extension: string) {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .replace(/\.[^.]{0,10}$/, '')
    .slice(0, 120);
  return `${base || 'file'}.${extension}`;
}
