import { defineConfig, devices } from '@playwright/test';

// End-to-end journeys against the production build (`npm start`) on a fresh
// embedded database, in Debian's Chromium (no browser download).
const PORT = Number(process.env.E2E_PORT ?? 3210);
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The portal under test makes the briefing's PDF on the server with the same Chromium (the server
// inherits this environment; the briefing journey checks the PDF).
process.env.PDF_CHROMIUM_PATH ??= CHROMIUM_PATH;
// Journeys that write then read the dashboard wait for its figures however loaded the machine (lib/dashboard/cache.ts).
process.env.PORTAL_FIGURES_WAIT_MS ??= '600000';
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A journey takes 10–30 s alone; a loaded 2-core machine (a build or another suite beside it) has needed 59 s.
  timeout: 120_000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium', use: chromium }],
  webServer: {
    // A fresh data folder each run: the journeys change data.
    command: `rm -rf .data/e2e && PORTAL_DATA_DIR=.data/e2e PORT=${PORT} NEXTAUTH_URL=http://localhost:${PORT} node --import tsx lib/server/start.ts`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
