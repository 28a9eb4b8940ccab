import { expect, test } from '@playwright/test';
import { expectAccessible, shoot, signIn } from './helpers';

// An administrator imports a ledger in which one income was typed in 万元: the check shows the
// value before → after, flagged; the import needs the flag acknowledged; the import is then undone.
test('an administrator checks an overwriting import, sees before → after flagged, imports it and undoes it', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/imports');
  const form = page.locator('form', { has: page.getByRole('heading', { name: '村与村集体收入' }) });
  const csv = '\uFEFF区,片区,村,人口,户数,年份,村集体经济收入（元）\r\n新洲区,民主片区,毛家冲村,,,2025,52.3\r\n';
  await form.locator('input[type=file]').setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await form.getByRole('button', { name: '检查（不导入）' }).click();

  await expect(form.getByText('检查通过：1 行。')).toBeVisible();
  const change = form.getByRole('row', { name: /毛家冲村 2025/ });
  await expect(change).toContainText('52.3');
  await expect(change).toContainText('万元');
  await expectAccessible(page);
  await shoot(page, 'import-check');
  // On a phone the changes are stacked cards, and nothing overflows sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await change.locator('td').first().evaluate((cell) => getComputedStyle(cell).display)).toBe('flex');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shoot(page, 'import-check-phone');
  await page.setViewportSize({ width: 1280, height: 720 });

  await form.getByRole('button', { name: '导入以上内容' }).click();
  // The browser asks for the acknowledgement before anything is sent.
  await form.getByRole('checkbox', { name: /我已逐条核对/ }).check();
  await form.getByRole('button', { name: '导入以上内容' }).click();
  await expect(form.getByText(/已导入 1 行/)).toBeVisible();

  await form.getByRole('link', { name: /号导入/ }).click();
  await expect(page.getByRole('heading', { name: /号导入/ })).toBeVisible();
  await expect(page.getByText('毛家冲村').first()).toBeVisible();
  await shoot(page, 'import-detail');
  await page.getByRole('button', { name: '撤销这次导入' }).click();
  // Undone, the page says so and offers no second undo.
  await expect(page.getByText(/已于 .* 撤销/)).toBeVisible();
  await expect(page.getByRole('button', { name: '撤销这次导入' })).toHaveCount(0);
});

// A liaison team downloads its 月度进展 template (prefilled with its open projects, the month due and the last
// figures), uploads it, checks it, imports it — the updates await the villages' confirmation — and undoes it.
test('a liaison imports its prefilled monthly update template and undoes it', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'nongshang');
  await page.goto('/imports');
  const form = page.locator('form', { has: page.getByRole('heading', { name: '月度进展' }) });
  await expect(form.getByRole('link', { name: '下载模板 (.xlsx)' })).toBeVisible();
  const template = await page.request.get('/api/imports/updates/template?format=xlsx');
  expect(template.status()).toBe(200);
  await form.locator('input[type=file]').setInputFiles({ name: '月度进展.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await template.body() });
  await form.getByRole('button', { name: '检查（不导入）' }).click();
  await expect(form.getByText(/^检查通过：\d+ 行。$/)).toBeVisible({ timeout: 60_000 });
  await expect(form.getByText(/月度进展：\d+ 条/)).toBeVisible();
  await expectAccessible(page);
  await shoot(page, 'import-updates-check');
  await form.getByRole('button', { name: '导入以上内容' }).click();
  // Each row is posted as the form posts it (the project locked, the rules checked again): give it time on a loaded machine.
  await expect(form.getByText(/已导入 \d+ 行/)).toBeVisible({ timeout: 60_000 });

  await form.getByRole('link', { name: /号导入/ }).click();
  await expect(page.getByText(/填报进展：\d+/)).toBeVisible();
  await page.getByRole('button', { name: '撤销这次导入' }).click();
  await expect(page.getByText(/已于 .* 撤销/)).toBeVisible({ timeout: 60_000 });
});
