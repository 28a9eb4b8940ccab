import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { freePort } from '../../lib/ops/embedded';
import { buildAndRecord, buildIsCurrent } from '../../lib/server/build-stamp';
import { waitForHealthy } from '../../lib/server/net';

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** `pid`: the launcher's primary process; the Next.js workers are its children. */
export type PortalServer = { url: string; pid: number; stop: () => Promise<void> };

/** `next build` when the sources changed since the last build. Run once, from the global setup: test files in parallel must not build at once. */
export async function ensureBuild() {
  if (await buildIsCurrent()) return;
  await buildAndRecord(() => {
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) throw new Error('next build failed');
  });
}

/** The production build, served on a free port against `databaseUrl`. */
export async function startPortalServer(databaseUrl: string): Promise<PortalServer> {
  if (!(await buildIsCurrent())) throw new Error('The build is not current: call ensureBuild() first (the test global setup does).');
  const port = await freePort();
  const url = `http://localhost:${port}`;
  // The launcher's server (lib/server/serve.ts: a Next.js worker per core).
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'lib/server/serve.ts'], {
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production', DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: TEST_SECRET, NEXTAUTH_URL: url, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealthy(`${url}/api/health`, 120_000);
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A browser-like client: keeps cookies, does not follow redirects. */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(private base: string) {}

  cookie(name: string) {
    return this.cookies.get(name);
  }
  /** The Cookie header this browser sends. */
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  async fetch(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const response = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Posts a server action, found by its exported name in the build's manifest, as React's client does. */
  async postAction(page: string, exportedName: string, input: Record<string, unknown>) {
    const manifest = JSON.parse(await readFile('.next/server/server-reference-manifest.json', 'utf8'));
    const id = Object.entries(manifest.node).find(([, v]) => (v as { exportedName: string }).exportedName === exportedName)?.[0];
    if (!id) throw new Error(`No server action named ${exportedName} in the build`);
    const response = await this.fetch(page, {
      method: 'POST',
      headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: this.base },
      body: JSON.stringify([{ status: 'idle' }, input]),
    });
    return { status: response.status, body: await response.text() };
  }

  /** next-auth's credentials flow, as its client does it. Returns the error code, or null on success. */
  async signIn(username: string, password: string): Promise<string | null> {
    const { csrfToken } = (await (await this.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await this.fetch('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, username, password, json: 'true' }),
    });
    const { url } = (await response.json()) as { url: string };
    return new URL(url).searchParams.get('error');
  }

  /** next-auth's sign-out, as its client does it (the sign-out button). */
  async signOut() {
    const { csrfToken } = (await (await this.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    return this.fetch('/api/auth/signout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, callbackUrl: '/login', json: 'true' }),
    });
  }
}
