import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, FIXTURE_PASSWORD } from '../helpers/fixtures';
import { Browser, startPortalServer, type PortalServer } from '../helpers/portal-server';

// Security headers on every kind of response of the production build.
let database: TestDatabase;
let server: PortalServer;
let signedIn: Browser;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildWorld(database.prisma);
  server = await startPortalServer(database.url);
  signedIn = new Browser(server.url);
  expect(await signedIn.signIn('admin', FIXTURE_PASSWORD)).toBeNull();
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

function expectHardened(response: Response, label: string) {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp, label).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, label).toContain("frame-ancestors 'none'");
  expect(csp, label).toContain("object-src 'none'");
  expect(csp, label).not.toMatch(/https?:\/\/|unsafe-eval/);
  expect(response.headers.get('x-frame-options'), label).toBe('DENY');
  expect(response.headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), label).toBe('same-origin');
  expect(response.headers.get('permissions-policy'), label).toContain('camera=()');
  expect(response.headers.get('strict-transport-security'), label).toContain('max-age=');
  return csp;
}

describe('security headers', () => {
  it('are on the sign-in page, portal pages, a 404, redirects, the API and exports', async () => {
    const anonymous = new Browser(server.url);
    const cases: [string, Response][] = [
      ['login', await anonymous.fetch('/login')],
      ['redirect to sign-in', await anonymous.fetch('/dashboard')],
      ['dashboard', await signedIn.fetch('/dashboard')],
      ['project 404', await signedIn.fetch('/projects/999999')],
      ['health', await anonymous.fetch('/api/health')],
      ['export', await signedIn.fetch('/api/exports/zones?format=csv')],
      ['API 401', await anonymous.fetch('/api/exports/zones')],
    ];
    const nonces = new Set<string>();
    for (const [label, response] of cases) nonces.add(expectHardened(response, label).match(/nonce-([^']+)/)![1]!);
    expect(nonces.size).toBe(cases.length); // a fresh nonce every time
  });

  it('puts the nonce on every script of a page, and there is no inline script without it', async () => {
    const response = await signedIn.fetch('/dashboard');
    const nonce = response.headers.get('content-security-policy')!.match(/nonce-([^']+)/)![1];
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it('refuses cross-site calls to the API', async () => {
    const crossSite = await signedIn.fetch('/api/exports/zones?format=csv', { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    const sameSite = await signedIn.fetch('/api/exports/zones?format=csv', { headers: { 'Sec-Fetch-Site': 'same-origin' } });
    expect(sameSite.status).toBe(200);
  });

  it('serves the favicon, the icons and the manifest without a session', async () => {
    const anonymous = new Browser(server.url);
    const cases: [string, RegExp][] = [
      ['/favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)/],
      ['/icons/icon.svg', /^image\/svg\+xml/],
      ['/icons/icon-192.png', /^image\/png/],
      ['/icons/icon-maskable-512.png', /^image\/png/],
      ['/icons/apple-touch-icon.png', /^image\/png/],
      ['/manifest.webmanifest', /^application\/manifest\+json/],
    ];
    for (const [path, type] of cases) {
      const response = await anonymous.fetch(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(type);
    }
    const manifest = await (await anonymous.fetch('/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ name: '国企联村工作平台', short_name: '国企联村', start_url: '/', display: 'standalone' });
    for (const icon of manifest.icons) expect((await anonymous.fetch(icon.src)).status, icon.src).toBe(200);
    const html = await (await anonymous.fetch('/login')).text();
    expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
    expect(html).toContain('href="/icons/apple-touch-icon.png"');
  });

  it('reports the database in the health check', async () => {
    expect(await (await new Browser(server.url).fetch('/api/health')).json()).toMatchObject({ status: 'ok', database: { up: true } });
  });
});
