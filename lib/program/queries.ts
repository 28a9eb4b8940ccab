import 'server-only';
import { db } from '@/lib/db/client';

/** True when the database holds the synthetic demo set (the UI then shows a banner). */
export async function hasDemoData() {
  return (await db().source.count({ where: { isDemo: true } })) > 0;
}
