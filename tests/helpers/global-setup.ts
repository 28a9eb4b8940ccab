import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { withDatabase } from '../../lib/ops/database';
import { startEmbeddedPostgres } from '../../lib/ops/embedded';
import { migrate } from '../../lib/ops/migrate';
import { ensureBuild } from './portal-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A maintenance connection (database `postgres`) on the test server. */
    adminUrl: string;
    /** A database with all migrations applied, to copy per test file. */
    templateDatabase: string;
  }
}

// One throwaway PostgreSQL for the run: embedded in a temporary folder, or the
// server named by TEST_DATABASE_URL (a maintenance URL; nothing of it is kept).
export default async function setup(project: TestProject) {
  // The HTTP tests serve the production build; made here once, not by files racing in parallel.
  // PORTAL_TEST_SKIP_BUILD=1 skips it for a run of tests that never start the portal.
  if (process.env.PORTAL_TEST_SKIP_BUILD !== '1') await ensureBuild();
  let stop = async () => {};
  let adminUrl = process.env.TEST_DATABASE_URL;
  let dataDir: string | undefined;
  if (!adminUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'portal-test-'));
    const server = await startEmbeddedPostgres({ dataDir, database: 'postgres' });
    adminUrl = server.url;
    stop = server.stop;
  }
  const templateDatabase = `portal_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  await admin.end();
  await migrate(withDatabase(adminUrl, templateDatabase));
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    if (process.env.TEST_DATABASE_URL) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
      await client.end();
    }
    await stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
