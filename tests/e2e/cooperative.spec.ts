import { expect, test } from '@playwright/test';
import { expectAccessible, shoot, signIn } from './helpers';

// Issue 21, the cooperative: a village's accountant sees in its income history how much of each year's
// income came through the zone's joint-stock cooperative, and books a year's dividend (refused above
// the year's income, with the figure typed kept).
test('a village sees its dividends through the cooperative in its income history and books one', async ({ page }) => {
  await signIn(page, 'maojiachong');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '本村' }).click();
  // The first page after a cold start can take a while on a busy machine.
  await expect(page.getByRole('heading', { name: '毛家冲村' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('本村从民主片区股份制经济联合社获得的分红计入当年村集体经济收入。')).toBeVisible();
  const history = page.locator('section[aria-labelledby="income"]');
  await expect(history.getByRole('columnheader', { name: '其中：联合社分红' })).toBeVisible();
  await expect(history.getByTestId('dividend-2024')).toContainText(/经联合社 [\d.,]+ (万元|元)/);
  await expectAccessible(page);

  // Book 2023's dividend again (a correction: the form carries the version): first above the income, then right.
  await history.locator('summary', { hasText: '登记分红' }).click();
  const form = page.getByRole('form', { name: '登记分红' });
  await form.getByLabel('年度').fill('2023');
  await form.getByLabel('分红金额', { exact: true }).fill('99999999');
  await form.getByRole('button', { name: '登记分红' }).click();
  await expect(form.getByText(/分红是村集体经济收入的一部分，不能超过本村2023年已报收入/)).toBeVisible();
  await expect(form.getByLabel('分红金额', { exact: true })).toHaveValue('99999999');
  await form.getByLabel('分红金额', { exact: true }).fill('12345');
  await form.getByRole('button', { name: '登记分红' }).click();
  await expect(form.getByText('已保存')).toBeVisible();
  await page.reload();
  await expect(page.locator('section[aria-labelledby="income"]').getByTestId('dividend-2023')).toContainText('经联合社 1.23 万元');
  await shoot(page, 'village-dividends');

  // The zone page shows the cooperative, the village's share and the joint venture the source names.
  await page.getByRole('link', { name: '民主片区' }).first().click();
  await expect(page.getByRole('heading', { name: /股份制经济联合社 · 民主片区股份制经济联合社/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: '武汉红色原野生态发展有限公司' })).toBeVisible();
  await expectAccessible(page);
});

test('the org department keeps the cooperative: a village’s share, and the joint venture’s partners', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/search?q=民主片区');
  await page.getByRole('link', { name: '民主片区' }).first().click();
  const cooperative = page.locator('#cooperative');
  await cooperative.locator('summary', { hasText: '登记或修改一村入股' }).click();
  const share = page.getByRole('form', { name: '登记或修改一村入股' });
  await share.getByRole('combobox', { name: '村', exact: true }).selectOption({ label: '毛家冲村' });
  await share.getByLabel('入股土地（亩）').fill('abc');
  await share.getByLabel('截至日期').fill('2025-12-31');
  await share.getByRole('button', { name: '保存' }).click();
  await expect(share.getByText('请填写数字，最多两位小数')).toBeVisible();
  await share.getByLabel('入股土地（亩）').fill('150亩');
  await share.getByRole('button', { name: '保存' }).click();
  await expect(share.getByText('已保存')).toBeVisible();
  await page.reload();
  await expect(page.locator('#cooperative').getByRole('row', { name: /^毛家冲村 150 亩/ })).toBeVisible();

  const venture = page.locator('#joint-ventures article', { hasText: '武汉红色原野生态发展有限公司' });
  await expect(venture).toContainText('武汉农业集团（国企，股份未载）');
  await expectAccessible(page);

  // The dashboard tells the income through the cooperatives and from pairing projects apart from the rest.
  await page.goto('/dashboard');
  const sources = page.locator('#income-sources');
  await expect(sources.getByRole('heading', { name: /2025年村集体经济收入的来源/ })).toContainText('示例');
  await expect(sources.locator('[data-income-source="dividends"]')).toContainText(/联合社分红[\d.,]+ (万元|亿元|元)/);
  await expect(sources.locator('[data-income-source="projects"]')).toContainText('结对项目带来的收入');
  await shoot(page, 'dashboard-income-sources');
});
