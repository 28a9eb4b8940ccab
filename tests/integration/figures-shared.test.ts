import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PASSWORD } from '../../prisma/seed/accounts';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { Browser, startPortalServer, type PortalServer } from '../helpers/portal-server';

// The production server runs one Next.js process per core (lib/server/serve.ts). The
// dashboard's figures are computed by one of them and sent to the others
// (lib/dashboard/cache.ts): after a write, every process comes to serve the same copy,
// stating the same moment. Each process computing its own would state two, in turn.

let database: TestDatabase;
let server: PortalServer;
let browser: Browser;

const asOf = (html: string) => /data-figures-as-of="([^"]+)"/.exec(html)?.[1] ?? null;

/** The dashboard on a connection of its own: the cluster hands connections, not requests, to its processes. */
function dashboard(): Promise<{ status: number; html: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL('/dashboard', server.url), { agent: false, headers: { cookie: browser.cookieHeader() } }, (response) => {
      let html = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (html += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, html }));
    });
    request.on('error', reject);
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.url, {});
  const saved = { ...process.env };
  // Two processes, and every recomputation "too long to wait for" (a province's case), spaced by 200 ms.
  Object.assign(process.env, { PORTAL_WORKERS: '2', PORTAL_FIGURES_WAIT_MS: '0', PORTAL_FIGURES_GAP_MS: '200' });
  try {
    server = await startPortalServer(database.url);
  } finally {
    for (const name of ['PORTAL_WORKERS', 'PORTAL_FIGURES_WAIT_MS', 'PORTAL_FIGURES_GAP_MS']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
  browser = new Browser(server.url);
  expect(await browser.signIn('viewer', SAMPLE_PASSWORD)).toBeNull();
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

describe('the server processes share the dashboard’s figures', () => {
  it('serves one copy, stating one moment, from every process after a write', async () => {
    // Both processes have figures (each computes its first copy for its first reader).
    for (let i = 0; i < 4; i++) expect((await dashboard()).status).toBe(200);
    const written = Date.now();
    await database.prisma.$executeRaw`UPDATE "Zone" SET "accreditedAt" = NULL WHERE id = (SELECT min(id) FROM "Zone" WHERE "accreditedAt" IS NOT NULL)`;
    // Readers meanwhile get the last copy; then the copy counting the write, from every process.
    let moments: string[] = [];
    for (let i = 0; i < 100; i++) {
      const { html } = await dashboard();
      const moment = asOf(html);
      expect(moment).not.toBeNull();
      // A run of answers (the cluster deals connections round-robin: both processes answer) stating the same moment after the write.
      const counts = Date.parse(moment!) > written && html.includes('data-current="true"');
      moments = counts && (moments.length === 0 || moments[0] === moment) ? [...moments, moment!] : counts ? [moment!] : [];
      if (moments.length === 8) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(moments).toHaveLength(8);
  }, 120_000);
});
