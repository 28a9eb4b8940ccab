import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres } from '../../lib/ops/embedded';

const exec = promisify(execFile);

/** Runs `npm start`'s entry and returns what it printed; it must fail fast. */
async function startPortal(env: Record<string, string>) {
  const result = await exec(process.execPath, ['--import', 'tsx', 'lib/server/start.ts'], {
    env: { ...process.env, ...env },
    timeout: 60_000,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  return { code: result.code, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe('bad configuration ends with one clear line', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const undo of cleanup.reverse()) await undo();
  });

  it('names an unreachable DATABASE_URL', async () => {
    const port = await freePort(); // nothing listens there
    const out = await startPortal({ DATABASE_URL: `postgresql://u:p@127.0.0.1:${port}/portal`, PORT: String(await freePort()) });
    expect(out.code).toBe(1);
    expect(out.stderr.split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(`Cannot reach PostgreSQL at 127.0.0.1:${port}/portal (ECONNREFUSED)`);
  });

  it('rejects a DATABASE_URL that is not a URL', async () => {
    const out = await startPortal({ DATABASE_URL: 'not a url', PORT: String(await freePort()) });
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('DATABASE_URL is not a valid URL: expected postgresql://user:password@host:port/database');
  });

  it('names a port in use', async () => {
    const busy = net.createServer().listen(0);
    await new Promise((r) => busy.once('listening', r));
    cleanup.push(() => new Promise((r) => busy.close(r)));
    const port = (busy.address() as net.AddressInfo).port;
    const out = await startPortal({ PORT: String(port), DATABASE_URL: '' });
    expect(out.code).toBe(1);
    expect(out.stderr).toBe(`Port ${port} is in use: stop what is using it, or start the portal with PORT=<another port>.`);
  });

  it('refuses a data folder that another running instance holds, and recovers a stale lock', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'portal-lock-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await startEmbeddedPostgres({ dataDir, database: 'portal' });
    cleanup.push(() => first.stop());
    const out = await startPortal({ PORTAL_DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(await freePort()) });
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/^The data folder .* is in use by another running portal \(PostgreSQL PID \d+\)/);
    expect(out.stderr.split('\n')).toHaveLength(1);

    await first.stop();
    // A crash leaves postmaster.pid behind, naming a PID that is not PostgreSQL.
    await writeFile(path.join(dataDir, 'cluster', 'postmaster.pid'), `${process.pid}\n${dataDir}\n`);
    const again = await startEmbeddedPostgres({ dataDir, database: 'portal' });
    cleanup.push(() => again.stop());
    expect(again.url).toContain('/portal');
  });
});
