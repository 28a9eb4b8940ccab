import 'server-only';
import { db } from '@/lib/db/client';

/** True when the database holds the synthetic sample set (the UI then shows a banner). */
export async function hasSampleData() {
  return (await db().source.count({ where: { isSample: true } })) > 0;
}
