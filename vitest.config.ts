import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'tests/helpers/server-only.ts'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    // Figures are always waited for (a test that writes then reads must see its write even on a
    // loaded machine); dashboard-scale.test.ts sets the budget to 0 to test serving the last copy.
    env: { PORTAL_FIGURES_WAIT_MS: '600000' },
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: one test file per core keeps the database and the CPU honest.
    maxWorkers: 2,
  },
});
