import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TodoPanel } from '@/components/todo/todo-panel';
import { requireUser } from '@/lib/auth/current-user';
import { firstValues, pageNumber, type SearchParams } from '@/lib/lists/params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('todo.title')} · ${t('app.title')}` };
}

/** The whole to-do of the signed-in user, each section by pages (`?section=&page=`); each role's landing page shows its first items. */
export default async function TodoPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = firstValues(await searchParams);
  return <TodoPanel user={user} heading="h1" pages={{ section: params.section ?? '', page: pageNumber.parse(params.page) }} />;
}
