import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, shoot, signIn } from './helpers';

// Every page a role can reach, at a phone's width (390 px) in both languages: nothing wider than the
// screen, no table squeezed to one character per line, the navigation a menu; at 1440 px the
// tables are tables and the navigation a row of links, as before.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const ROLES = ['admin', 'viewer', 'nongye', 'maojiachong'] as const;
const LOCALES = ['zh-CN', 'en'] as const;
const MENU = { 'zh-CN': '菜单', en: 'Menu' };
const NAV = { 'zh-CN': '主导航', en: 'Main navigation' };

/** The portal's pages as URL templates (`/zones/[id]`), read from app/(portal): a new page is checked without editing this file. */
function portalRoutes() {
  const root = join(process.cwd(), 'app', '(portal)');
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name === 'page.tsx') routes.push(`/${relative(root, dir).split(sep).join('/')}`.replace(/\/$/, '') || '/');
    }
  };
  walk(root);
  return routes.sort();
}

const templatePattern = (route: string) => new RegExp(`^${route.replace(/\[[^\]]+\]/g, '\\d+')}$`);

/**
 * Visits the pages a signed-in user reaches by following links, one per route template: the
 * navigation's links, then every link on those pages that matches a template not yet seen (real ids
 * from the seed). `check` runs on each page as it stands; returns route → path.
 */
async function visitReachable(page: Page, routes: string[], check: (route: string, path: string) => Promise<void>) {
  const patterns = routes.map((r) => ({ route: r, pattern: templatePattern(r) }));
  // The search results are reached by the header's form, not by a link: start there too.
  const found = new Map<string, string>([['/', '/'], ['/search', '/search?q=mjc']]);
  const queue: [string, string][] = [['/', '/'], ['/search', '/search?q=mjc']];
  while (queue.length > 0) {
    const [route, path] = queue.shift()!;
    await page.goto(path);
    // The attribute, not `.href`: an SVG link's (the map's zones) is an SVGAnimatedString.
    const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => new URL(a.getAttribute('href')!, location.href).pathname));
    await check(route, path);
    for (const href of hrefs) {
      const match = patterns.find((p) => p.pattern.test(href));
      if (match && !found.has(match.route)) {
        found.set(match.route, href);
        queue.push([match.route, href]);
      }
    }
  }
  return found;
}

/** What is wrong with the page at phone width: anything wider than the screen, any sideways scroller, any squeezed cell. */
async function phoneProblems(page: Page) {
  // Closed <details> (a chart's table view, an audit entry) open on a tap: check them open.
  await page.locator('details:not([open])').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  return page.evaluate((width) => {
    const describe = (el: Element) => {
      const text = (el as HTMLElement).innerText?.trim().replace(/\s+/g, ' ').slice(0, 40) ?? '';
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].slice(0, 3).join('.')} "${text}"`;
    };
    const problems: string[] = [];
    const pageWidth = document.documentElement.scrollWidth;
    if (pageWidth > width) {
      problems.push(`the page is ${pageWidth}px wide`);
      const wide = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.checkVisibility());
      // The innermost culprits, not every ancestor.
      problems.push(...wide.filter((el) => !wide.some((other) => other !== el && el.contains(other))).slice(0, 5).map((el) => `  beyond the screen: ${describe(el)}`));
    }
    for (const el of document.body.querySelectorAll('*')) {
      const overflowX = getComputedStyle(el).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`scrolls sideways (${el.scrollWidth} in ${el.clientWidth}px): ${describe(el)}`);
      }
    }
    // Visually hidden (a phone's table header, kept for screen readers): not on screen to be squeezed.
    const clipped = (el: Element | null): boolean => {
      for (; el; el = el.parentElement) if (getComputedStyle(el).clipPath !== 'none') return true;
      return false;
    };
    for (const cell of document.querySelectorAll('td, th')) {
      if (!cell.checkVisibility() || clipped(cell)) continue;
      const text = (cell as HTMLElement).innerText.trim();
      if ([...text].length < 3) continue;
      const style = getComputedStyle(cell);
      const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      // Narrower than three characters: a word or a name stands one character per line.
      if (inner < 3 * parseFloat(style.fontSize)) problems.push(`a cell ${Math.round(inner)}px wide: ${describe(cell)}`);
    }
    return problems;
  }, PHONE.width);
}

async function useLocale(page: Page, locale: (typeof LOCALES)[number]) {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: page.url() }]);
}

const routes = portalRoutes();
const PROJECTS = { 'zh-CN': /项目/, en: /projects/i };

test.beforeAll(async ({ browser }) => {
  // An import, so that /imports/[id] has a page to show: one village's population, as a village accountant's ledger would carry it.
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await page.goto('/imports');
  if (await page.locator('a[href^="/imports/"]').count()) return page.close();
  const form = page.locator('form', { has: page.getByRole('heading', { name: '村与村集体收入' }) });
  const csv = '\uFEFF区,片区,村,人口,户数,年份,村集体经济收入（元）\r\n新洲区,民主片区,毛家冲村,1234,,,\r\n';
  await form.locator('input[type=file]').setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await form.getByRole('button', { name: '检查（不导入）' }).click();
  await expect(form.getByText(/检查通过/)).toBeVisible();
  const acknowledge = form.getByRole('checkbox', { name: /我已逐条核对/ });
  if (await acknowledge.count()) await acknowledge.check();
  await form.getByRole('button', { name: '导入以上内容' }).click();
  await expect(form.getByText(/已导入/)).toBeVisible();
  await page.close();
});

/** Where each role's test writes the routes it reached, for the last test to add up. */
const reachedFile = (name: string) => join(test.info().project.outputDir, 'phones-reached', `${name}.json`);

for (const role of ROLES) {
  for (const locale of LOCALES) {
    test(`${role} (${locale}): every reachable page fits a 390 px phone`, async ({ page }) => {
      test.setTimeout(900_000);
      await signIn(page, role);
      await useLocale(page, locale);
      await page.setViewportSize(PHONE);
      // axe once per page and role (in Chinese: the markup is the same in English).
      const audit = locale === 'zh-CN';
      const failures: string[] = [];
      const pages = await visitReachable(page, routes, async (route, path) => {
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        if (audit) await expectAccessible(page);
        if (role === 'admin') await shoot(page, `phone-${role}-${locale}${route.replace(/[/[\]]+/g, '-')}`);
        const problems = await phoneProblems(page);
        if (problems.length) failures.push(`${path}:\n    ${problems.join('\n    ')}`);
      });
      mkdirSync(dirname(reachedFile(`${role}-${locale}`)), { recursive: true });
      writeFileSync(reachedFile(`${role}-${locale}`), JSON.stringify([...pages.keys()]));
      expect(failures, failures.join('\n')).toEqual([]);

      // The navigation is one button on a phone: it opens the links over the page, Escape closes it and gives the focus back.
      await page.goto(pages.get('/projects') ?? '/');
      const nav = page.getByRole('navigation', { name: NAV[locale] });
      const menu = nav.getByRole('button', { name: MENU[locale] });
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(nav.getByRole('link', { name: PROJECTS[locale] })).toBeHidden();
      const before = await page.locator('main').boundingBox();
      await menu.focus();
      await page.keyboard.press('Enter');
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(nav.getByRole('link', { name: PROJECTS[locale] })).toBeVisible();
      // Nothing below the menu moves.
      expect(await page.locator('main').boundingBox()).toEqual(before);
      expect(await phoneProblems(page)).toEqual([]);
      if (role === 'admin') await shoot(page, `phone-menu-${locale}`);
      await page.keyboard.press('Tab');
      await expect(nav.getByRole('link', { name: /.+/ }).filter({ visible: true }).first()).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(menu).toBeFocused();
    });
  }
}

for (const locale of LOCALES) {
  test(`admin (${locale}): at 1440 px the tables are tables and the navigation a row of links`, async ({ page }) => {
    test.setTimeout(600_000);
    await signIn(page, 'admin');
    await useLocale(page, locale);
    await page.setViewportSize(DESKTOP);
    const nav = page.getByRole('navigation', { name: NAV[locale] });
    await visitReachable(page, routes, async (route, path) => {
      await expect(nav.getByRole('button', { name: MENU[locale] })).toBeHidden();
      await expect(nav.getByRole('link', { name: PROJECTS[locale] })).toBeVisible();
      const cells = await page.locator('table td').evaluateAll((all) => all.filter((c) => c.checkVisibility()).map((c) => getComputedStyle(c).display));
      expect(new Set(cells), path).toEqual(new Set(cells.length ? ['table-cell'] : []));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(DESKTOP.width);
      if (locale === 'zh-CN') await shoot(page, `desktop-admin${route.replace(/[/[\]]+/g, '-')}`);
    });
  });
}

test('the roles together reach every page in app/(portal)', () => {
  const reached = new Set<string>();
  for (const role of ROLES) for (const locale of LOCALES) for (const route of JSON.parse(readFileSync(reachedFile(`${role}-${locale}`), 'utf8')) as string[]) reached.add(route);
  expect(routes.filter((r) => !reached.has(r))).toEqual([]);
});
