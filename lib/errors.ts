// Client-safe: how a page error says "the database did not answer" across the
// server → browser boundary. In production Next.js sends the browser only an
// error's `digest`, so the database's errors carry a digest of this form.
const PREFIX = 'DB_UNAVAILABLE:';

/** The digest of a database failure that the log records under `requestId`. */
export const databaseUnavailableDigest = (requestId: string) => `${PREFIX}${requestId}`;

/** From an error boundary's `digest`: whether the database did not answer, and the id to quote. */
export function readDigest(digest: string | undefined): { databaseUnavailable: boolean; reference?: string } {
  if (!digest) return { databaseUnavailable: false };
  if (digest.startsWith(PREFIX)) return { databaseUnavailable: true, reference: digest.slice(PREFIX.length) };
  return { databaseUnavailable: false, reference: digest };
}
