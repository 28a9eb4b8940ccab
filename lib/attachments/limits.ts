// What evidence files may be, in one place (client-safe: the upload form reads it too).

/** One file at most (bytes): a phone photo downscaled in the browser is far below it; a scanned PDF fits. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** One record (an update, a criterion, a dispute, feedback) holds at most this many files… */
export const MAX_FILES_PER_RECORD = 20;
/** …and this many bytes in all. */
export const MAX_RECORD_BYTES = 100 * 1024 * 1024;
/** Photos are downscaled in the browser to this long side before upload (JPEG), sparing mobile data. */
export const UPLOAD_MAX_SIDE = 2560;
/** Thumbnails' long side. */
export const THUMB_SIDE = 480;

/** Accepted types, by the type found in the content (never the name); the value is the extension offered on download. */
export const ACCEPTED_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
} as const;
export type AcceptedType = keyof typeof ACCEPTED_TYPES;

/** For the file picker: what the phone offers (the server decides by content all the same). */
export const ACCEPT_ATTRIBUTE = 'image/*,application/pdf,.pdf,.xlsx,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const isImageType = (mime: string) => mime.startsWith('image/');
