// What a browser pays for the dashboard: its first-load JavaScript (the
// scripts in the page's HTML, gzip) and Chromium's Largest Contentful Paint.
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

export async function firstLoadJs(base: string, path: string, cookie: string) {
  const html = await (await fetch(new URL(path, base), { headers: { cookie } })).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src.replaceAll('&amp;', '&'), base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { scripts: sources.length, rawKb: raw / 1024, gzipKb: gzip / 1024, htmlKb: Buffer.byteLength(html) / 1024 };
}

/** Median LCP of `runs` cold loads (a new browser context each: no cache). */
export async function largestContentfulPaint(base: string, path: string, cookies: { name: string; value: string }[], runs = 5) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      await context.addCookies(cookies.map((c) => ({ ...c, url: base })));
      const page = await context.newPage();
      await page.goto(new URL(path, base).toString(), { waitUntil: 'load' });
      times.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              new PerformanceObserver((list) => {
                const entries = list.getEntries();
                resolve(entries[entries.length - 1]!.startTime);
              }).observe({ type: 'largest-contentful-paint', buffered: true });
            }),
        ),
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}
