import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/lists/list-controls';
import type { SessionUser } from '@/lib/auth/policy';
import { toLocale } from '@/lib/i18n/config';
import { formatDate, formatDateTime, formatMonth } from '@/lib/i18n/format';
import { pageOf, TABLE_PAGE_SIZE } from '@/lib/lists/params';
import { reminderConfig } from '@/lib/reminders/config';
import { requestTodo } from '@/lib/todo/queries';

type Item = { key: string; href: string; label: string; meta?: string[]; urgent?: boolean };
/** `items`: the section's `listed` entries on the page shown, the only ones put into words. */
type Section = { id: string; title: string; count: number; hint?: string; items: Item[]; listed: number; page: number };

/**
 * The user's to-do (待办) by section, each with its count; `limit` shows only the first items of
 * each (the landing pages), with a link to /todo for the rest. Nothing for a role without one.
 */
export async function TodoPanel({ user, limit, heading = 'h2', pages }: { user: SessionUser; limit?: number; heading?: 'h1' | 'h2'; pages?: { section: string; page: number } }) {
  const [t, tAll, locale, todo] = await Promise.all([getTranslations('todo'), getTranslations(), getLocale().then(toLocale), requestTodo(user)]);
  if (todo.kind === null) return null;
  const month = (d: Date) => formatMonth(d, locale);
  // Only what is shown is worded: a province's org department has thousands of entries, and
  // formatting each message costs more than the rest of the dashboard (x100: a third of its CPU).
  // A landing page shows each section's first `limit`; /todo a page of TABLE_PAGE_SIZE (`pages`: which
  // section is on which page, the others on their first).
  const listed = <T,>(id: string, list: T[], toItem: (entry: T) => Item) => {
    const shown = pageOf(list, limit === undefined && pages?.section === id ? pages.page : 1, limit ?? TABLE_PAGE_SIZE);
    return { items: shown.rows.map(toItem), listed: list.length, page: shown.page };
  };
  const sections: Section[] = [];
  if (todo.kind === 'village') {
    const s = todo.sections;
    const q = s.quarter;
    sections.push(
      {
        id: 'to-confirm',
        title: t('toConfirm'),
        count: s.toConfirm.length,
        hint: t('toConfirmHint'),
        ...listed('to-confirm', s.toConfirm, (u) => ({
          key: `c${u.updateId}`,
          href: u.href,
          label: t('toConfirmItem', { project: u.projectName, month: month(u.period) }),
          meta: [u.answer ? t('answered', { reason: u.answer }) : null, u.revisedReason ? t('revised', { reason: u.revisedReason }) : null].filter((m): m is string => !!m),
        })),
      },
      {
        id: 'my-disputes',
        title: t('myDisputes'),
        count: s.myDisputes.length,
        hint: t('myDisputesHint'),
        ...listed('my-disputes', s.myDisputes, (u) => ({
          key: `d${u.updateId}`,
          href: u.href,
          label: t('disputeItem', { project: u.projectName, month: month(u.period) }),
          meta: u.reason ? [t('reason', { reason: u.reason })] : [],
        })),
      },
      {
        id: 'feedback-due',
        title: t('feedbackDue'),
        count: s.feedbackDue.length,
        hint: t('feedbackDueHint', { quarter: locale === 'zh-CN' ? `${q.getUTCFullYear()}年第${q.getUTCMonth() / 3 + 1}季度` : `Q${q.getUTCMonth() / 3 + 1} ${q.getUTCFullYear()}` }),
        ...listed('feedback-due', s.feedbackDue, (p) => ({ key: `f${p.projectId}`, href: p.href, label: t('feedbackDueItem', { project: p.projectName }) })),
      },
      {
        id: 'income-due',
        title: t('incomeDue'),
        count: s.incomeDue ? 1 : 0,
        ...listed('income-due', s.incomeDue ? [s.incomeDue] : [], (due) => ({ key: 'income', href: due.href, label: t('incomeDueItem', { year: due.year }) })),
      },
    );
  } else if (todo.kind === 'liaison') {
    const s = todo.sections;
    sections.push(
      {
        id: 'to-answer',
        title: t('toAnswer'),
        count: s.toAnswer.length,
        hint: t('toAnswerHint'),
        ...listed('to-answer', s.toAnswer, (u) => ({
          key: `a${u.updateId}`,
          href: u.href,
          label: t('toAnswerItem', { project: u.projectName, month: month(u.period) }),
          meta: [tAll(`enum.UpdateConfirmation.${u.confirmation}`), ...(u.reason ? [t('reason', { reason: u.reason })] : [])],
          urgent: true,
        })),
      },
      {
        id: 'missing-updates',
        title: t('missing'),
        count: s.missing.length,
        hint: t('missingHint', { day: reminderConfig().updateDueDay }),
        ...listed('missing-updates', s.missing, (m) => ({
          key: `m${m.projectId}-${m.period.getTime()}`,
          href: m.href,
          label: t('missingItem', { project: m.projectName, month: month(m.period) }),
          meta: [m.overdueDays > 0 ? t('overdueDays', { days: m.overdueDays }) : t('dueBy', { date: formatDate(m.dueDate, locale) })],
          urgent: m.overdueDays > 0,
        })),
      },
      {
        id: 'new-feedback',
        title: t('newFeedback'),
        count: s.newFeedback.reduce((n, f) => n + f.count, 0),
        hint: t('newFeedbackHint'),
        ...listed('new-feedback', s.newFeedback, (f) => ({ key: `n${f.projectId}`, href: f.href, label: t('newFeedbackItem', { project: f.projectName, count: f.count }) })),
      },
    );
  } else {
    const s = todo.sections;
    sections.push(
      {
        id: 'long-disputes',
        title: t('longDisputes', { days: s.disputeOpenDays }),
        count: s.longDisputes.length,
        hint: t('longDisputesHint'),
        ...listed('long-disputes', s.longDisputes, (u) => ({
          key: `l${u.updateId}`,
          href: u.href,
          label: t('longDisputeItem', { soe: u.soeName, project: u.projectName, month: month(u.period) }),
          meta: [t('openDays', { days: u.days }), ...(u.reason ? [t('reason', { reason: u.reason })] : [])],
          urgent: true,
        })),
      },
      {
        id: 'overdue-soes',
        title: t('overdueSoes'),
        count: s.overdueSoes.length,
        hint: t('overdueSoesHint'),
        ...listed('overdue-soes', s.overdueSoes, (o) => ({ key: `s${o.soeId}`, href: o.href, label: t('overdueSoeItem', { soe: o.soeName, months: o.months, projects: o.projects }) })),
      },
      {
        id: 'rounds',
        title: t('rounds'),
        count: s.rounds.length,
        ...listed('rounds', s.rounds, (r) => ({
          key: `r${r.accreditationId}`,
          href: r.href,
          label: t('roundsItem', { zone: r.zoneName, assessed: r.assessed }),
          meta: [t('nominatedOn', { date: formatDate(r.nominatedOn, locale) })],
        })),
      },
    );
  }
  // Every role's list ends with the practical tasks (实事清单) past their day in its scope.
  sections.push({
    id: 'overdue-tasks',
    title: t('overdueTasks'),
    count: todo.sections.overdueTasks.length,
    hint: t('overdueTasksHint'),
    ...listed('overdue-tasks', todo.sections.overdueTasks, (task) => ({
      key: `t${task.taskId}`,
      href: task.href,
      label: t('overdueTaskItem', { zone: task.zoneName, task: task.title }),
      meta: [t('dueOn', { date: formatDate(task.dueOn, locale) })],
      urgent: true,
    })),
  });
  const Heading = heading;
  const SectionHeading = heading === 'h1' ? 'h2' : 'h3';
  return (
    <section id="todo" aria-labelledby="todo-title" className="rounded-lg border border-red-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading id="todo-title" className={heading === 'h1' ? 'text-xl font-semibold' : 'text-lg font-semibold'}>
          {t('title')} <span className="text-base font-normal text-slate-600">{t('count', { count: todo.total })}</span>
        </Heading>
        {limit !== undefined && (
          <Link href="/todo" className="text-sm text-red-900 hover:underline">{t('all')}</Link>
        )}
      </div>
      {heading === 'h1' && <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>}
      {todo.kind === 'org' && !todo.sections.asOf.current && (
        <p className="mt-1 text-xs text-amber-800" data-todo-as-of={todo.sections.asOf.at.toISOString()}>
          {t('asOfBehind', { time: formatDateTime(todo.sections.asOf.at, locale) })}
        </p>
      )}
      {todo.total === 0 && <p className="mt-2 text-sm text-slate-500">{t('none')}</p>}
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        {sections.map((s) => (
          <section key={s.id} id={`todo-${s.id}`} aria-labelledby={`todo-${s.id}-title`} data-count={s.count} className="min-w-0">
            <SectionHeading id={`todo-${s.id}-title`} className="font-semibold">
              {s.title}{' '}
              <span className={`ml-1 rounded-full px-2 py-0.5 text-sm ${s.count > 0 ? 'bg-red-800 text-white' : 'bg-slate-100 text-slate-600'}`}>{s.count}</span>
            </SectionHeading>
            {s.hint && s.count > 0 && <p className="text-xs text-slate-600">{s.hint}</p>}
            {s.items.length > 0 && (
              <ul className="mt-1 space-y-1 text-sm">
                {s.items.map((item) => (
                  <li key={item.key} className="break-words border-l-2 border-slate-200 pl-2">
                    <Link href={item.href} className="font-medium text-red-900 hover:underline">{item.label}</Link>
                    {item.meta?.map((m) => (
                      <span key={m} className={`block text-xs ${item.urgent ? 'text-rose-800' : 'text-slate-600'}`}>{m}</span>
                    ))}
                  </li>
                ))}
                {limit !== undefined && s.listed > s.items.length && (
                  <li className="pl-2 text-xs text-slate-500">
                    <Link href={`/todo#todo-${s.id}`} className="hover:underline">{t('count', { count: s.listed })} →</Link>
                  </li>
                )}
              </ul>
            )}
            {limit === undefined && s.listed > TABLE_PAGE_SIZE && (
              <div className="mt-2">
                <Pagination page={s.page} total={s.listed} pageSize={TABLE_PAGE_SIZE} current={{ section: s.id }} hash={`#todo-${s.id}`} />
              </div>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
