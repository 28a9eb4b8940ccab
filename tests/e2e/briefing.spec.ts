import { expect, test, type Page } from '@playwright/test';
import { firstLoadJs } from '../bench/page';
import { expectAccessible, shoot, signIn } from './helpers';

// The 简报 printed to A4 by Chromium (page.pdf): at most two pages, nothing wider than the
// page, the map's 13 districts, the headline figures exactly the dashboard's; the dashboard
// prints without navigation or banner; and its first-load JavaScript with the map on it.

const KPIS = ['modelZones', 'income', 'projects', 'participation', 'investment', 'jobs', 'incomeToVillages', 'beneficiaries'];

/** Pages in a PDF: its page objects (`/Type /Page`, not `/Type /Pages`). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

async function headline(page: Page, valueSelector: string) {
  const out: Record<string, string> = {};
  for (const id of KPIS) out[id] = (await page.locator(`[data-kpi="${id}"] ${valueSelector}`).first().innerText()).trim();
  return out;
}

test('the briefing prints to at most two A4 pages with the dashboard’s figures and the map', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/dashboard');
  const dashboard = await headline(page, 'p a');
  await expect(page.locator('[data-map] path[data-district]')).toHaveCount(13);

  await page.goto('/briefing');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('简报');
  await expect(page.locator('[data-internal]')).toHaveText('内部资料');
  await expect(page.locator('[data-sample-mark]')).toBeVisible();
  expect(await headline(page, '[data-value]')).toEqual(dashboard);
  await expect(page.locator('[data-map] path[data-district]')).toHaveCount(13);
  await expect(page.locator('[data-chart="trajectory"]')).toBeVisible();
  await expect(page.locator('[data-chart="income"]')).toBeVisible();
  await expectAccessible(page);

  await page.emulateMedia({ media: 'print' });
  // A4 at 12 mm margins is 186 mm (about 703 CSS px) wide: nothing may reach past it.
  await page.setViewportSize({ width: 703, height: 1000 });
  const overflowing = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 1;
    return [...document.querySelectorAll('main *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > limit && getComputedStyle(el).display !== 'none';
      })
      .map((el) => `${el.tagName}.${el.className}`.slice(0, 80));
  });
  expect(overflowing).toEqual([]);
  await expect(page.locator('header').first()).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pages = pdfPages(pdf);
  console.log(`briefing PDF: ${pages} A4 pages, ${(pdf.length / 1024).toFixed(0)} KB`);
  await shoot(page, 'briefing-print');
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});

test('the dashboard prints without navigation and banner; its first-load JS stays under 250 KB', async ({ page, baseURL }) => {
  await signIn(page, 'admin');
  await page.goto('/dashboard?measure=accredited');
  await expect(page.locator('[data-map="accredited"]')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: /主导航|main/i })).toBeHidden();
  await expect(page.locator('[role="note"]').filter({ hasText: '示例' }).first()).toBeHidden();
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const js = await firstLoadJs(baseURL!, '/dashboard', cookie);
  console.log(`dashboard first-load JS: ${js.scripts} scripts, ${js.gzipKb.toFixed(1)} KB gzip (${js.rawKb.toFixed(1)} KB raw); HTML ${js.htmlKb.toFixed(1)} KB`);
  expect(js.gzipKb).toBeLessThan(250);
});

test('a liaison’s briefing covers its SOE', async ({ page }) => {
  await signIn(page, 'nongye');
  await page.goto('/briefing');
  await expect(page.getByText(/范围：.*集团/)).toBeVisible();
  await expect(page.locator('#b-soes + table tbody tr')).toHaveCount(1);
});

test('the map and the briefing fit a 390 px phone; a district’s zone list shows its map', async ({ page }) => {
  await signIn(page, 'admin');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/zones');
  const district = await page.locator('select[name="district"] option').nth(1).getAttribute('value');
  for (const path of ['/dashboard', '/briefing', `/zones?district=${district}`]) {
    await page.goto(path);
    await expect(page.locator('[data-map] path[data-district]').first()).toBeAttached();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  }
  // The district's view: fitted to it, its zones alone.
  await expect(page.locator('[data-map] h2')).toContainText('分布图');
  const zones = await page.locator('[data-map] [data-zone]').count();
  expect(zones + Number(await page.locator('[data-unplaced]').getAttribute('data-unplaced'))).toBeGreaterThan(0);
});

test('下载 PDF: made on the server when PDF_CHROMIUM_PATH is set', async ({ page }) => {
  test.skip(!process.env.PDF_CHROMIUM_PATH, 'no Chromium configured for the server');
  await signIn(page, 'admin');
  await page.goto('/briefing');
  await expect(page.locator('a[download][href^="/api/briefing/pdf"]')).toBeVisible();
  const response = await page.request.get('/api/briefing/pdf');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const pages = pdfPages(await response.body());
  console.log(`server PDF: ${pages} pages`);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});
