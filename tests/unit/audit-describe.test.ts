import { describe, expect, it } from 'vitest';
import { describeAuditChanges, formatAuditValue, humanise } from '../../lib/audit/describe';

// The audit formatter alone: labels from the forms' messages, enums by name, money, dates, names; never JSON.
describe('describeAuditChanges', () => {
  const names = { Zone: new Map([[7, '民主片区']]), Village: new Map([[1, '毛家冲村'], [2, '桃园村']]) };

  it('lists only the fields an edit changed, by label, before → after', () => {
    const before = { id: 3, name: '甲项目', status: 'PREPARING', plannedInvestment: '1000000', villages: [{ villageId: 1 }], version: 1 };
    const after = { id: 3, name: '甲项目', status: 'IN_PROGRESS', plannedInvestment: '1500000.5', villages: [{ villageId: 1 }, { villageId: 2 }], version: 2 };
    expect(describeAuditChanges({ entity: 'Project', before, after }, 'zh-CN', names)).toEqual([
      { field: 'status', label: '状态', edited: true, before: '筹备中', after: '实施中' },
      { field: 'plannedInvestment', label: '计划投资', edited: true, before: '100 万元', after: '150 万元' },
      { field: 'villages', label: '涉及村', edited: true, before: '毛家冲村', after: '毛家冲村、桃园村' },
    ]);
    expect(describeAuditChanges({ entity: 'Project', before, after }, 'en', names).map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      'Status: Preparing → In progress',
      'Planned investment: 1,000,000 yuan → 1,500,001 yuan',
      'Villages: 毛家冲村 → 毛家冲村, 桃园村',
    ]);
  });

  it('shows a creation as the values it was given, references by name', () => {
    const changes = describeAuditChanges({ entity: 'Village', before: null, after: { id: 9, name: '新村', zoneId: 7, population: 1234, households: null } }, 'zh-CN', names);
    expect(changes).toEqual([
      { field: 'name', label: '村', edited: false, before: null, after: '新村' },
      { field: 'zoneId', label: '片区', edited: false, before: null, after: '民主片区' },
      { field: 'population', label: '人口', edited: false, before: null, after: '1,234' },
    ]);
  });

  it('gives an unknown field its key in words and a nested value without braces', () => {
    const [change] = describeAuditChanges({ entity: 'Import', before: null, after: { fileCounts: { rowsRead: 3, skipped: ['合计'] } } }, 'en');
    expect(change).toEqual({ field: 'fileCounts', label: 'File counts', edited: false, before: null, after: 'Rows read 3; Skipped 合计' });
    expect(humanise('plannedInvestment')).toBe('Planned investment');
  });

  it('says what an import did in the user’s words: its counts, the records it made by kind, how many it changed; never its ids', () => {
    const ids = Array.from({ length: 24_000 }, (_, i) => 212_180 + i);
    const after = {
      file: '村收入.xlsx',
      rows: 20_000,
      counts: { villagesCreated: 4000, incomesCreated: 20_000, rowsUnchanged: 0 },
      created: [{ entity: 'Village', ids: ids.slice(0, 4000) }, { entity: 'VillageIncome', ids: ids.slice(4000) }],
      changed: [{ entity: 'VillageIncome', id: 5, label: '毛家冲村 2024', version: 2, before: { amount: '1' }, after: { amount: '2' } }],
    };
    const zh = describeAuditChanges({ entity: 'Import', before: null, after }, 'zh-CN');
    expect(zh.map((c) => `${c.label}：${c.after}`)).toEqual([
      '文件：村收入.xlsx',
      '行数：20,000',
      '导入结果：新建村 4,000；新增收入 20,000；未变的行 0',
      '新增记录：村：4,000 条、村集体收入：20,000 条',
      '导入修改的数据（原值 → 导入后）：1 处',
    ]);
    const en = describeAuditChanges({ entity: 'Import', before: null, after }, 'en').map((c) => `${c.label}: ${c.after}`).join(' | ');
    expect(en).toBe('File: 村收入.xlsx | Rows: 20,000 | What it did: Villages created 4,000; Incomes added 20,000; Rows unchanged 0 | New records: Villages: 4,000, Village incomes: 20,000 | Values it changed (before → after): 1');
    expect(JSON.stringify(zh).length).toBeLessThan(1000);
  });

  it('names the first 20 of a long list and counts the rest', () => {
    const long = Array.from({ length: 500 }, (_, i) => `第${i + 1}项`);
    expect(formatAuditValue(long, undefined, 'zh-CN')).toBe(`${long.slice(0, 20).join('、')} 等 500 项`);
    expect(formatAuditValue(long, undefined, 'en')).toBe(`${long.slice(0, 20).join(', ')} … 500 in all`);
  });

  it('reads dates and times as dates, booleans and user states in words', () => {
    expect(formatAuditValue('2025-03-01T00:00:00.000Z', 'date', 'zh-CN')).toBe('2025年3月1日');
    expect(formatAuditValue('2025-03-01T04:05:00.000Z', undefined, 'en')).toMatch(/Mar 1, 2025.*12:05/);
    expect(describeAuditChanges({ entity: 'User', before: { active: true }, after: { active: false } }, 'zh-CN')).toEqual([
      { field: 'active', label: '状态', edited: true, before: '正常', after: '已停用' },
    ]);
    expect(formatAuditValue(true, undefined, 'zh-CN')).toBe('是');
  });
});

describe('auditRecordName', () => {
  it('names an import by its number, linked to its page, and its file and rows by their labels', async () => {
    const { auditRecordName } = await import('../../lib/audit/describe');
    const entry = { entity: 'Import', entityId: '4', before: null, after: { file: '台账.csv', rows: 1200 } };
    expect(auditRecordName(entry, 'zh-CN')).toEqual({ name: '#4', href: '/imports/4' });
    expect(describeAuditChanges(entry, 'zh-CN').map((c) => `${c.label} ${c.after}`)).toEqual(['文件 台账.csv', '行数 1,200']);
  });
});
