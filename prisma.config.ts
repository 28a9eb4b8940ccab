import { defineConfig } from 'prisma/config';

// The CLI is used only for `prisma generate`; migrations run through the
// WebAssembly schema engine (lib/db/schema-engine.ts), so no URL is needed here.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
