import { databaseHealth } from '@/lib/db/health';

export const dynamic = 'force-dynamic';

/** Liveness and database status, for load balancers and operators. No data, no auth. */
export async function GET() {
  const database = await databaseHealth();
  return Response.json(
    { status: database.up ? 'ok' : 'degraded', database },
    { status: database.up ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
