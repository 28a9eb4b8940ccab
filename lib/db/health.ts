import 'server-only';
import { db } from './client';

export async function databaseHealth(): Promise<{ up: boolean; latencyMs?: number; error?: string }> {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return { up: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { up: false, error: (error as Error).message.split('\n')[0] || 'database not reachable' };
  }
}
