import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../lib/ops/embedded';
import { migrate } from '../../lib/ops/migrate';
import { seed } from '../../prisma/seed/seed';
import { Browser, startPortalServer, type PortalServer } from '../helpers/portal-server';

// The portal outlives its database: while PostgreSQL is down, /api/health says
// so and pages fail cleanly; once it is back, the same app process serves again.
let dataDir: string;
let database: EmbeddedDatabase;
let portal: PortalServer;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'portal-reconnect-'));
  database = await startEmbeddedPostgres({ dataDir, database: 'portal' });
  await migrate(database.url);
  await seed(database.url);
  portal = await startPortalServer(database.url);
}, 240_000);
afterAll(async () => {
  await portal?.stop();
  await database?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const health = async () => {
  const response = await fetch(`${portal.url}/api/health`);
  return { status: response.status, body: (await response.json()) as { status: string; database: { up: boolean } } };
};

describe('PostgreSQL restarts under a running portal', () => {
  it('reports the database down, then serves signed-in pages again once it is back', async () => {
    const browser = new Browser(portal.url);
    expect(await browser.signIn('viewer', 'Liancun@2025')).toBeNull();
    expect((await browser.fetch('/dashboard')).status).toBe(200);

    await database.stop();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'degraded', database: { up: false } });
    expect((await browser.fetch('/zones')).status).toBeGreaterThanOrEqual(500);

    database = await startEmbeddedPostgres({ dataDir, database: 'portal', port: database.port });
    let up = await health();
    for (let i = 0; i < 40 && up.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      up = await health();
    }
    expect(up.body).toMatchObject({ status: 'ok', database: { up: true } });
    expect((await browser.fetch('/dashboard')).status).toBe(200);
    expect((await browser.fetch('/zones')).status).toBe(200);
  });
});
