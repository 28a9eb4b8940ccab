import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'lib/db/generated/**', 'prisma/migrations/**', 'next-env.d.ts', 'test-results/**']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    rules: {
      // app/ and components/ never touch the database directly (DESIGN.md).
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/db/generated/**'], message: 'Use lib/db/client (lib/ only).' }] },
      ],
    },
  },
  {
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/lib/db/client', '@/lib/db/generated/*'], message: 'Pages and components read through lib/<feature>/queries.ts.' }] },
      ],
    },
  },
  {
    files: ['lib/db/**', 'tests/**', 'prisma/seed/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
]);
