// The one result type of every server action; safe to import in client components.

/** What the user typed, sent back with a refusal so the form keeps it (never passwords). */
export type Echo = Record<string, string | string[]>;

export type ActionState<T = unknown> =
  | { status: 'idle' }
  | { status: 'ok'; data: T }
  | { status: 'invalid'; message: string; fieldErrors: Record<string, string[]>; values?: Echo }
  | { status: 'conflict'; message: string; values?: Echo }
  | { status: 'denied'; message: string; values?: Echo }
  /** Nothing was saved: the database did not answer, or the server failed (`requestId` names the log entry). */
  | { status: 'error'; message: string; values?: Echo; requestId: string; databaseUnavailable: boolean };

export const idle: ActionState<never> = { status: 'idle' };
