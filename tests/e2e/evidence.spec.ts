import { expect as baseExpect, test, type Browser } from '@playwright/test';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/ops/embedded';
import { photoWithExif, plainPng, smallPdf } from '../helpers/evidence-files';
import { expectAccessible, shoot, signIn } from './helpers';

// Evidence on a phone (390 px), in zh-CN: a liaison attaches two photos (one a large phone photo,
// downscaled in the browser with its EXIF kept beside it) and a PDF to a monthly update; the village
// opens them while confirming; an assessor attaches a document to an accreditation criterion; a
// user out of scope gets 404 on the files' addresses, and so does a guessed id.

const expect = baseExpect.configure({ timeout: 30_000 });
const PHONE = { width: 390, height: 844 };

let client: pg.Client;
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

async function onPhone(browser: Browser, username: string) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

test('a liaison attaches photos and a PDF; the village opens them while confirming; an assessor adds evidence to a criterion; others get 404', async ({ browser }) => {
  test.setTimeout(300_000);
  // An update of the liaison's SOE about the village's own village, one awaiting confirmation first.
  const update = await one<{ id: number; projectId: number; confirmation: string }>(
    `SELECT u.id, u."projectId", u.confirmation FROM "ProjectUpdate" u JOIN "Project" p ON p.id = u."projectId"
      JOIN "User" l ON l.username = 'nongye' AND l."soeId" = p."soeId"
      JOIN "User" v ON v.username = 'maojiachong'
      WHERE EXISTS (SELECT 1 FROM "ProjectVillage" pv WHERE pv."projectId" = p.id AND pv."villageId" = v."villageId") AND u.confirmation IN ('PENDING', 'CONFIRMED', 'DISPUTED')
        -- None with files yet (the dispute journey attaches to its update's dispute and answer).
        AND NOT EXISTS (SELECT 1 FROM "Attachment" a LEFT JOIN "UpdateEvent" e ON e.id = a."updateEventId" WHERE a."updateId" = u.id OR e."updateId" = u.id)
      ORDER BY (u.confirmation = 'PENDING') DESC, u.period DESC LIMIT 1`,
  );

  // 1. The liaison, on a phone, attaches a large phone photo, a PNG and a PDF at once.
  const liaison = await onPhone(browser, 'nongye');
  await liaison.goto(`/projects/${update.projectId}#update-${update.id}`);
  const item = liaison.locator(`#update-${update.id}`);
  await item.locator('input[type=file][multiple]').setInputFiles([
    { name: 'IMG_4032.JPG', mimeType: 'image/jpeg', buffer: await photoWithExif(4032, 3024) },
    { name: '现场.png', mimeType: 'image/png', buffer: await plainPng(800, 600) },
    { name: '签字确认单.pdf', mimeType: 'application/pdf', buffer: smallPdf('Confirmed by the village') },
  ]);
  await expect(item.getByText('已添加 3 个文件。')).toBeVisible();
  await expect(item.locator('[data-attachment]')).toHaveCount(3);
  const rows = (await client.query<{ id: number; name: string; width: number | null; takenAt: Date | null; latitude: number | null }>(
    `SELECT id, name, width, "takenAt", latitude FROM "Attachment" WHERE "updateId" = $1 AND "deletedAt" IS NULL ORDER BY id`, [update.id])).rows;
  expect(rows.map((r) => r.name)).toEqual(['IMG_4032.jpg', '现场.png', '签字确认单.pdf']);
  // Downscaled in the browser to 2560 px, the capture time and place kept from the original's EXIF.
  expect(rows[0]!.width).toBe(2560);
  expect(rows[0]!.takenAt?.toISOString()).toBe('2025-03-01T02:20:30.000Z');
  expect(rows[0]!.latitude).toBeCloseTo(30.59, 4);
  await expect(item.getByText(/拍摄于 .*30\.59000, 114\.30000/)).toBeVisible();
  await shoot(liaison, 'evidence-liaison-phone');
  await expectAccessible(liaison);

  // 2. The village opens them while confirming: thumbnails, the photo itself, the PDF.
  const village = await onPhone(browser, 'maojiachong');
  await village.goto(`/projects/${update.projectId}#update-${update.id}`);
  const seen = village.locator(`#update-${update.id}`);
  await expect(seen.locator('[data-attachment]')).toHaveCount(3);
  if (update.confirmation === 'PENDING') await expect(seen.getByRole('button', { name: '确认' })).toBeVisible();
  await expect(seen.getByRole('img', { name: 'IMG_4032.jpg' })).toHaveJSProperty('complete', true);
  expect(await seen.getByRole('img', { name: 'IMG_4032.jpg' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const [photoTab] = await Promise.all([village.context().waitForEvent('page'), seen.getByRole('link', { name: '打开 IMG_4032.jpg' }).click()]);
  await photoTab.waitForLoadState();
  expect(photoTab.url()).toMatch(new RegExp(`/api/attachments/${rows[0]!.id}$`));
  const pdf = await village.request.get(`/api/attachments/${rows[2]!.id}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toContain("filename*=UTF-8''%E7%AD%BE%E5%AD%97");
  expect(pdf.headers()['x-content-type-options']).toBe('nosniff');
  expect(pdf.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await shoot(village, 'evidence-village-phone');

  // 3. An assessor attaches minutes to one criterion of an open round; the zone page counts it.
  const round = await one<{ id: number; zoneId: number }>(`SELECT id, "zoneId" FROM "Accreditation" WHERE status = 'CANDIDATE' ORDER BY id LIMIT 1`);
  const admin = await onPhone(browser, 'admin');
  await admin.goto(`/zones/${round.zoneId}`);
  const criterion = admin.locator('#evidence-GOVERNANCE');
  await criterion.locator('input[type=file][multiple]').setInputFiles([{ name: '治理优-会议纪要.pdf', mimeType: 'application/pdf', buffer: smallPdf('Minutes') }]);
  await expect(criterion.getByText('已添加 1 个文件。')).toBeVisible();
  await expect(criterion.locator('[data-attachment]')).toHaveCount(1);
  await expect(admin.getByRole('link', { name: '1 个文件' })).toBeVisible();
  // A web page renamed as a photo is refused, with what is accepted.
  await criterion.locator('input[type=file][multiple]').setInputFiles([{ name: 'scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') }]);
  await expect(criterion.getByText(/scan\.jpg：按文件内容判断/)).toBeVisible();
  const minutes = await one<{ id: number }>(`SELECT id FROM "Attachment" WHERE "accreditationId" = $1 ORDER BY id DESC LIMIT 1`, [round.id]);

  // 4. Out of scope: another SOE's liaison gets 404 on every file address, as for an id that does not exist.
  const outsider = await onPhone(browser, 'nongshang');
  const outsiderSoe = await one<{ soeId: number }>(`SELECT "soeId" FROM "User" WHERE username = 'nongshang'`);
  const projectSoe = await one<{ soeId: number }>(`SELECT "soeId" FROM "Project" WHERE id = $1`, [update.projectId]);
  expect(outsiderSoe.soeId).not.toBe(projectSoe.soeId);
  const { max } = await one<{ max: number }>(`SELECT max(id) AS max FROM "Attachment"`);
  for (const path of [`/api/attachments/${rows[0]!.id}`, `/api/attachments/${rows[0]!.id}/thumb`, `/api/attachments/${rows[2]!.id}`, `/api/attachments/${max + 1}`, `/api/attachments/${max + 1000}/thumb`]) {
    expect((await outsider.request.get(path)).status(), path).toBe(404);
  }
  const pairedWithRound = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Pairing" WHERE "zoneId" = $1 AND "soeId" = $2`, [round.zoneId, outsiderSoe.soeId]);
  if (!pairedWithRound.n) expect((await outsider.request.get(`/api/attachments/${minutes.id}`)).status()).toBe(404);
  await outsider.goto(`/projects/${update.projectId}`);
  await expect(outsider.locator('[data-attachment]')).toHaveCount(0);
});
