import pg from 'pg';

// One import per user at a time, across every server process: a PostgreSQL
// advisory lock keyed on the user id, taken without waiting on a connection of
// its own that lives as long as the import. If the process dies, the
// connection closes and the lock goes with it.

/** The first key of the lock pair: imports (the second is the user id). */
const IMPORT_LOCK_CLASS = 0x1e_4b_00_01;

/**
 * Runs `work` holding this user's import lock, or answers null at once when
 * another import of theirs holds it.
 */
export async function withImportLock<T>(userId: number, work: () => Promise<T>): Promise<{ value: T } | null> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: 'portal-import-lock' });
  // A connection that breaks while the import runs must not throw out of the process.
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [IMPORT_LOCK_CLASS, userId]);
    if (!rows[0]?.locked) return null;
    return { value: await work() };
  } finally {
    // Closing the session releases its advisory locks.
    await client.end().catch(() => {});
  }
}
