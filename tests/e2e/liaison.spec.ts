import { expect, test } from '@playwright/test';
import { expectAccessible, shoot, signIn } from './helpers';

test('an SOE liaison creates a project, posts an update, sees it on the project page and the leaderboard, and is refused another SOE', async ({ page, browser }) => {
  await signIn(page, 'nongye');
  await expect(page).toHaveURL(/\/projects$/);
  await expectAccessible(page);
  await page.getByRole('link', { name: '新建项目' }).click();
  await page.getByLabel('项目', { exact: true }).fill('端到端测试项目');
  await page.getByLabel('计划投资', { exact: true }).fill('80');
  await expect(page.getByText('= 800,000 元')).toBeVisible();
  await page.getByRole('checkbox').first().check();
  await expectAccessible(page);
  await page.getByRole('button', { name: '新建项目' }).click();
  // Issue 16: creating a project opens it (no form left whose zone and villages could disagree).
  await expect(page).toHaveURL(/\/projects\/\d+\?created=1$/);
  await expect(page.getByText('项目已创建。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '端到端测试项目' })).toBeVisible();

  await page.getByLabel('进度（%）').fill('15');
  await page.getByLabel('已完成投资', { exact: true }).fill('12');
  await page.getByLabel('带动就业').fill('9');
  await page.getByLabel('进展说明').fill('完成选址');
  await page.getByRole('button', { name: '提交进展' }).click();
  await expect(page.getByText('进展已提交，等待村委会确认。')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: '进展' }).getByText('完成选址')).toBeVisible();
  await expectAccessible(page);
  await shoot(page, 'project-liaison-desktop');

  await page.goto('/dashboard');
  const row = page.getByRole('row', { name: /武汉农业集团/ }).first();
  const month = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)));
  await expect(row).toContainText(month);

  // Another SOE's project, found by an administrator, answers 404 to this liaison.
  const admin = await browser.newPage();
  await signIn(admin, 'admin');
  await admin.goto('/projects?q=%E4%BF%A1%E8%B4%B7');
  const href = await admin.locator('tbody a').first().getAttribute('href');
  await admin.close();
  const response = await page.goto(href!);
  expect(response?.status()).toBe(404);
  await expect(page.getByText('没有找到这个页面，或您无权查看。')).toBeVisible();
});

test('a liaison can post an update on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, 'nongshang');
  await page.locator('tbody a').first().click();
  await expect(page.getByRole('button', { name: '提交进展' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expectAccessible(page);
  await shoot(page, 'project-liaison-phone');
  for (const path of ['/dashboard', '/projects', '/zones']) {
    await page.goto(path);
    await shoot(page, `phone${path.replace(/\//g, '-')}`);
  }
  await context.close();
});
