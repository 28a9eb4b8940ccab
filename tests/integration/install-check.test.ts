import { execFile } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SetupError } from '../../lib/ops/errors';
import { checkInstall } from '../../lib/server/install-check';

const exec = promisify(execFile);

// A checkout of the project's install files in a temporary folder, sharing node_modules:
// what `git pull` without `npm ci` leaves behind, played out on a copy.
describe('npm start after a git pull without npm ci', () => {
  let root: string;
  const generated = () => readFile(path.join(root, 'lib/db/generated/models/Source.ts'), 'utf8');

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'portal-install-'));
    for (const file of ['prisma/schema.prisma', 'prisma/generate.mjs', 'prisma.config.ts', 'package.json', 'package-lock.json']) {
      await cp(file, path.join(root, file), { recursive: true });
    }
    await mkdir(path.join(root, 'lib/db'), { recursive: true });
    await symlink(path.resolve('node_modules'), path.join(root, 'node_modules'));
    await exec(process.execPath, ['prisma/generate.mjs'], { cwd: root, env: { ...process.env, npm_lifecycle_event: 'postinstall' } });
  }, 60_000);
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('starts as installed when nothing changed', async () => {
    expect(await checkInstall(root, () => {})).toBe(false);
  });

  it('generates the Prisma client again when schema.prisma changed', async () => {
    expect(await generated()).not.toContain('pulledField');
    const schema = path.join(root, 'prisma/schema.prisma');
    const text = await readFile(schema, 'utf8');
    await writeFile(schema, text.replace('model Source {\n', 'model Source {\n  pulledField String?\n'));
    const lines: string[] = [];
    expect(await checkInstall(root, (l) => lines.push(l))).toBe(true);
    expect(lines.join('\n')).toMatch(/schema.prisma changed/);
    expect(await generated()).toContain('pulledField');
    expect(await checkInstall(root, () => {})).toBe(false);
  }, 60_000);

  it('refuses in one line when package-lock.json changed since npm ci', async () => {
    await appendFile(path.join(root, 'package-lock.json'), '\n');
    const error = await checkInstall(root, () => {}).catch((e: Error) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message).toBe('package-lock.json changed since the last `npm ci` (after a `git pull`?): run `npm ci`, then start again.');
  });
});
