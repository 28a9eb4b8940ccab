import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { homePath } from '@/lib/auth/policy';

/** Each role lands on its own home. */
export default async function Home() {
  redirect(homePath(await requireUser()));
}
