import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const ROLE_CHECKS = [
  {
    selector: "BinaryExpression[operator=/^[!=]==?$/]:has(> MemberExpression[computed=false][property.name='role'])",
    message: 'Role decisions live in lib/auth/policy.ts: ask can(user, action, resource).',
  },
  {
    selector: 'BinaryExpression[operator=/^[!=]==?$/] > Literal[value=/^(ORG_ADMIN|ORG_VIEWER|SOE_LIAISON|VILLAGE_COMMITTEE)$/]',
    message: 'Role decisions live in lib/auth/policy.ts: ask can(user, action, resource).',
  },
];
const WRITE_MESSAGE = 'Writes go through a mutation core (lib/<entity>/mutations.ts, run by defineMutation): one transaction, the policy, one audit row.';
const WRITES = [
  {
    selector: "CallExpression[callee.property.name=/^(create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)$/][callee.object.type='MemberExpression']",
    message: WRITE_MESSAGE,
  },
  { selector: 'CallExpression[callee.property.name=/^\\$executeRaw(Unsafe)?$/]', message: WRITE_MESSAGE },
];
/** Where Prisma writes may stand: mutation cores (an import's kinds are its cores), the audit writer, sign-in's failure counter, the database tools. */
const WRITERS = ['lib/**/*mutations.ts', 'lib/imports/villages.ts', 'lib/imports/projects.ts', 'lib/imports/updates.ts', 'lib/imports/commitments.ts', 'lib/imports/pioneers.ts', 'lib/audit/log.ts', 'lib/auth/sign-in.ts', 'lib/ops/**'];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'playwright-report/**', 'lib/db/generated/**', 'prisma/migrations/**', 'next-env.d.ts', 'test-results/**']),
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
        { patterns: [{ group: ['@/lib/db/client', '@/lib/db/generated/*', '@/lib/ops/*'], message: 'Pages and components read through lib/<feature>/queries.ts.' }] },
      ],
    },
  },
  {
    files: ['lib/db/**', 'tests/**', 'prisma/seed/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // The write contract (docs/architecture.md): every role decision in lib/auth/policy.ts, every
  // Prisma write in a mutation core run by defineMutation (or the database tools and the seed).
  { files: ['**/*.ts', '**/*.tsx'], ignores: ['tests/**', 'prisma/seed/**'], rules: { 'no-restricted-syntax': ['error', ...ROLE_CHECKS, ...WRITES] } },
  { files: WRITERS, rules: { 'no-restricted-syntax': ['error', ...ROLE_CHECKS] } },
  { files: ['lib/auth/policy.ts'], rules: { 'no-restricted-syntax': ['error', ...WRITES] } },
]);
