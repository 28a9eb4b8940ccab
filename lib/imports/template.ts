import type { Locale } from '@/lib/i18n/config';
import type { Table } from '@/lib/exports/tabular';
import { headerLabel, type ImportSpec } from './engine';

const EXAMPLES: Record<string, Record<string, string>> = {
  villages: { district: '新洲区', zone: '民主片区', village: '毛家冲村', population: '1200', households: '380', year: '2025', income: '520000.00' },
  projects: {
    zone: '民主片区',
    name: '示例项目',
    mode: '以农促农',
    method: '直接投资',
    outcomeArea: '产业基础更牢',
    batch: '产业项目',
    status: '筹备中',
    plannedInvestment: '1000000',
    startDate: '2026-01-01',
    endDate: '',
    villages: '毛家冲村',
  },
};

/** The template of an import: its headers in the user's language, and one example row. */
export function templateTable(spec: ImportSpec<never, never>, locale: Locale): Table {
  return {
    name: spec.kind,
    columns: spec.columns.map((c) => ({ key: c.key, header: headerLabel(c, locale) })),
    rows: [EXAMPLES[spec.kind] ?? {}],
  };
}
