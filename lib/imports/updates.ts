import { FieldError } from '@/lib/action';
import { can, type SessionUser } from '@/lib/auth/policy';
import { startOfMonth } from '@/lib/dates';
import en from '@/lib/i18n/messages/en.json';
import zhCN from '@/lib/i18n/messages/zh-CN.json';
import { checkBeneficiaryVillages, checkNewUpdate, figureSelect, postUpdate, type MonthReport, type PostUpdateInput, type ReplacedBeneficiary } from '@/lib/projects/mutations';
import { postUpdateSchema } from '@/lib/projects/schemas';
import { editedSince, implausible, type ImportChange, type ImportedChange, type ImportSpec, type RowIssue, type Tx } from './engine';
import { enumValue } from './projects';

// 进展: a liaison team's monthly updates of its own SOE's projects, one row per
// project and month, posted exactly as the update form posts them: each row
// through the form's schema (postUpdateSchema) and the form's rules
// (checkNewUpdate: open project, month not yet posted, cumulative figures
// between their neighbours and within the plan, beneficiaries of the project's
// villages), written by the form's own postUpdate. A month already posted is
// refused with the form's message: it is corrected with 修改 on the project
// page, with a reason, as the correction loop asks. Beneficiary counts for more
// villages of one update go on further rows of the same project and month with
// the figure columns left blank.

type Project = {
  id: number;
  label: string;
  zone: string;
  name: string;
  status: string;
  plannedInvestment: string | null;
  villageIds: Set<number>;
  villages: { id: number; name: string }[];
  /** Its posted reports, then the file's rows as they are read. */
  reports: MonthReport[];
  /** Its current beneficiary counts, for the template. */
  beneficiaries: { villageId: number | null; kind: string; people: number; households: number | null }[];
};
type Ctx = {
  /** By zone and name ("|name" for a citywide project). */
  projects: Map<string, Project>;
  byName: Map<string, Project[]>;
  /** Every village's id by name, the project's own first (a name outside the project is refused by the form's rule). */
  villages: Map<string, number>;
  /** The rows read so far, by project and month. */
  rows: Map<string, Row>;
};
/** A row that posts an update, or one that only adds beneficiaries to the row of its project and month above it. */
type Row = { input: PostUpdateInput; label: string; previous: MonthReport | null; more?: true };

const FIGURE_COLUMNS = ['progress', 'investment', 'jobs', 'income'] as const;
/** The form's field names → the import's columns. */
const COLUMN_OF_FIELD: Record<string, string> = {
  projectId: 'project',
  period: 'month',
  progressPct: 'progress',
  investmentToDate: 'investment',
  jobsCreated: 'jobs',
  incomeToVillages: 'income',
  narrative: 'narrative',
  beneficiaries: 'village',
  villageId: 'village',
  kind: 'beneficiaryKind',
  people: 'people',
  households: 'households',
};
const columnOf = (path: PropertyKey[]) => COLUMN_OF_FIELD[String(path[0] === 'beneficiaries' && path.length > 2 ? path[2] : path[0])] ?? 'project';
const issueKey = (message: string): RowIssue['key'] => (message.startsWith('validation.') ? (message as RowIssue['key']) : 'validation.invalidValue');
const monthText = (d: Date) => d.toISOString().slice(0, 7);

/**
 * The month a project's template row is for: last month when it is not yet posted, else this month;
 * null when both are. "This month" as the form's own rule has it (no update for a future month).
 */
export function monthDue(reports: { period: Date }[], now = new Date()): Date | null {
  const thisMonth = startOfMonth(now);
  const lastMonth = new Date(Date.UTC(thisMonth.getUTCFullYear(), thisMonth.getUTCMonth() - 1, 1));
  const posted = new Set(reports.map((r) => r.period.getTime()));
  return [lastMonth, thisMonth].find((m) => !posted.has(m.getTime())) ?? null;
}

function fail(error: unknown): RowIssue[] {
  if (!(error instanceof FieldError)) throw error;
  return [{ column: COLUMN_OF_FIELD[error.field] ?? 'month', key: error.key, params: error.params }];
}

export const updateImport: ImportSpec<Ctx, Row> = {
  kind: 'updates',
  columns: [
    { key: 'zone', zh: '片区', en: 'Zone' },
    { key: 'project', zh: '项目名称', en: 'Project' },
    { key: 'month', zh: '月份', en: 'Month', kind: 'month' },
    { key: 'progress', zh: '累计进度（%）', en: 'Progress (%)', kind: 'percent' },
    { key: 'investment', zh: '累计投资（元）', en: 'Investment to date (yuan)', kind: 'money' },
    { key: 'jobs', zh: '累计带动就业（人）', en: 'Jobs created to date', kind: 'count' },
    { key: 'income', zh: '累计带动村集体增收（元）', en: 'Income to villages to date (yuan)', kind: 'money' },
    { key: 'narrative', zh: '进展情况', en: 'Narrative' },
    { key: 'village', zh: '受益村', en: 'Beneficiary village', openChoices: true },
    { key: 'beneficiaryKind', zh: '受益类别', en: 'Beneficiary kind' },
    { key: 'people', zh: '受益人数', en: 'Beneficiaries (people)', kind: 'count' },
    { key: 'households', zh: '受益户数', en: 'Beneficiary households', kind: 'count' },
  ],
  async load(client: Tx, user: SessionUser) {
    const [found, villages] = await Promise.all([
      client.project.findMany({
        where: { soeId: user.soeId ?? -1 },
        select: {
          id: true,
          name: true,
          soeId: true,
          zoneId: true,
          status: true,
          plannedInvestment: true,
          zone: { select: { name: true, pairings: { select: { soeId: true } } } },
          villages: { select: { village: { select: { id: true, name: true } } }, orderBy: { village: { name: 'asc' } } },
          updates: { select: figureSelect, orderBy: { period: 'asc' } },
          beneficiaries: { select: { villageId: true, kind: true, people: true, households: true }, orderBy: { id: 'asc' } },
        },
        orderBy: { id: 'asc' },
      }),
      client.village.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } }),
    ]);
    const ctx: Ctx = { projects: new Map(), byName: new Map(), villages: new Map(), rows: new Map() };
    for (const v of villages) if (!ctx.villages.has(v.name)) ctx.villages.set(v.name, v.id);
    for (const p of found) {
      const villageIds = p.villages.map((v) => v.village.id);
      // The form's own rule decides which projects this user posts for.
      if (!can(user, 'project.postUpdate', { soeId: p.soeId, zoneId: p.zoneId, zoneSoeIds: p.zone?.pairings.map((z) => z.soeId) ?? [], villageIds })) continue;
      const zone = p.zone?.name ?? '';
      const project: Project = {
        id: p.id,
        label: `${zone ? `${zone} ` : ''}${p.name}`,
        zone,
        name: p.name,
        status: p.status,
        plannedInvestment: p.plannedInvestment?.toString() ?? null,
        villageIds: new Set(villageIds),
        villages: p.villages.map((v) => v.village),
        reports: p.updates,
        beneficiaries: p.beneficiaries,
      };
      ctx.projects.set(`${zone}|${p.name}`, project);
      ctx.byName.set(p.name, [...(ctx.byName.get(p.name) ?? []), project]);
    }
    return ctx;
  },
  choices(ctx, locale) {
    const labels = locale === 'zh-CN' ? zhCN : en;
    const sorted = (names: string[]) => [...new Set(names)].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    const open = [...ctx.projects.values()].filter((p) => p.status !== 'COMPLETED');
    return {
      zone: sorted(open.map((p) => p.zone).filter(Boolean)),
      project: sorted(open.map((p) => p.name)),
      village: sorted(open.flatMap((p) => p.villages.map((v) => v.name))),
      beneficiaryKind: Object.values(labels.enum.BeneficiaryKind),
    };
  },
  prefill(ctx, locale, now) {
    const labels = locale === 'zh-CN' ? zhCN : en;
    const rows: Record<string, string>[] = [];
    for (const p of ctx.projects.values()) {
      if (p.status === 'COMPLETED') continue;
      const due = monthDue(p.reports, now);
      if (!due) continue;
      const last = p.reports.at(-1);
      const head = { zone: p.zone, project: p.name, month: monthText(due) };
      rows.push({
        ...head,
        progress: String(last?.progressPct ?? 0),
        investment: last ? last.investmentToDate.toString() : '0',
        jobs: String(last?.jobsCreated ?? 0),
        income: last ? last.incomeToVillages.toString() : '0',
      });
      // Each village of the project with its current counts; the first on the project's row, the others below it.
      p.villages.forEach((v, i) => {
        const counts = p.beneficiaries.filter((b) => b.villageId === v.id);
        for (const [n, b] of (counts.length ? counts : [null]).entries()) {
          const cells = { village: v.name, beneficiaryKind: b ? labels.enum.BeneficiaryKind[b.kind as keyof typeof labels.enum.BeneficiaryKind] : '', people: b ? String(b.people) : '', households: b?.households?.toString() ?? '' };
          if (i === 0 && n === 0) Object.assign(rows.at(-1)!, cells);
          else rows.push({ ...head, ...cells });
        }
      });
    }
    return rows;
  },
  validate(cells, ctx) {
    const issues: RowIssue[] = [];
    let project: Project | undefined;
    if (!cells.project) issues.push({ column: 'project', key: 'validation.required' });
    else {
      const named = ctx.byName.get(cells.project!) ?? [];
      project = ctx.projects.get(`${cells.zone}|${cells.project}`) ?? (!cells.zone && named.length === 1 ? named[0] : undefined);
      // Another SOE's project is answered as one that does not exist: the file learns nothing of it.
      if (!project) issues.push({ column: 'project', key: 'validation.unknownProject' });
    }
    const period = postUpdateSchema.shape.period.safeParse(cells.month);
    if (!period.success) issues.push({ column: 'month', key: issueKey(period.error.issues[0]?.message ?? '') });

    const beneficiaries: Record<string, unknown>[] = [];
    if (cells.people) {
      const villageId = project?.villages.find((v) => v.name === cells.village)?.id ?? ctx.villages.get(cells.village!);
      if (!cells.village) issues.push({ column: 'village', key: 'validation.required' });
      else if (villageId === undefined) issues.push({ column: 'village', key: 'validation.unknownVillage', params: { value: cells.village! } });
      const kind = cells.beneficiaryKind ? enumValue('BeneficiaryKind', cells.beneficiaryKind) : undefined;
      if (!kind) issues.push({ column: 'beneficiaryKind', key: 'validation.unknownEnum', params: { value: cells.beneficiaryKind || '—' } });
      beneficiaries.push({ villageId: villageId ?? 0, kind, people: cells.people, households: cells.households });
    }
    if (issues.length || !project || !period.success) return { issues };

    const key = `${project.id}|${monthText(period.data)}`;
    const above = ctx.rows.get(key);
    if (above && FIGURE_COLUMNS.every((c) => !cells[c])) {
      // More beneficiaries for the update of the row above: the form's schema and rule for each.
      const parsed = postUpdateSchema.shape.beneficiaries.safeParse(beneficiaries);
      if (!parsed.success) return { issues: parsed.error.issues.map((i) => ({ column: columnOf(['beneficiaries', ...i.path]), key: issueKey(i.message) })) };
      try {
        checkBeneficiaryVillages(project.villageIds, parsed.data);
      } catch (error) {
        return { issues: fail(error) };
      }
      const taken = new Set(above.input.beneficiaries.map((b) => `${b.villageId}|${b.kind}`));
      if (parsed.data.some((b) => taken.has(`${b.villageId}|${b.kind}`))) return { issues: [{ column: 'village', key: 'validation.duplicateRow' }] };
      above.input.beneficiaries.push(...parsed.data);
      return { value: { input: above.input, label: above.label, previous: null, more: true } };
    }
    if (above) return { issues: [{ column: 'month', key: 'validation.duplicateRow' }] };

    const parsed = postUpdateSchema.safeParse({
      projectId: project.id,
      period: cells.month,
      progressPct: cells.progress,
      investmentToDate: cells.investment?.replace(/,/g, ''),
      jobsCreated: cells.jobs,
      incomeToVillages: cells.income?.replace(/,/g, ''),
      narrative: cells.narrative,
      beneficiaries,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columnOf(issue.path);
        if (!issues.some((i) => i.column === column)) issues.push({ column, key: issueKey(issue.message) });
      }
      return { issues };
    }
    // The form's rules, against the project's reports and the file's rows above this one.
    try {
      checkNewUpdate(project, project.reports, parsed.data);
    } catch (error) {
      return { issues: fail(error) };
    }
    const previous = project.reports.filter((r) => r.period < parsed.data.period).at(-1) ?? null;
    project.reports = [...project.reports, parsed.data].sort((a, b) => a.period.getTime() - b.period.getTime());
    const row: Row = { input: parsed.data, label: `${project.label} ${monthText(parsed.data.period)}`, previous };
    ctx.rows.set(key, row);
    return { value: row };
  },
  async plan(_client, rows) {
    const posts = rows.filter((r) => !r.value.more);
    // A figure that moves more than 5× from the month before, or about 10,000× (万元 typed as 元), is worth a second look.
    const warnings: ImportChange[] = [];
    for (const { row, value } of posts) {
      if (!value.previous) continue;
      for (const [field, name] of [['investment', 'investmentToDate'], ['income', 'incomeToVillages']] as const) {
        const before = Number(value.previous[name].toString());
        const after = Number(value.input[name]);
        const flag = implausible(before, after);
        if (flag) {
          warnings.push({
            row, entity: 'ProjectUpdate', id: null, version: null, label: value.label, field, before: null, after: value.input[name], flag,
            reference: `${monthText(value.previous.period)}: ${before.toFixed(2)}`,
          });
        }
      }
    }
    return { created: { ProjectUpdate: posts.length }, changes: [], warnings, unchanged: 0 };
  },
  async apply(tx, rows, _plan, _ctx, user) {
    const updates: number[] = [];
    const created: number[] = [];
    const changed: ImportedChange[] = [];
    for (const row of rows) {
      if (row.more) continue;
      // As the form posts it: the project locked, every rule checked again, the POSTED event, the beneficiary counts.
      const posted = await postUpdate(tx, row.input, user);
      updates.push(posted.update.id);
      posted.replaced.forEach((r: ReplacedBeneficiary, i) => {
        const { people, households } = posted.beneficiaries[i]!;
        if (r.before === null) created.push(r.id);
        else changed.push({ entity: 'Beneficiary', id: r.id, label: row.label, version: 0, before: r.before, after: { updateId: posted.update.id, people, households } });
      });
    }
    return {
      counts: { updatesPosted: updates.length, beneficiariesCreated: created.length, beneficiariesChanged: changed.length },
      created: [
        { entity: 'ProjectUpdate', ids: updates },
        { entity: 'Beneficiary', ids: created },
      ],
      changed,
    };
  },
  async undo(tx, record) {
    const updates = record.created.find((c) => c.entity === 'ProjectUpdate')?.ids ?? [];
    const created = record.created.find((c) => c.entity === 'Beneficiary')?.ids ?? [];
    const changed = record.changed.filter((c) => c.entity === 'Beneficiary');
    if (!updates.length) return;
    // Anything since blocks the undo: the update confirmed, disputed, revised or returned (its version moved on,
    // or an event after POSTED), a later update of the same project, beneficiary counts replaced since.
    const edited = await editedSince(tx, 'ProjectUpdate', updates.map((id) => ({ id, version: 1 })));
    const [acted, later, replaced] = await Promise.all([
      tx.updateEvent.findMany({ where: { updateId: { in: updates }, kind: { not: 'POSTED' } }, select: { updateId: true }, distinct: ['updateId'] }),
      tx.projectUpdate.count({
        where: { id: { gt: Math.min(...updates), notIn: updates }, project: { updates: { some: { id: { in: updates } } } } },
      }),
      tx.beneficiary.count({ where: { id: { in: [...created, ...changed.map((c) => c.id)] }, OR: [{ updateId: null }, { updateId: { notIn: updates } }] } }),
    ]);
    const blocked = new Set([...edited, ...acted.map((e) => e.updateId)]).size + later + replaced;
    if (blocked) throw new FieldError('importId', 'validation.importEdited', { count: blocked });
    // The counts the updates replaced, last first (a file may replace one village's count twice).
    for (const c of [...changed].reverse()) {
      const before = c.before as { updateId: number | null; people: number; households: number | null };
      await tx.beneficiary.update({ where: { id: c.id }, data: { updateId: before.updateId, people: before.people, households: before.households } });
    }
    await tx.beneficiary.deleteMany({ where: { id: { in: created } } });
    await tx.projectUpdate.deleteMany({ where: { id: { in: updates } } });
  },
};
