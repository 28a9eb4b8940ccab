import { expect as baseExpect, test } from '@playwright/test';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/ops/embedded';
import { expectAccessible, shoot, signIn } from './helpers';

// An administrator tries to take a pioneer off the team while they hold a post and is told which;
// ends the post on its project with a reason, then removes the member; and corrects a practical
// task's text on the zone page. Every step leaves its audit row.

const expect = baseExpect.configure({ timeout: 30_000 });

let client: pg.Client;
const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows[0]!;
const count = async (sql: string, params: unknown[] = []) => (await one<{ n: number }>(sql, params)).n;

test.beforeAll(async () => {
  const db = await startEmbeddedPostgres({ dataDir: '.data/e2e', database: 'portal', attach: true });
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
test.afterAll(async () => {
  await client?.end();
});

test('a member holding a post is refused with the post named; the post is ended, then the member removed; a task’s text corrected', async ({ page }) => {
  test.setTimeout(240_000);
  const member = await one<{ id: number; name: string; zoneId: number; postId: number; projectId: number; title: string; projectName: string }>(
    `SELECT m.id, m.name, m."zoneId", p.id AS "postId", p."projectId", p.title, pj.name AS "projectName"
       FROM "PioneerMember" m JOIN "PioneerPost" p ON p."memberId" = m.id JOIN "Project" pj ON pj.id = p."projectId"
      WHERE (SELECT count(*) FROM "PioneerPost" q WHERE q."memberId" = m.id) = 1
        AND (SELECT count(*) FROM "PioneerMember" o WHERE o."zoneId" = m."zoneId" AND o.name = m.name) = 1
      ORDER BY m.id LIMIT 1`,
  );
  expect(member, 'the seed has a pioneer holding one post').toBeTruthy();
  await signIn(page, 'admin');

  // 1. Refused while the post stands, with the post named.
  await page.goto(`/zones/${member.zoneId}`);
  const row = page.locator('section[aria-labelledby="pioneer-team"]').getByRole('row', { name: new RegExp(member.name) });
  await row.locator('summary', { hasText: '移出' }).click();
  await row.getByLabel('原因').fill('调离本企业，不再参加先锋队');
  await row.getByRole('button', { name: '移出' }).click();
  const dialog = page.getByRole('dialog', { name: `将“${member.name}”移出先锋队` });
  await dialog.getByRole('button', { name: '移出' }).click();
  await expect(row.getByText(`${member.projectName}·${member.title}`, { exact: false })).toBeVisible();
  expect(await count(`SELECT count(*)::int AS n FROM "PioneerMember" WHERE id = $1`, [member.id])).toBe(1);
  await expectAccessible(page);
  await shoot(page, 'pioneer-remove-refused');

  // 2. The post ended on its project, with a reason.
  await page.goto(`/projects/${member.projectId}`);
  const post = page.locator('section[aria-labelledby="pioneer-posts"]').getByRole('row', { name: new RegExp(member.title) }).filter({ hasText: member.name });
  await post.locator('summary', { hasText: '撤下' }).click();
  await post.getByLabel('原因').fill('项目转入运营，岗位撤销');
  await post.getByRole('button', { name: '撤下' }).click();
  await page.getByRole('dialog', { name: `撤下“${member.title}”` }).getByRole('button', { name: '撤下' }).click();
  await expect.poll(() => count(`SELECT count(*)::int AS n FROM "PioneerPost" WHERE id = $1`, [member.postId])).toBe(0);
  expect(await count(`SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'pioneer.removePost' AND "entityId" = $1 AND after->>'reason' = '项目转入运营，岗位撤销'`, [String(member.postId)])).toBe(1);

  // 3. Now the member leaves the team.
  await page.goto(`/zones/${member.zoneId}`);
  await row.locator('summary', { hasText: '移出' }).click();
  await row.getByLabel('原因').fill('调离本企业，不再参加先锋队');
  await row.getByRole('button', { name: '移出' }).click();
  await dialog.getByRole('button', { name: '移出' }).click();
  await expect.poll(() => count(`SELECT count(*)::int AS n FROM "PioneerMember" WHERE id = $1`, [member.id])).toBe(0);
  expect(await count(`SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'pioneer.removeMember' AND "entityId" = $1`, [String(member.id)])).toBe(1);

  // 4. A practical task's text corrected by the administrator.
  const task = await one<{ id: number; zoneId: number; title: string }>(`SELECT id, "zoneId", title FROM "PracticalTask" ORDER BY id LIMIT 1`);
  await page.goto(`/zones/${task.zoneId}#tasks`);
  const taskRow = page.locator('#tasks').getByRole('row', { name: new RegExp(task.title) });
  await taskRow.locator('summary', { hasText: '修改事项内容' }).click();
  const edit = taskRow.getByRole('form', { name: `修改“${task.title}”` });
  await edit.getByLabel('事项').fill(`${task.title}（二期）`);
  await edit.getByLabel('完成时限').fill('2026-12-31');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect.poll(async () => (await one<{ title: string }>(`SELECT title FROM "PracticalTask" WHERE id = $1`, [task.id])).title).toBe(`${task.title}（二期）`);
  expect(await one<{ due: string }>(`SELECT "dueOn"::text AS due FROM "PracticalTask" WHERE id = $1`, [task.id])).toEqual({ due: '2026-12-31' });
  expect(await count(`SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'task.edit' AND "entityId" = $1`, [String(task.id)])).toBe(1);
});
