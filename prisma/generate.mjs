// `prisma generate` offline: the CLI only checks that a schema engine binary
// exists (migrations use the WebAssembly engine, see lib/db/schema-engine.ts),
// so point it at an existing file instead of letting it try to download one.
import { spawnSync } from 'node:child_process';

const result = spawnSync('prisma', ['generate'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
process.exit(result.status ?? 1);
