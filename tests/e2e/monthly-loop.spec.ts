import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/ops/embedded';
import { liaisonCounts, orgCounts, villageCounts, type TodoSqlUser } from '../helpers/todo-sql';
import { expectAccessible, shoot, signIn } from './helpers';

// The monthly loop through each role's to-do (待办), in zh-CN: a liaison posts; the village sees it
// under 待确认 and disputes; the liaison sees it in its to-do and revises with a reason; the village
// confirms; the org department sees a dispute older than 14 days (its timestamps moved back in the
// database: the test's clock) and closes it. Every to-do page's counts are compared with SQL.

// Saving waits on a shared, loaded 2-core machine: answers have taken more than the default 5 s.
const expect = baseExpect.configure({ timeout: 30_000 });

let client: pg.Client;
const count = async (sql: string, params: unknown[]) => (await client.query<{ n: number }>(sql, params)).rows[0]!.n;
const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows[0]!;

test.beforeAll(async () => {
  // The database the portal under test runs on (playwright.config.ts: PORTAL_DATA_DIR=.data/e2e).
  const db = await startEmbeddedPostgres({ dataDir: '.data/e2e', database: 'portal', attach: true });
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
test.afterAll(async () => {
  await client?.end();
});

async function sqlUser(username: string): Promise<TodoSqlUser> {
  return one<TodoSqlUser>(
    `SELECT u.id, u."soeId", u."villageId", v."zoneId" FROM "User" u LEFT JOIN "Village" v ON v.id = u."villageId" WHERE u.username = $1`,
    [username],
  );
}

async function signedIn(browser: Browser, username: string) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/** The to-do page's sections: each one's count as shown next to its heading (and as data-count). */
async function shownCounts(page: Page): Promise<Record<string, number>> {
  await page.goto('/todo');
  await expect(page.getByRole('heading', { name: /^待办/, level: 1 })).toBeVisible();
  const out: Record<string, number> = {};
  for (const section of await page.locator('section[data-count]').all()) {
    const id = (await section.getAttribute('id'))!.replace(/^todo-/, '');
    const badge = Number(await section.getByRole('heading').locator('span').innerText());
    expect(Number(await section.getAttribute('data-count')), id).toBe(badge);
    out[id] = badge;
  }
  return out;
}

async function expectVillageTodo(page: Page, user: TodoSqlUser) {
  const sql = await villageCounts(count, user, new Date());
  expect(await shownCounts(page)).toEqual({ 'to-confirm': sql.toConfirm, 'my-disputes': sql.myDisputes, 'feedback-due': sql.feedbackDue, 'income-due': sql.incomeDue, 'overdue-tasks': sql.overdueTasks });
  return sql;
}
async function expectLiaisonTodo(page: Page, user: TodoSqlUser) {
  // Opening a project page marks its feedback seen from the browser: let that land first.
  await page.waitForLoadState('networkidle');
  const sql = await liaisonCounts(count, user, new Date());
  expect(await shownCounts(page)).toEqual({ 'to-answer': sql.toAnswer, 'missing-updates': sql.missing, 'new-feedback': sql.newFeedback, 'overdue-tasks': sql.overdueTasks });
  return sql;
}
async function expectOrgTodo(page: Page) {
  const sql = await orgCounts(count, new Date());
  expect(await shownCounts(page)).toEqual({ 'long-disputes': sql.longDisputes, 'overdue-soes': sql.overdueSoes, rounds: sql.rounds, 'overdue-tasks': sql.overdueTasks });
  return sql;
}

test('the monthly loop through each role’s to-do: posted, disputed, revised, confirmed; an old dispute closed', async ({ browser }) => {
  // Three people and some thirty pages: longer than one journey's 120 s on a loaded machine.
  test.setTimeout(480_000);
  const [liaisonUser, villageUser] = [await sqlUser('nongye'), await sqlUser('maojiachong')];
  const project = await one<{ id: number; name: string }>(
    `SELECT p.id, p.name FROM "Project" p
      WHERE p."soeId" = $1 AND p."zoneId" = $2 AND p.status = 'IN_PROGRESS'
        AND EXISTS (SELECT 1 FROM "ProjectVillage" pv WHERE pv."projectId" = p.id AND pv."villageId" = $3)
      ORDER BY p.id LIMIT 1`,
    [liaisonUser.soeId, villageUser.zoneId, villageUser.villageId],
  );

  // 1. The liaison lands on its to-do and posts this month's update.
  const liaison = await signedIn(browser, 'nongye');
  await expect(liaison).toHaveURL(/\/projects$/);
  await expect(liaison.getByRole('heading', { name: /^待办/ })).toBeVisible();
  const liaisonStart = await expectLiaisonTodo(liaison, liaisonUser);
  await expectAccessible(liaison);
  await liaison.goto(`/projects/${project.id}`);
  await liaison.getByLabel('进展说明').fill('本月完成产品试销，带动务工');
  await liaison.getByRole('button', { name: '提交进展' }).click();
  await expect(liaison.getByText('进展已提交，等待村委会确认。')).toBeVisible();
  const update = await one<{ id: number }>(`SELECT id FROM "ProjectUpdate" WHERE "projectId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT 1`, [project.id]);
  await expectLiaisonTodo(liaison, liaisonUser);

  // 2. The village lands on 待确认 with the count (also in the navigation), opens the item and disputes it.
  const village = await signedIn(browser, 'maojiachong');
  await expect(village).toHaveURL(/\/projects$/);
  const landing = village.locator('#todo-to-confirm');
  await expect(landing).toContainText('待确认');
  const villageStart = await villageCounts(count, villageUser, new Date());
  expect(villageStart.toConfirm).toBeGreaterThan(0);
  await expect(landing).toHaveAttribute('data-count', String(villageStart.toConfirm));
  await expect(village.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: `待确认，${villageStart.toConfirm} 条` })).toBeVisible();
  await expectVillageTodo(village, villageUser);
  await expectAccessible(village);
  await shoot(village, 'todo-village-desktop');
  await village.locator('#todo-to-confirm').getByRole('link', { name: new RegExp(project.name) }).click();
  await expect(village).toHaveURL(new RegExp(`/projects/${project.id}#update-${update.id}$`));
  const villageItem = village.locator(`#update-${update.id}`);
  await villageItem.getByPlaceholder('异议原因').fill('本期务工人数与实际不符，请核实');
  await villageItem.getByRole('button', { name: '提出异议' }).click();
  await expect(villageItem.getByText('已保存')).toBeVisible();
  const disputed = await expectVillageTodo(village, villageUser);
  expect(disputed.toConfirm).toBe(villageStart.toConfirm - 1);
  expect(disputed.myDisputes).toBe(villageStart.myDisputes + 1);

  // 3. The liaison sees the dispute in its to-do and revises the update, with a reason.
  const answering = await expectLiaisonTodo(liaison, liaisonUser);
  expect(answering.toAnswer).toBe(liaisonStart.toAnswer + 1);
  await liaison.locator('#todo-to-answer').getByRole('link', { name: new RegExp(project.name) }).first().click();
  await expect(liaison).toHaveURL(new RegExp(`/projects/${project.id}#update-`));
  await liaison.goto(`/projects/${project.id}#update-${update.id}`);
  const liaisonItem = liaison.locator(`#update-${update.id}`);
  await liaisonItem.locator('summary', { hasText: '修改' }).click();
  const jobs = liaisonItem.locator('input[name="jobsCreated"]');
  // Cumulative figures only grow: one more job than posted.
  await jobs.fill(String(Number(await jobs.inputValue()) + 1));
  await liaisonItem.getByLabel('修改原因').fill('核对考勤后更正务工人数');
  await liaisonItem.locator('details form').getByRole('button', { name: '修改', exact: true }).click();
  await expect(liaisonItem.getByText('已保存')).toBeVisible();
  expect((await expectLiaisonTodo(liaison, liaisonUser)).toAnswer).toBe(liaisonStart.toAnswer);

  // 4. The village sees the revision under 待确认, with its reason, and confirms.
  await village.goto('/todo');
  await expect(village.locator('#todo-to-confirm')).toContainText('工作队已修改：核对考勤后更正务工人数');
  await village.locator('#todo-to-confirm').getByRole('link', { name: new RegExp(project.name) }).click();
  await village.locator(`#update-${update.id}`).getByRole('button', { name: '确认属实' }).click();
  // 确认属实 is final: the portal asks once, naming what happens.
  await village.getByRole('dialog').getByRole('button', { name: '确认属实' }).click();
  // Confirmed is final: the form gives way to the state.
  await expect(village.locator(`#update-${update.id}`)).toContainText('村委会已确认');
  const confirmed = await expectVillageTodo(village, villageUser);
  expect(confirmed.toConfirm).toBe(villageStart.toConfirm - 1);
  expect(confirmed.myDisputes).toBe(villageStart.myDisputes);
  await expect(village.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: `待确认，${confirmed.toConfirm} 条` })).toBeVisible();

  // 5. The test's clock: a dispute raised 20 days ago (its timestamps moved back). The org department sees it and closes it.
  const old = await one<{ id: number; projectId: number }>(`SELECT id, "projectId" FROM "ProjectUpdate" WHERE confirmation = 'DISPUTED' ORDER BY id LIMIT 1`);
  await client.query(`UPDATE "ProjectUpdate" SET "updatedAt" = (now() AT TIME ZONE 'UTC') - interval '20 days' WHERE id = $1`, [old.id]);
  await client.query(`UPDATE "UpdateEvent" SET "createdAt" = (now() AT TIME ZONE 'UTC') - interval '20 days' WHERE "updateId" = $1 AND kind = 'DISPUTED'`, [old.id]);
  const admin = await signedIn(browser, 'admin');
  await expect(admin).toHaveURL(/\/dashboard$/);
  await expect(admin.locator('#todo-long-disputes')).toContainText('超过 14 天未解决的异议');
  const orgStart = await expectOrgTodo(admin);
  expect(orgStart.longDisputes).toBeGreaterThan(0);
  await expect(admin.locator('#todo-long-disputes')).toContainText('已 20 天');
  await expectAccessible(admin);
  await shoot(admin, 'todo-org-desktop');
  await admin.locator('#todo-long-disputes a').first().click();
  await expect(admin).toHaveURL(new RegExp(`/projects/${old.projectId}#update-${old.id}$`));
  const adminItem = admin.locator(`#update-${old.id}`);
  await adminItem.locator(`#field-reason-close-${old.id}`).fill('经核实，维持联村工作队填报的数据');
  await adminItem.getByRole('button', { name: '维持原数据' }).click();
  // Closed: the update is no longer disputed, so its closing form is gone.
  await expect(adminItem.getByRole('button', { name: '维持原数据' })).toHaveCount(0);
  expect((await expectOrgTodo(admin)).longDisputes).toBe(orgStart.longDisputes - 1);

  await Promise.all([liaison.context().close(), village.context().close(), admin.context().close()]);
});

test('each role’s to-do reads on a phone (390 px)', async ({ browser }) => {
  test.setTimeout(480_000);
  for (const username of ['maojiachong', 'nongye', 'admin']) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, username);
    await page.goto('/todo');
    await expect(page.getByRole('heading', { name: /^待办/, level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, username).toBeLessThanOrEqual(1);
    await expectAccessible(page);
    await shoot(page, `todo-${username}-phone`);
    await context.close();
  }
});
