import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { dataDir } from '../ops/database';
import { SetupError } from '../ops/errors';

/**
 * The secret that signs sessions. Real deployments set NEXTAUTH_SECRET (or
 * AUTH_SECRET); a portal holding only sample data makes one and keeps it in the
 * data folder, so sessions survive restarts.
 */
export async function resolveAuthSecret(databaseUrl: string): Promise<string> {
  const given = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (given) {
    if (given.length < 32) throw new SetupError('NEXTAUTH_SECRET is too short: use at least 32 random characters (e.g. `openssl rand -base64 32`).');
    return given;
  }
  if (!(await holdsSampleData(databaseUrl)))
    throw new SetupError('Set NEXTAUTH_SECRET (at least 32 random characters): this database holds real data, and sessions must be signed with a secret you control.');
  const file = path.join(dataDir(), 'auth-secret');
  const saved = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (saved) return saved;
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function holdsSampleData(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT EXISTS (SELECT 1 FROM "Source" WHERE "isSample") AS sample');
    return rows[0]?.sample === true;
  } finally {
    await client.end();
  }
}
