import { FieldError } from '@/lib/action';
import { ProjectStatus } from '@/lib/db/enums';
import en from '@/lib/i18n/messages/en.json';
import zhCN from '@/lib/i18n/messages/zh-CN.json';
import { createProjectSchema } from '@/lib/projects/schemas';
import { enumOf } from '@/lib/validation';
import { editedSince, type ImportSpec, type RowIssue } from './engine';
import { comparePinyin } from '@/lib/i18n/sort';

// A liaison team's projects, for its own SOE, in zones paired with it; each row
// checked by the project form's own schema. A project that exists (same SOE,
// zone and name) is refused: the import makes projects, it does not edit them.

type EnumName = 'CooperationMode' | 'CooperationMethod' | 'OutcomeArea' | 'WorkBatch' | 'BeneficiaryKind';
type Ctx = {
  soeId: number;
  zones: Map<string, { id: number; villages: Map<string, number> }>;
  existing: Set<string>;
  seen: Set<string>;
};
type Row = Omit<ReturnType<typeof createProjectSchema.parse>, 'villageIds'> & { status: ProjectStatus; villageIds: number[] };

/** A cell naming an enum value: its code, or its Chinese or English label. */
export function enumValue(name: EnumName | 'status', cell: string): string | undefined {
  const tables = name === 'status' ? [zhCN.status, en.status] : [zhCN.enum[name], en.enum[name]];
  for (const table of tables) {
    for (const [code, label] of Object.entries(table)) if (cell === code || cell === label) return code;
  }
  return undefined;
}

/** The form's field names, by the import's column keys where they differ. */
const COLUMN_OF_FIELD: Record<string, string> = { zoneId: 'zone', villageIds: 'villages' };
const statusSchema = enumOf(ProjectStatus);

export const projectImport: ImportSpec<Ctx, Row> = {
  kind: 'projects',
  columns: [
    { key: 'zone', zh: '片区', en: 'Zone' },
    { key: 'name', zh: '项目名称', en: 'Project' },
    { key: 'mode', zh: '合作模式', en: 'Cooperation mode' },
    { key: 'method', zh: '合作方式', en: 'Cooperation method' },
    { key: 'outcomeArea', zh: '成效领域', en: 'Outcome area' },
    { key: 'batch', zh: '工作类别', en: 'Kind of work' },
    { key: 'status', zh: '状态', en: 'Status' },
    { key: 'plannedInvestment', zh: '计划投资（元）', en: 'Planned investment (yuan)', kind: 'money' },
    { key: 'startDate', zh: '开始日期', en: 'Start date', kind: 'date' },
    { key: 'endDate', zh: '结束日期', en: 'End date', kind: 'date' },
    { key: 'villages', zh: '涉及村（用、分隔）', en: 'Villages (separated by 、)' },
  ],
  async load(client, user) {
    const soeId = user.soeId!;
    const [zones, projects] = await Promise.all([
      client.zone.findMany({
        where: { pairings: { some: { soeId, until: null } } },
        select: { id: true, name: true, villages: { select: { id: true, name: true } } },
      }),
      client.project.findMany({ where: { soeId }, select: { name: true, zoneId: true } }),
    ]);
    return {
      soeId,
      zones: new Map(zones.map((z) => [z.name, { id: z.id, villages: new Map(z.villages.map((v) => [v.name, v.id])) }])),
      existing: new Set(projects.map((p) => `${p.zoneId}|${p.name}`)),
      seen: new Set(),
    };
  },
  choices(ctx, locale) {
    const labels = locale === 'zh-CN' ? zhCN : en;
    return {
      zone: [...ctx.zones.keys()].sort(comparePinyin),
      mode: Object.values(labels.enum.CooperationMode),
      method: Object.values(labels.enum.CooperationMethod),
      outcomeArea: Object.values(labels.enum.OutcomeArea),
      batch: Object.values(labels.enum.WorkBatch),
      status: Object.values(labels.status),
    };
  },
  validate(cells, ctx) {
    const issues: RowIssue[] = [];
    const zone = ctx.zones.get(cells.zone!);
    if (!cells.zone) issues.push({ column: 'zone', key: 'validation.required' });
    else if (!zone) issues.push({ column: 'zone', key: 'validation.notPaired' });
    const codes: Record<string, string | undefined> = {};
    const enums = { mode: 'CooperationMode', method: 'CooperationMethod', outcomeArea: 'OutcomeArea', batch: 'WorkBatch', status: 'status' } as const;
    for (const [column, name] of Object.entries(enums)) {
      codes[column] = enumValue(name, cells[column]!);
      if (!codes[column]) issues.push({ column, key: 'validation.unknownEnum', params: { value: cells[column] || '—' } });
    }
    const villageNames = cells.villages ? cells.villages.split(/[、,，]/).map((v) => v.trim()).filter(Boolean) : [];
    const villageIds = villageNames.map((v) => zone?.villages.get(v));
    if (zone && villageIds.some((id) => id === undefined)) issues.push({ column: 'villages', key: 'validation.villageNotInZone' });

    const parsed = createProjectSchema.safeParse({
      zoneId: zone?.id ?? 0,
      name: cells.name,
      mode: codes.mode,
      method: codes.method,
      outcomeArea: codes.outcomeArea,
      batch: codes.batch,
      plannedInvestment: cells.plannedInvestment?.replace(/,/g, ''),
      startDate: cells.startDate,
      endDate: cells.endDate,
      villageIds: [...new Set(villageIds.filter((id) => id !== undefined))],
    });
    const status = statusSchema.safeParse(codes.status);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'name');
        const column = COLUMN_OF_FIELD[field] ?? field;
        // One message per cell: the import's own (unknown zone or label) says more than the form's.
        if (issues.some((i) => i.column === column)) continue;
        issues.push({ column, key: issue.message.startsWith('validation.') ? (issue.message as `validation.${string}`) : 'validation.invalidValue' });
      }
    }
    if (issues.length || !parsed.success || !status.success) return { issues };
    const key = `${zone!.id}|${parsed.data.name}`;
    if (ctx.existing.has(key)) return { issues: [{ column: 'name', key: 'validation.projectExists' }] };
    if (ctx.seen.has(key)) return { issues: [{ column: 'name', key: 'validation.duplicateRow' }] };
    ctx.seen.add(key);
    return { value: { ...parsed.data, status: status.data } };
  },
  async plan(_client, rows) {
    return { created: { Project: rows.length }, changes: [], warnings: [], unchanged: 0 };
  },
  async apply(tx, rows, _plan, ctx) {
    const created = await tx.project.createManyAndReturn({
      data: rows.map(({ villageIds: _v, ...r }) => ({ ...r, soeId: ctx.soeId })),
      select: { id: true, zoneId: true, name: true },
    });
    const idOf = new Map(created.map((p) => [`${p.zoneId}|${p.name}`, p.id]));
    await tx.projectVillage.createMany({ data: rows.flatMap((r) => r.villageIds.map((villageId) => ({ projectId: idOf.get(`${r.zoneId}|${r.name}`)!, villageId }))) });
    return { counts: { projectsCreated: created.length }, created: [{ entity: 'Project', ids: created.map((p) => p.id) }], changed: [] };
  },
  async undo(tx, record) {
    const ids = record.created.find((c) => c.entity === 'Project')?.ids ?? [];
    const edited = await editedSince(tx, 'Project', ids.map((id) => ({ id, version: 1 })));
    // Deleting a project would take its updates and feedback with it: a project with any stays.
    const used = await tx.project.count({
      where: { id: { in: ids }, OR: [{ updates: { some: {} } }, { feedback: { some: {} } }, { beneficiaries: { some: {} } }, { statistics: { some: {} } }] },
    });
    if (edited.length || used) throw new FieldError('importId', 'validation.importEdited', { count: edited.length + used });
    await tx.project.deleteMany({ where: { id: { in: ids } } });
  },
};
