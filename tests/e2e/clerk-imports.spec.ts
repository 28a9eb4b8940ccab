import { expect, test } from '@playwright/test';
import iconv from 'iconv-lite';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/ops/embedded';
import { expectAccessible, shoot, signIn } from './helpers';

// The clerks' imports in the browser: an administrator imports pairing commitments from a GBK CSV
// as Chinese Excel saves it and undoes them; a liaison team downloads its pioneer template, is told
// row by row what it may not import, and imports its own side.

let client: pg.Client;
const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows[0]!;
const gbkCsv = (rows: string[][]) => iconv.encode(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'gbk');

test.beforeAll(async () => {
  const db = await startEmbeddedPostgres({ dataDir: '.data/e2e', database: 'portal', attach: true });
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
test.afterAll(async () => {
  await client?.end();
});

test('an administrator imports pairing commitments from a GBK CSV, sees them counted, and undoes the import', async ({ page }) => {
  // A pairing in force, and a year it has no commitments for.
  const pairing = await one<{ soe: string; zone: string }>(
    `SELECT s.name AS soe, z.name AS zone FROM "Pairing" p JOIN "Soe" s ON s.id = p."soeId" JOIN "Zone" z ON z.id = p."zoneId"
      WHERE p.until IS NULL AND NOT EXISTS (SELECT 1 FROM "PairingCommitment" c WHERE c."pairingId" = p.id AND c.year = 2027)
        AND (SELECT count(*) FROM "Zone" z2 WHERE z2.name = z.name) = 1 ORDER BY p.id LIMIT 1`,
  );
  await signIn(page, 'admin');
  await page.goto('/imports');
  const form = page.locator('form', { has: page.getByRole('heading', { name: '结对承诺' }) });
  await expect(form.getByRole('link', { name: '下载模板 (.xlsx)' })).toBeVisible();
  expect((await page.request.get('/api/imports/commitments/template?format=xlsx')).status()).toBe(200);
  const headers = ['国企', '片区', '年份', '承诺投资（元）', '承诺项目数', '承诺就业岗位', '承诺采购农产品（元）', '承诺培训场次', '承诺派驻人员'];
  const file = gbkCsv([headers, [pairing.soe, pairing.zone, '2027年', '500万元', '3', '40', '80万元', '4', '2'], ['不存在集团', pairing.zone, '2027', '1', '', '', '', '', '']]);
  await form.locator('input[type=file]').setInputFiles({ name: '承诺.csv', mimeType: 'text/csv', buffer: file });
  await form.getByRole('button', { name: '检查（不导入）' }).click();
  await expect(form.getByRole('row', { name: /不存在集团.*找不到这家国企/ })).toBeVisible();

  await form.locator('input[type=file]').setInputFiles({ name: '承诺.csv', mimeType: 'text/csv', buffer: gbkCsv([headers, [pairing.soe, pairing.zone, '2027年', '500万元', '3', '40', '80万元', '4', '2']]) });
  await form.getByRole('button', { name: '检查（不导入）' }).click();
  await expect(form.getByText('检查通过：1 行。')).toBeVisible();
  await expect(form.getByText(/结对承诺：1 条/)).toBeVisible();
  await expectAccessible(page);
  await shoot(page, 'import-commitments-check');
  await form.getByRole('button', { name: '导入以上内容' }).click();
  await expect(form.getByText(/已导入 1 行/)).toBeVisible();
  const saved = await one<{ investment: string; purchases: string }>(
    `SELECT c.investment::text, c.purchases::text FROM "PairingCommitment" c JOIN "Pairing" p ON p.id = c."pairingId" JOIN "Soe" s ON s.id = p."soeId" WHERE s.name = $1 AND c.year = 2027`,
    [pairing.soe],
  );
  expect(saved).toEqual({ investment: '5000000.00', purchases: '800000.00' });

  await form.getByRole('link', { name: /号导入/ }).click();
  await expect(page.getByText('新增承诺：1')).toBeVisible();
  await page.getByRole('button', { name: '撤销这次导入' }).click();
  await expect(page.getByText(/已于 .* 撤销/)).toBeVisible();
  expect(await one<{ n: number }>(`SELECT count(*)::int AS n FROM "PairingCommitment" WHERE year = 2027`)).toEqual({ n: 0 });
});

test('a liaison team imports its own side of a pioneer team, and is told which rows it may not import', async ({ page }) => {
  const zone = await one<{ name: string }>(
    `SELECT z.name FROM "Zone" z JOIN "Pairing" p ON p."zoneId" = z.id JOIN "User" u ON u."soeId" = p."soeId" AND u.username = 'nongye'
      WHERE (SELECT count(*) FROM "Zone" z2 WHERE z2.name = z.name) = 1 ORDER BY z.id LIMIT 1`,
  );
  await signIn(page, 'nongye');
  await page.goto('/imports');
  const form = page.locator('form', { has: page.getByRole('heading', { name: '兴乡先锋队队员' }) });
  const template = await page.request.get('/api/imports/pioneers/template?format=csv');
  expect(template.status()).toBe(200);
  const headers = ['片区', '姓名', '所属（村/国企）', '队内职务'];
  await form.locator('input[type=file]').setInputFiles({ name: '先锋队.csv', mimeType: 'text/csv', buffer: gbkCsv([headers, [zone.name, '周导入', '国企', '队员'], [zone.name, '吴导入', '村', '队员']]) });
  await form.getByRole('button', { name: '检查（不导入）' }).click();
  await expect(form.getByRole('row', { name: /联村工作队只能添加本企业一方的队员/ })).toBeVisible();

  await form.locator('input[type=file]').setInputFiles({ name: '先锋队.csv', mimeType: 'text/csv', buffer: gbkCsv([headers, [zone.name, '周导入', '国企', '队员']]) });
  await form.getByRole('button', { name: '检查（不导入）' }).click();
  await expect(form.getByText('检查通过：1 行。')).toBeVisible();
  await form.getByRole('button', { name: '导入以上内容' }).click();
  await expect(form.getByText(/已导入 1 行/)).toBeVisible();
  expect(await one<{ side: string; role: string }>(`SELECT side::text, role FROM "PioneerMember" WHERE name = '周导入'`)).toEqual({ side: 'SOE', role: '队员' });
  await expectAccessible(page);
});
