import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/policy';
import { getDashboard, type Dashboard } from '../../lib/dashboard/overview';
import { getIncomeSources } from '../../lib/dashboard/income-sources';
import { dashboardTables } from '../../lib/exports/dashboard';
import { exporters } from '../../lib/exports/registry';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// The dashboard on the facts layer alone (the sample layer not loaded): no
// figure, chart, table row or export carries the sample mark
// (dashboard-definitions.test.ts checks that they all do with the sample layer).
const NOW = new Date('2026-11-28T00:00:00Z');
const org: SessionUser = { id: 0, username: 't', displayName: 't', role: 'ORG_VIEWER', soeId: null, villageId: null, zoneId: null };

describe('the facts layer alone (sample layer not loaded)', () => {
  let database: TestDatabase;
  let data: Dashboard;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.url, { sample: false });
    data = (await getDashboard(org, NOW))!;
  }, 120_000);
  afterAll(() => database.drop());

  it('holds no sample record and no sample source', async () => {
    expect(await database.prisma.source.count({ where: { isSample: true } })).toBe(0);
    expect(await database.prisma.project.count()).toBe(17);
  });

  it('has no dividends and marks nothing in where the villages’ income came from', async () => {
    const figure = (await getIncomeSources(org, 2025))!;
    expect([figure.dividends, figure.isSample]).toEqual(['0', false]);
  });

  it('marks no figure, chart, table row or export', async () => {
    expect(data.sample).toEqual({
      zones: false, income: false, projects: false, participation: false, beneficiaries: false,
      incomeYears: [], bands: [], statuses: [], modes: [], outcomes: [], soes: [], districts: [],
    });
    const sheets = (await dashboardTables(org, 'zh-CN', NOW))!;
    for (const sheet of sheets) {
      expect(sheet.columns.map((c) => c.key), sheet.name).not.toContain('sample');
      expect(sheet.caption?.join(' ') ?? '', sheet.name).not.toContain('示例');
    }
    for (const name of ['soe-leaderboard', 'districts']) {
      const table = (await exporters[name]!(org, {}, 'zh-CN', NOW))!;
      expect(table.columns.map((c) => c.key), name).not.toContain('sample');
    }
  });

  it('still counts what the source states: SOEs paired, the 全市 row, the reported totals', () => {
    expect(data.participation.soes).toBe(7);
    expect(data.participation.soesAllLevels).toBe(8);
    expect(data.districts.find((d) => d.id === null)?.projects).toBe(3);
    expect(data.reported.SOE_PARTY_COMMITTEES?.value).toBe('15');
  });
});
