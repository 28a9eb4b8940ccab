import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CHOICES, TABLE_PAGE_SIZE } from '../../lib/lists/params';
import { SAMPLE_PASSWORD } from '../../prisma/seed/accounts';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { Browser, startPortalServer, type PortalServer } from '../helpers/portal-server';

// The figures tables that grow with the program — year on year by SOE, the assessment ranking and
// the to-do's sections — show TABLE_PAGE_SIZE rows a page, with the total and the way on. At 100 ×
// Wuhan each held everything: /dashboard/compare was 5.8 MB, /todo 2.1 MB. Here 60 more SOEs, each
// paired with a zone since 2021, 60 practical tasks past their day and 60 users push each past one
// page. Forms' choices stay bounded too: a province has 200,000 villages and 30,000 zones.
const EXTRA = 60;

let database: TestDatabase;
let server: PortalServer;
let admin: Browser;

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.url, {});
  await database.prisma.$executeRawUnsafe(`
    INSERT INTO "Soe" (name, category, "updatedAt") SELECT '分页测试国企' || i, 'UTILITIES', now() FROM generate_series(1, ${EXTRA}) i`);
  await database.prisma.$executeRawUnsafe(`
    INSERT INTO "Pairing" ("soeId", "zoneId", since)
    SELECT s.id, (SELECT min(id) FROM "Zone"), '2021-01-01' FROM "Soe" s WHERE s.name LIKE '分页测试国企%'`);
  await database.prisma.$executeRawUnsafe(`
    INSERT INTO "PracticalTask" ("zoneId", title, "forWhom", responsible, "dueOn", "updatedAt")
    SELECT (SELECT min(id) FROM "Zone"), '分页测试事项' || i, '村民', '村委会', '2022-01-01', now() FROM generate_series(1, ${EXTRA}) i`);
  await database.prisma.$executeRawUnsafe(`
    INSERT INTO "User" (username, "displayName", "passwordHash", role, "updatedAt")
    SELECT 'page-test-' || i, '分页测试用户' || i, 'not-a-hash', 'ORG_VIEWER', now() FROM generate_series(1, ${EXTRA}) i`);
  // Past MAX_CHOICES villages, as at Wuhan's size (the sample layer has fewer).
  await database.prisma.$executeRawUnsafe(`
    INSERT INTO "Village" ("zoneId", name, "updatedAt") SELECT (SELECT max(id) FROM "Zone"), '分页测试村' || i, now() FROM generate_series(1, 400) i`);
  server = await startPortalServer(database.url);
  admin = new Browser(server.url);
  expect(await admin.signIn('admin', SAMPLE_PASSWORD)).toBeNull();
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function page(path: string) {
  const response = await admin.fetch(path);
  expect(response.status, path).toBe(200);
  // The HTML without the React payload that repeats its text.
  return (await response.text()).replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
}
// Counted over the whole document: React may stream a row as a segment of its own, after the table.
/** The HTML from `start` up to `end`. */
const between = (html: string, start: string, end: string) => {
  const from = html.indexOf(start);
  expect(from, start).toBeGreaterThan(-1);
  return html.slice(from, html.indexOf(end, from));
};
const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;
const total = (html: string) => Number(/共 (\d+) 条/.exec(html)?.[1]);

describe('what grows with the program comes in pages, or narrowed by name', () => {
  it('year on year: the SOE table by pages, the districts whole', async () => {
    const soeRows = /<td data-label="国企"/g;
    const first = await page('/dashboard/compare');
    const soes = total(first);
    expect(soes).toBe(await database.prisma.soe.count());
    expect(soes).toBeGreaterThan(TABLE_PAGE_SIZE);
    expect(count(first, soeRows)).toBe(TABLE_PAGE_SIZE);
    // One pager on the page: the districts' table is whole.
    expect(count(first, /共 \d+ 条/g)).toBe(1);
    expect(count(first, /<td data-label="区"/g)).toBeGreaterThan(0);
    const next = /href="\?year=(\d+)&amp;page=2#compare-soe"/.exec(first);
    expect(next).not.toBeNull();
    const second = await page(`/dashboard/compare?year=${next![1]}&page=2`);
    expect(count(second, soeRows)).toBe(Math.min(soes - TABLE_PAGE_SIZE, TABLE_PAGE_SIZE));
  });

  it('the assessment ranking by pages, ranks counted over all of them', async () => {
    const ranks = (html: string) => [...html.matchAll(/<td data-label="名次"[^>]*>(?:<[^>]+>)*([^<]*)</g)].map((m) => m[1]);
    const first = await page('/soes/ranking?year=2025');
    const ranked = total(first);
    expect(ranked).toBeGreaterThan(TABLE_PAGE_SIZE);
    expect(ranks(first)).toHaveLength(TABLE_PAGE_SIZE);
    const second = ranks(await page('/soes/ranking?year=2025&page=2'));
    expect(second).toHaveLength(Math.min(ranked - TABLE_PAGE_SIZE, TABLE_PAGE_SIZE));
    // Page 2 goes on from the 50 of page 1 (or has no score: —).
    for (const rank of second) expect(rank === '—' || Number(rank) > TABLE_PAGE_SIZE, rank).toBe(true);
    expect(ranks(await page('/soes/ranking?year=2025&page=99'))).toEqual(second);
  });

  it('the to-do: each section by pages, the page asked for the section asked', async () => {
    const tasks = /href="\/zones\/\d+#task-\d+"/g;
    const first = await page('/todo');
    const overdue = Number(/id="todo-overdue-tasks"[^>]*data-count="(\d+)"/.exec(first)![1]);
    expect(overdue).toBeGreaterThanOrEqual(EXTRA);
    expect(count(first, tasks)).toBe(TABLE_PAGE_SIZE);
    expect(first).toMatch(/href="\?section=overdue-tasks&amp;page=2#todo-overdue-tasks"/);
    const second = await page('/todo?section=overdue-tasks&page=2');
    expect(count(second, tasks)).toBe(Math.min(overdue - TABLE_PAGE_SIZE, TABLE_PAGE_SIZE));
    // The landing page still shows the first few, with the way to the whole list.
    expect(await page('/dashboard')).toMatch(/href="\/todo#todo-overdue-tasks"/);
  });

  it('the users by pages, found by name; the scope choices narrowed by name, with how many match', async () => {
    const usernames = /<td data-label="用户名"/g;
    const first = await page('/admin/users');
    expect(total(first)).toBe(await database.prisma.user.count());
    expect(count(first, usernames)).toBe(TABLE_PAGE_SIZE);
    const found = await page(`/admin/users?q=${encodeURIComponent('分页测试用户7')}`);
    expect(count(found, usernames)).toBe(1);
    expect(found).toContain('page-test-7<');
    // More villages than MAX_CHOICES: the selects offer the first of them and say so.
    const villages = await database.prisma.village.count();
    expect(villages).toBeGreaterThan(MAX_CHOICES);
    expect(first).toContain(`所属村的下拉列表只列出前 ${MAX_CHOICES} 个村（共 ${villages} 个）`);
    expect(first).not.toContain('所属国企的下拉列表');
    const zone = (await database.prisma.zone.findFirst({ where: { villages: { some: {} } }, select: { name: true, _count: { select: { villages: true } } }, orderBy: { id: 'asc' } }))!;
    const narrowed = await page(`/admin/users?village=${encodeURIComponent(zone.name)}`);
    expect(narrowed).not.toContain('下拉列表只列出前');
    // A page past the end (users went since the link was made) shows the last.
    expect(count(await page('/admin/users?page=99'), usernames)).toBe(total(first) - TABLE_PAGE_SIZE);
  });

  it('a village’s form offers the zones of its own district, and others by name', async () => {
    const village = (await database.prisma.village.findFirst({ select: { id: true, zone: { select: { id: true, districtId: true } } }, orderBy: { id: 'asc' } }))!;
    const html = await page(`/villages/${village.id}`);
    const select = between(html, 'name="zoneId"', '</select>');
    expect(count(select, /<option/g)).toBe(await database.prisma.zone.count({ where: { districtId: village.zone.districtId } }));
    expect(await database.prisma.zone.count()).toBeGreaterThan(count(select, /<option/g));
    // A zone of another district, found by name; the village's own zone stays among the choices.
    const other = (await database.prisma.zone.findFirst({ where: { districtId: { not: village.zone.districtId } }, select: { id: true, name: true } }))!;
    const found = between(await page(`/villages/${village.id}?zone=${encodeURIComponent(other.name)}`), 'name="zoneId"', '</select>');
    expect(found).toContain(`value="${other.id}"`);
    expect(found).toContain(`value="${village.zone.id}"`);
  });
});
