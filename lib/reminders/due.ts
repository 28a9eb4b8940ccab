import type { Prisma, PrismaClient } from '@/lib/db/client';
import type { NotificationKind } from '@/lib/db/enums';
import { REMINDER_ESCALATION_ROLES } from '@/lib/auth/policy';
import { currentQuarter } from '@/lib/dates';
import { latestCompleteYear } from '@/lib/metrics/trajectory';
import { formatQuarter } from '@/lib/i18n/format';
import { chinaDay, type ReminderConfig } from './config';

type Reader = PrismaClient | Prisma.TransactionClient;

/** One thing due, with who hears of it and where. */
export type DueItem = {
  kind: NotificationKind;
  entity: 'project' | 'projectUpdate' | 'village';
  entityId: number;
  period: Date;
  title: string;
  body: string;
  link: string;
  userIds: number[];
  webhooks: string[];
};

const DAY_MS = 86_400_000;
/** How many past months a missing update is still chased for. */
const MONTHS_BACK = 3;

const monthName = (period: Date) => `${period.getUTCFullYear()}年${period.getUTCMonth() + 1}月`;
const dayName = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;

/** Records from a sample source are left alone unless the setting says otherwise. */
const notSample = (config: ReminderConfig) => (config.includeSample ? {} : { OR: [{ sourceId: null }, { source: { isSample: false } }] });

/** The months whose missing update is chased on `today` (a China-time day): the MONTHS_BACK months before it. */
export function chasedPeriods(today: Date): Date[] {
  return Array.from({ length: MONTHS_BACK }, (_, i) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1 - i, 1)));
}

/** The update for month M is due by UPDATE_DUE_DAY of M+1. */
export function updateDueDate(period: Date, config: Pick<ReminderConfig, 'updateDueDay'>) {
  return new Date(Date.UTC(period.getUTCFullYear(), period.getUTCMonth() + 1, config.updateDueDay));
}

/**
 * The rule for a missing monthly update, in one place (reminders and to-do lists): each chased
 * month the project has no update for, that had begun when the month ended and whose month is
 * over; `overdueDays` > 0 once its due day has passed (0 or less: due, not yet late).
 */
export function missingUpdates(project: { startDate: Date | null; reported: Date[] }, today: Date, config: Pick<ReminderConfig, 'updateDueDay'>) {
  const reported = new Set(project.reported.map((p) => p.getTime()));
  const missing: { period: Date; dueDate: Date; overdueDays: number }[] = [];
  for (const period of chasedPeriods(today)) {
    const monthEnd = Date.UTC(period.getUTCFullYear(), period.getUTCMonth() + 1, 1);
    if (reported.has(period.getTime())) continue;
    if (project.startDate && project.startDate.getTime() >= monthEnd) continue;
    // Before its month has ended nothing is due.
    if (today.getTime() < monthEnd) continue;
    const dueDate = updateDueDate(period, config);
    missing.push({ period, dueDate, overdueDays: Math.round((today.getTime() - dueDate.getTime()) / DAY_MS) });
  }
  return missing;
}

/**
 * What is due on the day of `now` (China time): the monthly update of each in-progress project
 * (month M due by UPDATE_DUE_DAY of M+1; overdue after; more than 30 days overdue copies the org
 * department), and updates awaiting a village committee's confirmation.
 */
export async function computeDue(client: Reader, now: Date, config: ReminderConfig): Promise<DueItem[]> {
  const today = chinaDay(now);
  const items: DueItem[] = [];
  const org = await client.orgSetting.findUnique({ where: { id: 1 } });
  const orgUsers = await client.user.findMany({ where: { active: true, role: { in: [...REMINDER_ESCALATION_ROLES] } }, select: { id: true } });

  const periods = chasedPeriods(today);
  const projects = await client.project.findMany({
    where: { status: 'IN_PROGRESS', ...notSample(config) },
    select: {
      id: true,
      name: true,
      startDate: true,
      soe: { select: { name: true, webhookUrl: true, users: { where: { active: true }, select: { id: true } } } },
      updates: { where: { period: { in: periods } }, select: { period: true } },
    },
    orderBy: { id: 'asc' },
  });
  for (const project of projects) {
    for (const { period, dueDate, overdueDays } of missingUpdates({ startDate: project.startDate, reported: project.updates.map((u) => u.period) }, today, config)) {
      const overdue = overdueDays > 0;
      const escalate = overdueDays > config.escalateAfterDays;
      const link = `${config.portalUrl}/projects/${project.id}`;
      const title = overdue
        ? `【逾期${escalate ? '超过30天' : ''}】「${project.name}」${monthName(period)}进展未填报`
        : `「${project.name}」${monthName(period)}进展待填报`;
      const body = overdue
        ? `${project.soe.name}的项目「${project.name}」${monthName(period)}的进展应于${dayName(dueDate)}前填报，已逾期${overdueDays}天。请尽快填报：${link}`
        : `${project.soe.name}的项目「${project.name}」${monthName(period)}的进展请于${dayName(dueDate)}前填报：${link}`;
      items.push({
        kind: overdue ? 'UPDATE_OVERDUE' : 'UPDATE_DUE',
        entity: 'project',
        entityId: project.id,
        period,
        title,
        body,
        link,
        userIds: [...project.soe.users.map((u) => u.id), ...(escalate ? orgUsers.map((u) => u.id) : [])],
        webhooks: [project.soe.webhookUrl, escalate ? org?.webhookUrl : null].filter((u): u is string => !!u),
      });
    }
  }

  const pending = await client.projectUpdate.findMany({
    where: { confirmation: 'PENDING', project: notSample(config), ...(config.includeSample ? {} : { OR: [{ sourceId: null }, { source: { isSample: false } }] }) },
    select: {
      id: true,
      period: true,
      project: { select: { id: true, name: true, villages: { select: { village: { select: { users: { where: { active: true }, select: { id: true } } } } } } } },
    },
    orderBy: { id: 'asc' },
  });
  for (const update of pending) {
    const userIds = update.project.villages.flatMap((v) => v.village.users.map((u) => u.id));
    if (userIds.length === 0) continue;
    const link = `${config.portalUrl}/projects/${update.project.id}`;
    items.push({
      kind: 'UPDATE_TO_CONFIRM',
      entity: 'projectUpdate',
      entityId: update.id,
      period: update.period,
      title: `「${update.project.name}」${monthName(update.period)}进展待确认`,
      body: `项目「${update.project.name}」${monthName(update.period)}的进展已填报，请村委会确认或提出异议：${link}`,
      link,
      userIds: [...new Set(userIds)],
      webhooks: [],
    });
  }

  // Feedback from each village a project serves, once a quarter (the current quarter, as the form).
  const quarter = currentQuarter(today);
  const quarterName = formatQuarter(quarter, 'zh-CN');
  const quarterEnd = new Date(Date.UTC(quarter.getUTCFullYear(), quarter.getUTCMonth() + 3, 0));
  const served = await client.projectVillage.findMany({
    where: { project: { status: 'IN_PROGRESS', ...notSample(config) } },
    select: {
      project: { select: { id: true, name: true, feedback: { where: { period: quarter }, select: { villageId: true } } } },
      village: { select: { id: true, name: true, users: { where: { active: true }, select: { id: true } } } },
    },
    orderBy: [{ projectId: 'asc' }, { villageId: 'asc' }],
  });
  for (const { project, village } of served) {
    if (village.users.length === 0 || project.feedback.some((f) => f.villageId === village.id)) continue;
    const link = `${config.portalUrl}/projects/${project.id}`;
    items.push({
      kind: 'FEEDBACK_DUE',
      entity: 'project',
      entityId: project.id,
      period: quarter,
      title: `「${project.name}」${quarterName}评价待提交`,
      body: `请${village.name}村委会于${dayName(quarterEnd)}前对项目「${project.name}」提交${quarterName}评价：${link}`,
      link,
      userIds: village.users.map((u) => u.id),
      webhooks: [],
    });
  }

  // A village's income for the year just ended, due from 1 January.
  const year = latestCompleteYear(today);
  const villages = await client.village.findMany({
    where: { ...notSample(config), users: { some: { active: true } }, incomes: { none: { year } } },
    select: { id: true, name: true, users: { where: { active: true }, select: { id: true } } },
    orderBy: { id: 'asc' },
  });
  for (const village of villages) {
    const link = `${config.portalUrl}/villages/${village.id}`;
    items.push({
      kind: 'INCOME_DUE',
      entity: 'village',
      entityId: village.id,
      period: new Date(Date.UTC(year, 0, 1)),
      title: `${village.name}${year}年村集体经济收入待填报`,
      body: `${year}年已结束，请${village.name}村委会填报${year}年村集体经济收入：${link}`,
      link,
      userIds: village.users.map((u) => u.id),
      webhooks: [],
    });
  }
  return items;
}
