import { defineConfig } from 'prisma/config';

// The CLI is used only for `prisma generate`; migrations are applied by
// lib/ops/migrate.ts and written with the WebAssembly schema engine, so no URL is needed here.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
