import { expect as baseExpect, test, type Browser } from '@playwright/test';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/ops/embedded';
import { photoWithExif, smallPdf } from '../helpers/evidence-files';
import { expectAccessible, shoot, signIn } from './helpers';

// Evidence on the discussion of an update and on feedback (issue 18): a village disputes a monthly
// update and attaches a photo to its dispute; the liaison sees the photo under the dispute, answers,
// and attaches a PDF to its answer, which the village sees; the village attaches a photo to its
// quarter's feedback, which the liaison sees. Only the author of a step is offered its upload.

const expect = baseExpect.configure({ timeout: 30_000 });

let client: pg.Client;
const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows[0]!;

test.beforeAll(async () => {
  // The database the portal under test runs on (playwright.config.ts: PORTAL_DATA_DIR=.data/e2e).
  const db = await startEmbeddedPostgres({ dataDir: '.data/e2e', database: 'portal', attach: true });
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
/** The update this journey posts: removed afterwards (with its steps and files, by cascade), so that the
 * monthly loop's journey can post this month's update on the same project (the only one its two users share). */
let posted: number | null = null;
test.afterAll(async () => {
  if (posted !== null) await client.query(`DELETE FROM "ProjectUpdate" WHERE id = $1`, [posted]);
  await client?.end();
});

async function signedIn(browser: Browser, username: string) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

test('a village disputes an update and attaches a photo; the liaison sees it, answers with a PDF; feedback carries a photo too', async ({ browser }) => {
  test.setTimeout(300_000);
  // The liaison posts this month's update on a project serving the village (as the monthly loop does).
  const project = await one<{ id: number }>(
    `SELECT p.id FROM "Project" p
      JOIN "User" l ON l.username = 'nongye' AND l."soeId" = p."soeId"
      JOIN "User" v ON v.username = 'maojiachong' JOIN "Village" vv ON vv.id = v."villageId"
      WHERE p."zoneId" = vv."zoneId" AND p.status = 'IN_PROGRESS'
        AND EXISTS (SELECT 1 FROM "ProjectVillage" pv WHERE pv."projectId" = p.id AND pv."villageId" = v."villageId")
      ORDER BY p.id LIMIT 1`,
  );
  const liaison = await signedIn(browser, 'nongye');
  await liaison.goto(`/projects/${project.id}`);
  await liaison.getByLabel('进展说明').fill('本月完成大棚主体施工');
  await liaison.getByRole('button', { name: '提交进展' }).click();
  await expect(liaison.getByText('进展已提交，等待村委会确认。')).toBeVisible();
  const update = await one<{ id: number; projectId: number }>(`SELECT id, "projectId" FROM "ProjectUpdate" WHERE "projectId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT 1`, [project.id]);
  posted = update.id;

  // 1. The village disputes it, then attaches a photo to its dispute.
  const village = await signedIn(browser, 'maojiachong');
  await village.goto(`/projects/${update.projectId}#update-${update.id}`);
  const villageItem = village.locator(`#update-${update.id}`);
  await villageItem.getByPlaceholder('异议原因').fill('现场只建成一半，与填报进度不符');
  await villageItem.getByRole('button', { name: '提出异议' }).click();
  await expect(villageItem.getByText('已保存')).toBeVisible();
  const dispute = villageItem.locator('[data-discussion-evidence]');
  await expect(dispute.getByText(/提出异议的佐证/)).toBeVisible();
  await dispute.locator('input[type=file][multiple]').setInputFiles([{ name: '现场照片.jpg', mimeType: 'image/jpeg', buffer: await photoWithExif(1600, 1200) }]);
  await expect(dispute.getByText('已添加 1 个文件。')).toBeVisible();
  await expect(dispute.locator('[data-attachment]')).toHaveCount(1);
  const stored = await one<{ id: number; kind: string; uploader: string; eventKind: string; eventActor: string }>(
    `SELECT a.id, a."ownerKind" AS kind, u.username AS uploader, e.kind AS "eventKind", actor.username AS "eventActor"
       FROM "Attachment" a JOIN "User" u ON u.id = a."uploaderId" JOIN "UpdateEvent" e ON e.id = a."updateEventId" JOIN "User" actor ON actor.id = e."actorId"
      WHERE e."updateId" = $1 AND a."deletedAt" IS NULL ORDER BY a.id DESC LIMIT 1`,
    [update.id],
  );
  expect(stored).toMatchObject({ kind: 'UPDATE_EVENT', uploader: 'maojiachong', eventKind: 'DISPUTED', eventActor: 'maojiachong' });
  await expectAccessible(village);
  await shoot(village, 'dispute-evidence-village');

  // 2. The liaison sees the photo under the dispute (and is offered no upload on the village's dispute).
  // Only the hash differs from the page it posted on: reload, or the browser keeps the old page.
  await liaison.goto(`/projects/${update.projectId}#update-${update.id}`);
  await liaison.reload();
  const liaisonItem = liaison.locator(`#update-${update.id}`);
  const seen = liaisonItem.locator('[data-discussion-evidence]');
  await expect(seen.getByRole('figure', { name: /提出异议的佐证/ })).toBeVisible();
  const photo = seen.getByRole('img', { name: '现场照片.jpg' });
  await expect(photo).toHaveJSProperty('complete', true);
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect((await liaison.request.get(`/api/attachments/${stored.id}`)).status()).toBe(200);
  await expect(seen.locator('input[type=file]')).toHaveCount(0);

  // 3. The liaison answers, keeping the figures, and attaches the signed-off schedule to its answer.
  await liaisonItem.getByLabel('答复异议（数据不变）').fill('已与村委会核对，进度按合同节点计算');
  await liaisonItem.getByRole('button', { name: '答复异议（数据不变）' }).click();
  await expect(liaisonItem.getByText('联络员答复：已与村委会核对，进度按合同节点计算')).toBeVisible();
  const answer = liaisonItem.locator('[data-discussion-evidence] [data-event]', { hasText: '答复的佐证' });
  await answer.locator('input[type=file][multiple]').setInputFiles([{ name: '进度节点确认单.pdf', mimeType: 'application/pdf', buffer: smallPdf('Schedule') }]);
  await expect(answer.getByText('已添加 1 个文件。')).toBeVisible();
  await shoot(liaison, 'dispute-evidence-liaison');

  // 4. The village sees both; it is offered the upload on its own dispute only, not on the answer.
  await village.reload();
  const thread = village.locator(`#update-${update.id} [data-discussion-evidence]`);
  await expect(thread.getByRole('img', { name: '现场照片.jpg' })).toBeVisible();
  await expect(thread.getByText('进度节点确认单.pdf', { exact: false }).first()).toBeVisible();
  await expect(thread.locator('[data-event]', { hasText: '答复的佐证' }).locator('input[type=file]')).toHaveCount(0);

  // 5. Feedback: the village gives this quarter's and attaches a photo; the liaison sees it.
  await village.getByLabel('意见').fill('项目带动务工效果明显');
  await village.getByRole('button', { name: '提交评议' }).click();
  await expect(village.getByText('已保存').last()).toBeVisible();
  await village.reload();
  const feedback = await one<{ id: number }>(
    `SELECT f.id FROM "Feedback" f JOIN "User" v ON v."villageId" = f."villageId" AND v.username = 'maojiachong' WHERE f."projectId" = $1 ORDER BY f.period DESC LIMIT 1`,
    [update.projectId],
  );
  const mine = village.locator(`[data-feedback="${feedback.id}"]`);
  await mine.locator('input[type=file][multiple]').setInputFiles([{ name: '务工签到表.jpg', mimeType: 'image/jpeg', buffer: await photoWithExif(1200, 900) }]);
  await expect(mine.getByText('已添加 1 个文件。')).toBeVisible();
  await liaison.reload();
  const liaisonFeedback = liaison.locator(`[data-feedback="${feedback.id}"]`);
  await expect(liaisonFeedback.getByRole('img', { name: '务工签到表.jpg' })).toBeVisible();
  await expect(liaisonFeedback.locator('input[type=file]')).toHaveCount(0);
  await expectAccessible(liaison);
});
