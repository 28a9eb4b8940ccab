import { randomBytes } from 'node:crypto';

// An unexpected error is never shown to the user: the server log keeps it in
// full under a short random id, and the user sees a plain message with that id
// to quote when they call for help.

/** 8 hex characters, e.g. `3f9a0c1e`. */
export function newRequestId(): string {
  return randomBytes(4).toString('hex');
}

/** The full error in the server log, under the id the user was shown. */
export function logError(id: string, error: unknown) {
  console.error(`[request ${id}]`, error);
}
