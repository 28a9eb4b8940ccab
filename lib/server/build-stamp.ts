import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

// `npm start` rebuilds only when the sources changed since the last build:
// a stamp of every source file's path, size and mtime.
const SOURCES = ['app', 'components', 'lib', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];
const STAMP = path.join('.next', 'portal-source-stamp');

async function* files(entry: string): AsyncGenerator<string> {
  const info = await stat(entry).catch(() => null);
  if (!info) return;
  if (!info.isDirectory()) {
    yield `${entry}:${info.size}:${info.mtimeMs}`;
    return;
  }
  for (const child of (await readdir(entry)).sort()) yield* files(path.join(entry, child));
}

async function sourceStamp() {
  const hash = createHash('sha256');
  for (const source of SOURCES) for await (const line of files(source)) hash.update(line + '\n');
  return hash.digest('hex');
}

export async function buildIsCurrent() {
  const [saved, current, buildId] = await Promise.all([
    readFile(STAMP, 'utf8').catch(() => ''),
    sourceStamp(),
    readFile(path.join('.next', 'BUILD_ID'), 'utf8').catch(() => ''),
  ]);
  return Boolean(buildId) && saved === current;
}

/**
 * Builds with `build` and records the stamp of the sources as they were when it began: a file
 * edited during the build (which may have read it before) makes the next start build again.
 */
export async function buildAndRecord(build: () => Promise<void> | void) {
  const stamp = await sourceStamp();
  await build();
  await writeFile(STAMP, stamp);
}
