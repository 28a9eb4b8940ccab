import path from 'node:path';
import { defineConfig } from 'vitest/config';

// npm run test:soak: long runs that kill and restart the whole portal. They
// start their own portals (embedded PostgreSQL included) in temporary folders.
const root = path.resolve(import.meta.dirname, '../..');
export default defineConfig({
  root,
  resolve: {
    alias: {
      '@': root,
      'server-only': path.resolve(root, 'tests/helpers/server-only.ts'),
    },
  },
  test: {
    include: ['tests/soak/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 1,
    disableConsoleIntercept: true,
  },
});
