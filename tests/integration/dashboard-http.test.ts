import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../lib/auth/password';
import { SAMPLE_PASSWORD } from '../../prisma/seed/accounts';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { Browser, startPortalServer, type PortalServer } from '../helpers/portal-server';

// The dashboard page as an official reads it, through a production build: every
// headline card carries its definition (an ⓘ) and links to the list behind it,
// the page has its 口径说明 section and all five reported totals; with the
// sample layer loaded every card carries the sample mark, on the facts alone none does.
const KPIS = ['modelZones', 'income', 'projects', 'participation', 'investment', 'jobs', 'incomeToVillages', 'beneficiaries'];

/** Each headline card's HTML, from its data-kpi attribute to the next card or the end of the cards' section. */
function cards(html: string) {
  const section = html.slice(html.indexOf('data-kpi='), html.indexOf('data-chart='));
  return section.split(/(?=<div[^>]*data-kpi=)/).filter((part) => part.includes('data-kpi='));
}

async function dashboardHtml(server: PortalServer, username: string, password: string) {
  const browser = new Browser(server.url);
  expect(await browser.signIn(username, password)).toBeNull();
  const response = await browser.fetch('/dashboard');
  expect(response.status).toBe(200);
  return response.text();
}

let full: TestDatabase;
let facts: TestDatabase;
let fullServer: PortalServer;
let factsServer: PortalServer;

beforeAll(async () => {
  full = await createTestDatabase();
  await seed(full.url, {});
  facts = await createTestDatabase();
  await seed(facts.url, { sample: false });
  // The facts layer has no accounts: one viewer from the org department.
  await facts.prisma.user.create({ data: { username: 'viewer', displayName: '组织部查看', passwordHash: await hashPassword(SAMPLE_PASSWORD), role: 'ORG_VIEWER' } });
}, 300_000);
afterAll(async () => {
  await Promise.all([full?.drop(), facts?.drop()]);
});

describe('the dashboard page with facts and sample data', () => {
  let html: string;
  // One server at a time: two starting at once on a busy two-core machine miss their health deadline.
  beforeAll(async () => {
    fullServer = await startPortalServer(full.url);
    html = await dashboardHtml(fullServer, 'viewer', SAMPLE_PASSWORD);
  }, 300_000);
  afterAll(() => fullServer?.stop());

  it('gives every headline card a definition and a link to its list', () => {
    const found = cards(html);
    expect(found.map((c) => /data-kpi="([^"]+)"/.exec(c)![1])).toEqual(KPIS);
    for (const card of found) {
      const id = /data-kpi="([^"]+)"/.exec(card)![1];
      expect(card, id).toMatch(/data-definition/);
      expect(card, id).toMatch(/<details data-definition="true"><summary[^>]*>ⓘ<\/summary><p>[^<]{20,}<\/p>/);
      expect(card, id).toMatch(/href="\/(projects|zones|villages|soes)[^"]*"/);
    }
  });

  it('has a 口径说明 section and every reported total with its source and no assumed date', () => {
    expect(html).toContain('id="definitions"');
    expect(html).toContain('口径说明');
    for (const metric of ['SOE_PARTY_COMMITTEES', 'PAIRED_JOINT_COMMITTEES', 'PROJECTS', 'RURAL_BENEFICIARIES', 'FUNCTIONAL_JOINT_COMMITTEES']) {
      expect(html, metric).toContain(`data-reported="${metric}"`);
    }
    expect(html).toContain('314');
    expect(html).toContain('来源未载明日期');
    expect(html).not.toContain('2021年12月31日');
  });

  it('marks every card, chart and table built from sample records', () => {
    for (const card of cards(html)) expect(card, /data-kpi="([^"]+)"/.exec(card)![1]).toContain('data-sample="true"');
    for (const chart of ['chart-accreditation', 'chart-income', 'chart-distribution', 'chart-mode', 'chart-outcome']) {
      expect(html, chart).toMatch(new RegExp(`data-chart="${chart}" data-sample="true"`));
    }
    // 武汉农业集团: unverified and marked in the leaderboard as on its own page.
    const row = html.slice(html.indexOf('武汉农业集团</a>'), html.indexOf('</tr>', html.indexOf('武汉农业集团</a>')));
    expect(row).toContain('名称待核实');
    expect(row).toContain('示例');
  });

  it('heads the mode and outcome tables with their own first column', () => {
    expect(html).toMatch(/data-chart="chart-mode"[\s\S]*?<th scope="col"[^>]*>合作模式<\/th>/);
    expect(html).toMatch(/data-chart="chart-outcome"[\s\S]*?<th scope="col"[^>]*>成效领域<\/th>/);
  });
});

describe('the dashboard page on the facts layer alone', () => {
  beforeAll(async () => {
    factsServer = await startPortalServer(facts.url);
  }, 300_000);
  afterAll(() => factsServer?.stop());

  it('carries no sample mark anywhere, and still its definitions', async () => {
    const html = await dashboardHtml(factsServer, 'viewer', SAMPLE_PASSWORD);
    expect(cards(html)).toHaveLength(KPIS.length);
    for (const card of cards(html)) expect(card).toMatch(/data-definition/);
    expect(html).not.toContain('data-sample="true"');
    expect(html).not.toMatch(/>示例</);
    expect(html).toContain('口径说明');
  }, 120_000);
});
