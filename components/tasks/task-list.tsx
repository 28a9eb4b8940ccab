import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { SampleTag } from '@/components/ui/sample-banner';
import type { SessionUser } from '@/lib/auth/policy';
import { portalNow } from '@/lib/clock';
import { toLocale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { getZoneTasks } from '@/lib/tasks/queries';
import { TaskForm, TaskProgressForm, TaskTextForm } from './task-forms';

/** The zone's list of practical tasks (实事清单): overdue ones marked; forms for who may move each on. */
export async function TaskList({ user, zoneId }: { user: SessionUser; zoneId: number }) {
  const [t, locale, list] = await Promise.all([getTranslations(), getLocale().then(toLocale), getZoneTasks(user, zoneId, portalNow())]);
  if (!list) return null;
  return (
    <section id="tasks" aria-labelledby="tasks-title" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="tasks-title" className="font-semibold">{t('tasks.heading')}</h2>
      <p className="text-xs text-slate-600">{t('tasks.intro')}</p>
      {list.tasks.length === 0 ? (
        <p className="text-sm text-slate-500">{t('tasks.none')}</p>
      ) : (
        <DataTable
          rows={list.tasks}
          rowKey={(task) => task.id}
          columns={[
            {
              label: t('tasks.title'),
              cell: (task) => (
                <>
                  <span id={`task-${task.id}`}>{task.title}{task.isSample && <SampleTag />}</span>
                  {task.canEdit && (
                    <details className="mt-1 text-xs">
                      <summary className="cursor-pointer text-red-800">{t('tasks.edit')}</summary>
                      <TaskTextForm task={{ id: task.id, version: task.version, title: task.title, forWhom: task.forWhom, responsible: task.responsible, dueOn: task.dueOn.toISOString().slice(0, 10) }} />
                    </details>
                  )}
                </>
              ),
            },
            { label: t('tasks.forWhom'), cell: (task) => task.forWhom },
            { label: t('tasks.responsible'), cell: (task) => `${task.responsible}${task.owner ? `（${task.owner.name}）` : ''}` },
            {
              label: t('tasks.dueOn'),
              cell: (task) => (
                <>
                  {formatDate(task.dueOn, locale)}
                  {task.overdue && <span className="ml-1 rounded bg-rose-100 px-1 text-xs text-rose-800">{t('tasks.overdue')}</span>}
                </>
              ),
            },
            { label: t('tasks.status'), cell: (task) => t(`enum.TaskStatus.${task.status}`) },
            {
              label: t('tasks.evidence'),
              wide: true,
              cell: (task) =>
                task.canUpdate ? <TaskProgressForm task={{ id: task.id, version: task.version, title: task.title, status: task.status, evidence: task.evidence }} /> : (task.evidence ?? '—'),
            },
          ]}
        />
      )}
      {list.canCreate && (
        <details className="rounded border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">{t('tasks.add')}</summary>
          <div className="mt-2">
            <TaskForm zoneId={zoneId} owners={list.owners} />
          </div>
        </details>
      )}
    </section>
  );
}
