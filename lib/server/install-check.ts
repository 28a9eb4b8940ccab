import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SetupError } from '../ops/errors';

// After `git pull`, `npm start` without `npm ci` must not serve with what the
// old checkout installed: prisma/generate.mjs stamps the schema and lock file
// that node_modules and the generated Prisma client were made from.

const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

/** Regenerates a Prisma client older than schema.prisma; refuses node_modules older than package-lock.json. */
export async function checkInstall(root = process.cwd(), log: (line: string) => void = console.log) {
  const stampFile = path.join(root, 'lib/db/generated/install-stamp.json');
  const stamp = (await readFile(stampFile, 'utf8').then(JSON.parse, () => null)) as { schema?: string; lock?: string | null } | null;
  if (!stamp) throw new SetupError('The Prisma client has not been generated: run `npm ci` first.');
  if (stamp.lock && stamp.lock !== (await sha(path.join(root, 'package-lock.json')))) {
    throw new SetupError('package-lock.json changed since the last `npm ci` (after a `git pull`?): run `npm ci`, then start again.');
  }
  if (stamp.schema === (await sha(path.join(root, 'prisma/schema.prisma')))) return false;
  log('prisma/schema.prisma changed since the Prisma client was generated: generating it again…');
  const result = spawnSync(process.execPath, ['prisma/generate.mjs'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new SetupError(`Generating the Prisma client failed (${(result.stderr || result.stdout).trim().split('\n').at(-1)}): run \`npm ci\`.`);
  }
  return true;
}
