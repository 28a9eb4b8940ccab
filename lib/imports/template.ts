import ExcelJS from 'exceljs';
import type { SessionUser } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';
import type { Table } from '@/lib/exports/tabular';
import { headerLabel, type ImportKind, type ImportSpec } from './engine';

// An import's template: an instructions sheet, the data sheet (headers frozen,
// columns wide enough, one example row marked 示例, which the check skips), and
// a hidden sheet of choices behind the drop-down lists (zones, villages, modes,
// statuses). The example names no real village: left in, it is skipped anyway.

const EXAMPLES: Record<string, Record<string, string>> = {
  villages: { district: '示例区', zone: '示例片区', village: '示例村', population: '1200', households: '380', year: '2025', income: '520000.00' },
  projects: {
    zone: '示例片区',
    name: '示例项目',
    mode: '以农促农',
    method: '直接投资',
    outcomeArea: '产业基础更牢',
    batch: '产业项目',
    status: '筹备中',
    plannedInvestment: '1000000',
    startDate: '2026-01-01',
    endDate: '',
    villages: '示例村',
  },
  commitments: { soe: '示例国企', zone: '示例片区', year: '2025', investment: '500万元', projects: '3', jobs: '40', purchases: '80万元', trainingSessions: '4', staffStationed: '2' },
  pioneers: { zone: '示例片区', name: '示例姓名', side: '村', role: '队员' },
  updates: { zone: '示例片区', project: '示例项目', month: '2025-10', progress: '35', investment: '350000', jobs: '12', income: '30000', narrative: '', village: '示例村', beneficiaryKind: '农户', people: '120', households: '40' },
};

/** The instructions sheet of the kinds that have their own. */
const INSTRUCTIONS: Partial<Record<ImportKind, 'imports.templateInstructionsUpdates' | 'imports.templateInstructionsCommitments' | 'imports.templateInstructionsPioneers'>> = {
  updates: 'imports.templateInstructionsUpdates',
  commitments: 'imports.templateInstructionsCommitments',
  pioneers: 'imports.templateInstructionsPioneers',
};

/**
 * The template as a table (the CSV template): headers, a note column, the example row marked 示例,
 * then the rows the import fills in for this user (`prefilled`, from `templateRows`).
 */
export function templateTable(spec: ImportSpec<never, never>, locale: Locale, prefilled: Record<string, string>[] = []): Table {
  const t = translator(locale);
  return {
    name: spec.kind,
    columns: [...spec.columns.map((c) => ({ key: c.key, header: headerLabel(c, locale) })), { key: 'note', header: t('imports.templateNote') }],
    rows: [{ ...(EXAMPLES[spec.kind] ?? {}), note: t('imports.templateExample') }, ...prefilled],
  };
}

/** What the template needs to know for this user: the drop-downs' choices and the prefilled rows. */
async function templateData(spec: ImportSpec<never, never>, user: SessionUser, locale: Locale) {
  if (!spec.choices && !spec.prefill) return { choices: {}, rows: [] };
  const ctx = await spec.load(db(), user);
  return { choices: spec.choices?.(ctx, locale) ?? {}, rows: spec.prefill?.(ctx, locale) ?? [] };
}

/** The CSV template for this user, prefilled where the import fills one in. */
export async function templateCsvTable(spec: ImportSpec<never, never>, user: SessionUser, locale: Locale): Promise<Table> {
  return templateTable(spec, locale, (await templateData(spec, user, locale)).rows);
}

/** Rows of the data sheet that offer the drop-downs. */
const TEMPLATE_ROWS = 2000;

const width = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);

/** The XLSX template for this user: drop-downs list what the user may import into. */
export async function templateWorkbook(spec: ImportSpec<never, never>, user: SessionUser, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const { choices, rows } = await templateData(spec, user, locale);
  const table = templateTable(spec, locale, rows);
  const book = new ExcelJS.Workbook();

  const notes = book.addWorksheet(t('imports.templateInstructionsSheet'));
  notes.columns = [{ width: 110 }];
  for (const line of t(INSTRUCTIONS[spec.kind] ?? 'imports.templateInstructions').split('\n')) notes.addRow([line]);
  notes.getRow(1).font = { bold: true };

  const sheet = book.addWorksheet(t('imports.templateDataSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    key: c.key,
    header: c.header,
    width: Math.min(40, Math.max(12, width(c.header) + 4, width(String(table.rows[0]?.[c.key] ?? '')) + 2, ...(choices[c.key] ?? []).slice(0, 200).map((v) => width(v) + 4))),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  const [example, ...prefilled] = table.rows;
  sheet.addRow(example!).font = { italic: true, color: { argb: 'FF808080' } };
  // Prefilled cells stay text as typed (a month "2025-10" must not become a date, nor a figure lose its cents).
  for (const row of prefilled) sheet.addRow(row);
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];

  // Drop-downs from a hidden sheet of choices (a list longer than 255 characters cannot be written inline).
  const keys = Object.keys(choices).filter((k) => choices[k]!.length);
  if (keys.length) {
    const lists = book.addWorksheet(t('imports.templateChoicesSheet'), { state: 'hidden' });
    keys.forEach((key, i) => {
      const column = lists.getColumn(i + 1);
      column.values = [headerLabel(spec.columns.find((c) => c.key === key)!, locale), ...choices[key]!];
      const letter = column.letter;
      const at = table.columns.findIndex((c) => c.key === key) + 1;
      const strict = !spec.columns.find((c) => c.key === key)?.openChoices;
      const range = `'${lists.name}'!$${letter}$2:$${letter}$${choices[key]!.length + 1}`;
      // One validation per cell (ExcelJS writes runs of equal ones as one range).
      for (let r = 2; r <= TEMPLATE_ROWS + 1; r++) {
        sheet.getCell(r, at).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [range],
          showErrorMessage: strict,
          errorStyle: 'stop',
          errorTitle: table.columns[at - 1]!.header,
          error: t('imports.templateChoiceError'),
        };
      }
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
