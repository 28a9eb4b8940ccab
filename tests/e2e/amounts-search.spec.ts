import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible, shoot, signIn } from './helpers';

// Money typed as people write it, echoed as it will be stored; the header search by pinyin initials.
// On a phone (390 px) and a desktop (1440 px), in Chinese.
for (const [label, width, height] of [['phone', 390, 844], ['desktop', 1440, 900]] as const) {
  const open = (browser: Browser) =>
    browser.newContext({ viewport: { width, height }, locale: 'zh-CN', ...(width < 640 ? { isMobile: true, hasTouch: true } : {}) });

  // Sign-in, two or three pages and an axe scan each: slow on a loaded 2-core machine.
  test.slow();

  test(`${label}: typing 30 in 计划投资 shows "= 300,000 元", and 30万 with 元 chosen the same`, async ({ browser }) => {
    const context = await open(browser);
    const page = await context.newPage();
    await signIn(page, 'nongye');
    await page.goto('/projects/new');
    const planned = page.getByLabel('计划投资', { exact: true });
    await planned.fill('30');
    await expect(page.getByTestId('echo-plannedInvestment')).toHaveText('= 300,000 元');
    await page.getByLabel('计划投资的单位').selectOption('元');
    await expect(page.getByTestId('echo-plannedInvestment')).toHaveText('= 30 元');
    await planned.fill('30万');
    await expect(page.getByTestId('echo-plannedInvestment')).toHaveText('= 300,000 元（30 万元）');
    await planned.fill('1.234');
    await expect(page.getByTestId('echo-plannedInvestment')).toHaveText('金额最多到分：按元计最多两位小数。');
    await page.getByLabel('开始日期').fill('2025年3月1日');
    await expect(page.getByText('= 2025年3月1日')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectAccessible(page);
    await shoot(page, `money-input-${label}`);
    await context.close();
  });

  test(`${label}: searching mjc in the header finds 毛家冲村`, async ({ browser }) => {
    const context = await open(browser);
    const page = await context.newPage();
    await signIn(page, 'admin');
    const box = page.getByRole('searchbox', { name: '搜索国企、片区、村和项目' }).first();
    await box.fill('mjc');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=mjc/);
    const villages = page.getByRole('region', { name: /^村/ });
    await expect(villages.getByRole('link', { name: '毛家冲村' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectAccessible(page);
    await shoot(page, `search-${label}`);
    await villages.getByRole('link', { name: '毛家冲村' }).click();
    await expect(page.getByRole('heading', { name: /毛家冲村/ })).toBeVisible();
    await context.close();
  });
}
