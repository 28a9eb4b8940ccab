import { parseCalendarDate } from '@/lib/dates';
import { db } from '@/lib/db/client';
import en from '@/lib/i18n/messages/en.json';
import zhCN from '@/lib/i18n/messages/zh-CN.json';
import type { ImportSpec, RowIssue } from './engine';

// A liaison team's projects, for its own SOE, in zones paired with it.

type EnumName = 'CooperationMode' | 'CooperationMethod' | 'OutcomeArea' | 'WorkBatch';
type Ctx = {
  soeId: number;
  zones: Map<string, { id: number; villages: Map<string, number> }>;
  existing: Set<string>;
};
type Row = {
  zoneId: number;
  name: string;
  mode: string;
  method: string;
  outcomeArea: string;
  batch: string;
  status: string;
  plannedInvestment: string | null;
  startDate: Date | null;
  endDate: Date | null;
  villageIds: number[];
};

/** A cell naming an enum value: its code, or its Chinese or English label. */
function enumValue(name: EnumName | 'status', cell: string): string | undefined {
  const tables = name === 'status' ? [zhCN.status, en.status] : [zhCN.enum[name], en.enum[name]];
  for (const table of tables) {
    for (const [code, label] of Object.entries(table)) if (cell === code || cell === label) return code;
  }
  return undefined;
}

const AMOUNT = /^\d{1,14}(\.\d{1,2})?$/;

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
    { key: 'plannedInvestment', zh: '计划投资（元）', en: 'Planned investment (yuan)' },
    { key: 'startDate', zh: '开始日期', en: 'Start date' },
    { key: 'endDate', zh: '结束日期', en: 'End date' },
    { key: 'villages', zh: '涉及村（用、分隔）', en: 'Villages (separated by 、)' },
  ],
  allowed: (user) => user.role === 'SOE_LIAISON' && user.soeId !== null,
  async load(user) {
    const [zones, projects] = await Promise.all([
      db().zone.findMany({
        where: { pairings: { some: { soeId: user.soeId!, until: null } } },
        select: { id: true, name: true, villages: { select: { id: true, name: true } } },
      }),
      db().project.findMany({ where: { soeId: user.soeId! }, select: { name: true, zoneId: true } }),
    ]);
    return {
      soeId: user.soeId!,
      zones: new Map(zones.map((z) => [z.name, { id: z.id, villages: new Map(z.villages.map((v) => [v.name, v.id])) }])),
      existing: new Set(projects.map((p) => `${p.zoneId}|${p.name}`)),
    };
  },
  validate(cells, ctx) {
    const issues: RowIssue[] = [];
    const zone = ctx.zones.get(cells.zone!);
    if (!cells.zone) issues.push({ column: 'zone', key: 'validation.required' });
    else if (!zone) issues.push({ column: 'zone', key: 'validation.notPaired' });
    if (!cells.name || cells.name.length < 2) issues.push({ column: 'name', key: 'validation.required' });
    else if (cells.name.length > 120) issues.push({ column: 'name', key: 'validation.tooLong' });
    const enums = { mode: 'CooperationMode', method: 'CooperationMethod', outcomeArea: 'OutcomeArea', batch: 'WorkBatch', status: 'status' } as const;
    const codes: Record<string, string | undefined> = {};
    for (const [column, name] of Object.entries(enums)) {
      codes[column] = enumValue(name, cells[column]!);
      if (!codes[column]) issues.push({ column, key: 'validation.unknownEnum', params: { value: cells[column] || '—' } });
    }
    const amount = cells.plannedInvestment?.replace(/,/g, '') ?? '';
    if (amount && !AMOUNT.test(amount)) issues.push({ column: 'plannedInvestment', key: 'validation.yuanFormat' });
    const dates: Record<string, Date | null> = {};
    for (const column of ['startDate', 'endDate']) {
      const cell = cells[column]!;
      dates[column] = cell ? parseCalendarDate(cell) : null;
      if (cell && !dates[column]) issues.push({ column, key: 'validation.dateFormat' });
    }
    if (dates.startDate && dates.endDate && dates.endDate < dates.startDate) issues.push({ column: 'endDate', key: 'validation.endBeforeStart' });
    const villageNames = cells.villages ? cells.villages.split(/[、,，]/).map((v) => v.trim()).filter(Boolean) : [];
    const villageIds = villageNames.map((v) => zone?.villages.get(v));
    if (zone && villageIds.some((id) => id === undefined)) issues.push({ column: 'villages', key: 'validation.villageNotInZone' });
    if (issues.length) return { issues };
    const key = `${zone!.id}|${cells.name}`;
    if (ctx.existing.has(key)) return { issues: [{ column: 'name', key: 'validation.duplicateRow' }] };
    ctx.existing.add(key);
    return {
      value: {
        zoneId: zone!.id,
        name: cells.name!,
        mode: codes.mode!,
        method: codes.method!,
        outcomeArea: codes.outcomeArea!,
        batch: codes.batch!,
        status: codes.status!,
        plannedInvestment: amount || null,
        startDate: dates.startDate!,
        endDate: dates.endDate!,
        villageIds: [...new Set(villageIds as number[])],
      },
    };
  },
  async apply(tx, rows, ctx) {
    const created = await tx.project.createManyAndReturn({
      data: rows.map(({ villageIds: _v, ...r }) => ({ ...r, soeId: ctx.soeId })) as never,
      select: { id: true },
    });
    await tx.projectVillage.createMany({ data: rows.flatMap((r, i) => r.villageIds.map((villageId) => ({ projectId: created[i]!.id, villageId }))) });
    return { projectsCreated: created.length };
  },
};
