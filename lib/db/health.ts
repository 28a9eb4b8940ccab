import 'server-only';
import pg from 'pg';

/** The health check answers within this, whatever the database does (a load balancer's probe must not hang). */
const DEADLINE_MS = 600;

/**
 * Whether PostgreSQL answers a new connection and `SELECT 1` within the deadline.
 * Its own short-lived connection, not the pool: a stalled pool (every connection
 * waiting on a stopped server) must not make the check wait, and the check must
 * not queue behind the pages. No error text leaves here: `error` is a category.
 */
export async function databaseHealth(): Promise<{ up: boolean; latencyMs?: number; error?: 'timeout' | 'unreachable' }> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: DEADLINE_MS });
  client.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), DEADLINE_MS);
  });
  try {
    const answer = await Promise.race([client.connect().then(() => client.query('SELECT 1')), deadline]);
    if (answer === 'timeout') return { up: false, error: 'timeout' };
    return { up: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { up: false, error: 'unreachable' };
  } finally {
    clearTimeout(timer);
    // A stalled server would keep a polite goodbye waiting: drop the socket.
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    void client.end().catch(() => {});
  }
}
