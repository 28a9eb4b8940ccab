import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

// Issue 17: the first phase (2021–2025) has ended by the machine's clock; the dashboard shows its
// final result and, with no phase running, a link for administrators, who edit phases in the UI.
// The phase opened here lies far ahead (2031–2035), so the other journeys' dashboards are unchanged.
test('an administrator sees the ended phase’s result and opens a later phase, with specific errors', async ({ page }) => {
  await signIn(page, 'admin');
  const phases = page.getByRole('region', { name: /阶段/ }).first();
  await expect(page.getByTestId('phase-result')).toContainText('第一个五年行动（2021–2025）');
  await expect(page.getByTestId('phase-result')).toContainText(/截至 2025年12月31日：\d+ \/ 60 个/);
  await expect(phases.getByText('尚未设定新的阶段')).toBeVisible();
  await phases.getByRole('link', { name: '设定新阶段' }).click();
  await expect(page).toHaveURL(/\/admin\/program$/);

  const form = page.getByRole('form', { name: '开设新阶段' });
  await form.getByLabel('阶段名称').fill('第三个五年行动（2031–2035）');
  await form.getByLabel('开始日期').fill('2025-06-01');
  await form.getByLabel('结束日期（目标截止日）').fill('2035-12-31');
  await form.getByLabel('示范片目标（个，不少于）').fill('0');
  await form.getByLabel('村集体经济平均收入目标（元，高于）').fill('800000');
  await form.getByRole('button', { name: '开设阶段' }).click();
  await expect(form.getByText('目标须大于 0。')).toBeVisible();
  await expect(form.getByLabel('阶段名称')).toHaveValue('第三个五年行动（2031–2035）');

  await form.getByLabel('示范片目标（个，不少于）').fill('120');
  await form.getByRole('button', { name: '开设阶段' }).click();
  await expect(form.getByText(/与“第一个五年行动（2021–2025）”.*重叠/)).toBeVisible();

  await form.getByLabel('开始日期').fill('2031-01-01');
  await form.getByRole('button', { name: '开设阶段' }).click();
  await expect(form.getByText('已保存。')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/dashboard');
  await expect(page.getByText('下一阶段“第三个五年行动（2031–2035）”自 2031年1月1日 开始。')).toBeVisible();
  await expect(page.getByTestId('phase-result')).toContainText('第一个五年行动（2021–2025）');
});

// Issue 17: year on year, per SOE and per district, for this year to date and for an ended year.
test('an official compares this year with the same stretch of last year, and an ended year whole', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: '同比' }).click();
  await expect(page).toHaveURL(/\/dashboard\/compare$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^同比（\d{4}年）$/, { timeout: 30_000 });
  await expect(page.getByText(/与上年同期 .* 相比/)).toBeVisible();
  const soes = page.getByRole('region', { name: '各国企同比' });
  await expect(soes.getByRole('row').nth(1)).toContainText('上年');
  await expect(page.getByRole('region', { name: '各区同比' }).getByRole('link', { name: '全市（不分片区）' })).toBeVisible();
  await expectAccessible(page);

  const ended = new Date().getUTCFullYear() - 1;
  await page.getByRole('navigation', { name: '选择年份' }).getByRole('link', { name: String(ended) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`同比（${ended}年）`, { timeout: 30_000 });
  await expect(page.getByText(`${ended}年全年，与${ended - 1}年全年相比`)).toBeVisible();
  const csv = await page.request.get(`/api/exports/compare?year=${ended}&by=district`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain('区,完成投资（本期）（元）,完成投资（上年同期）（元）');
  expect(text).toContain(`平均收入 ${ended}（元）`);
  expect(text).toContain('全市（不分片区）');
});
