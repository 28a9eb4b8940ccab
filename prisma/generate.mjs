// `prisma generate` offline: the CLI only checks that a schema engine binary
// exists (migrations use lib/ops/migrate.ts and the WebAssembly engine), so point
// it at an existing file instead of letting it try to download one.
// Afterwards it stamps what the client was made from (lib/server/install-check.ts
// reads the stamp on `npm start`): schema.prisma, and on `npm ci`/`npm install`
// the package-lock.json that node_modules was installed from.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const STAMP = 'lib/db/generated/install-stamp.json';
const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

const previous = (() => {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return {};
  }
})();
const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
if (result.status === 0) {
  const installing = process.env.npm_lifecycle_event === 'postinstall';
  writeFileSync(STAMP, JSON.stringify({ schema: sha('prisma/schema.prisma'), lock: installing ? sha('package-lock.json') : previous.lock ?? null }) + '\n');
}
process.exit(result.status ?? 1);
