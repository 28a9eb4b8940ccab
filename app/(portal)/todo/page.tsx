import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TodoPanel } from '@/components/todo/todo-panel';
import { requireUser } from '@/lib/auth/current-user';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('todo.title')} · ${t('app.title')}` };
}

/** The whole to-do of the signed-in user; each role's landing page shows its first items. */
export default async function TodoPage() {
  const user = await requireUser();
  return <TodoPanel user={user} heading="h1" />;
}
