import { randomBytes } from 'node:crypto';

// A failure the user sees carries a short id; the server log carries the same id
// with the whole error (message, stack, causes). No response carries the error text.

/** A short id for one failure, e.g. `7f3a9c1e`: shown to the user, logged with the error. */
export function newRequestId(): string {
  return randomBytes(4).toString('hex');
}

/** Logs the whole error, with its causes, under `id` (one entry, for operators). */
export function logError(id: string, error: unknown): void {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  console.error(`[error ${id}] ${parts.join('\nCaused by: ')}`);
}
