import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

// Issue 21: the org department sets a year's assessment weights, enters a year's commitments for
// a pairing and sees the SOE's scorecard compute delivery against them; a liaison team sees its
// own SOE's scorecard and no ranking. 2026 is used: the seed has no commitments for it.
test('an administrator sets the weights, enters a year’s commitments and sees the scorecard compute delivery', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '国企考核排名' }).click();
  // Every SOE's assessment is computed for the page: slower than a list on a loaded machine.
  await expect(page.getByRole('heading', { level: 1, name: '国企年度考核排名' })).toBeVisible({ timeout: 30_000 });

  await page.getByLabel('年度').fill('2026');
  await page.getByRole('button', { name: '查看' }).click();
  await expect(page).toHaveURL(/year=2026/);
  await expect(page.getByText('2026 年权重尚未设定，按默认权重计算。')).toBeVisible();
  const weights = page.getByRole('form', { name: '2026 年考核权重（%）' });
  await weights.getByLabel('承诺完成').fill('50');
  await weights.getByRole('button', { name: '保存权重' }).click();
  await expect(weights.getByText('各项权重之和须为 100')).toBeVisible();
  await expect(weights.getByLabel('承诺完成')).toHaveValue('50');
  await weights.getByLabel('无争议').fill('0');
  await weights.getByLabel('承诺完成').fill('40');
  await weights.getByRole('button', { name: '保存权重' }).click();
  await expect(weights.getByText('已保存。')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: '武汉农业集团' }).click();
  await expect(page).toHaveURL(/\/soes\/\d+\/scorecard\?year=2026/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('武汉农业集团 · 考核记分卡');
  const zone = page.getByRole('region', { name: /^民主片区/ });
  const form = zone.getByRole('form', { name: '录入 民主片区 2026 年承诺' });
  await form.getByLabel('项目数').fill('-2');
  await form.getByLabel('采购农产品', { exact: true }).fill('10');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('不能为负数')).toBeVisible();
  await expect(form.getByLabel('采购农产品', { exact: true })).toHaveValue('10');

  await form.getByLabel('项目数').fill('1');
  await form.getByLabel('培训（场次）', { exact: true }).fill('4');
  await form.getByLabel('已采购农产品', { exact: true }).fill('5');
  await form.getByLabel('已开展培训（场次）', { exact: true }).fill('2');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('已保存')).toBeVisible();

  await page.reload();
  const rows = page.getByRole('region', { name: /^民主片区/ }).getByRole('row');
  await expect(rows.filter({ hasText: /^采购农产品/ })).toContainText('10 万元');
  await expect(rows.filter({ hasText: /^采购农产品/ })).toContainText('5 万元');
  await expect(rows.filter({ hasText: /^采购农产品/ })).toContainText('50.0%');
  await expect(rows.filter({ hasText: /^培训（场次）/ })).toContainText('50.0%');
  await expect(page.getByTestId('scorecard-score')).toHaveText(/\d/);
  await expectAccessible(page);
});

test('a liaison team sees its own SOE’s scorecard, not another’s, and no ranking', async ({ page }) => {
  await signIn(page, 'nongye');
  await page.goto('/soes');
  await page.getByRole('link', { name: '武汉农业集团' }).first().click();
  await page.getByRole('link', { name: '考核记分卡' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('武汉农业集团 · 考核记分卡');
  await expect(page.getByRole('heading', { name: '考核分项' })).toBeVisible();
  await expect(page.getByRole('form', { name: /承诺/ })).toHaveCount(0);
  expect((await page.goto('/soes/ranking'))?.status()).toBe(404);
});

test('a liaison team adds a pioneer post to its project and moves an overdue practical task to done', async ({ page }) => {
  await signIn(page, 'nongye');
  await page.goto('/projects?q=红色原野');
  await page.getByRole('link', { name: '武汉红色原野生态发展有限公司' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('武汉红色原野生态发展有限公司');
  const posts = page.getByRole('region', { name: '兴乡先锋岗' });
  const form = posts.getByRole('form', { name: '设立先锋岗' });
  await form.getByLabel('队员').selectOption({ index: 1 });
  await form.getByLabel('岗位').fill('电商带货岗');
  await form.getByRole('button', { name: '设立先锋岗' }).click();
  await expect(form.getByText('已保存。')).toBeVisible();
  // The same member on the same post twice: refused, with what was typed kept.
  await form.getByLabel('队员').selectOption({ index: 1 });
  await form.getByLabel('岗位').fill('电商带货岗');
  await form.getByRole('button', { name: '设立先锋岗' }).click();
  await expect(form.getByText('该队员已在本项目担任此岗')).toBeVisible();
  await expect(form.getByLabel('岗位')).toHaveValue('电商带货岗');
  await page.reload();
  await expect(page.getByRole('region', { name: '兴乡先锋岗' }).getByRole('row').filter({ hasText: '电商带货岗' })).toHaveCount(1);
  await expectAccessible(page);

  // The SOE's overdue task is on its to-do, and leads to the zone's list.
  await page.goto('/todo');
  const overdue = page.locator('#todo-overdue-tasks');
  const item = overdue.getByRole('link', { name: /^民主片区：/ }).first();
  const title = (await item.innerText()).replace(/^民主片区：/, '').trim();
  const before = Number(await overdue.getAttribute('data-count'));
  await item.click();
  await expect(page).toHaveURL(/\/zones\/\d+#task-\d+/);
  const tasks = page.getByRole('region', { name: '实事清单' });
  const task = tasks.getByRole('form', { name: `更新“${title}”` });
  await task.getByLabel('进展').selectOption('DONE');
  await task.getByRole('button', { name: '保存' }).click();
  await expect(task.getByText('标记为已完成时须填写完成佐证')).toBeVisible();
  await expect(task.getByLabel('进展')).toHaveValue('DONE');
  await task.getByLabel('完成佐证').fill('验收单及照片存民主片区联合党委');
  await task.getByRole('button', { name: '保存' }).click();
  await expect(task.getByText('已保存。')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/todo');
  await expect(page.locator('#todo-overdue-tasks')).toHaveAttribute('data-count', String(before - 1));
});
