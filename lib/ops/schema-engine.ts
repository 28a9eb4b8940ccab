import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { DiffTarget, SchemaEngine } from '@prisma/schema-engine-wasm';
import { SetupError } from './errors';

// Prisma's own schema engine, compiled to WebAssembly (the native one is a
// download the CLI cannot make offline), used to diff schemas into migration
// SQL. Applying migrations is lib/ops/migrate.ts's job: the engine would send
// them through the driver adapter, which splits SQL on every `;`.

let glueReady: Promise<void> | undefined;
let lastPanic: string | undefined;

function loadWasm() {
  glueReady ??= (async () => {
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => (lastPanic = message),
    };
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return glueReady;
}

const noFilters = { externalTables: [], externalEnums: [] };

async function withEngine<T>(url: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  // Our own pool, so that the engine's connections (and its advisory lock) end with it.
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const engine = await glue.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
  try {
    return await run(engine);
  } catch (error) {
    throw engineError(error);
  } finally {
    engine.free();
    await pool.end();
  }
}

function engineError(error: unknown) {
  const message = (error as { message?: string })?.message ?? lastPanic ?? String(error);
  return new SetupError(`Prisma schema engine: ${message.split('\n')[0]}`);
}

/** The SQL script that takes a database from one schema state to another. */
export async function diffScript(url: string, from: DiffTarget, to: DiffTarget): Promise<string> {
  return withEngine(url, async (engine) => {
    const result = await engine.diff({ from, to, script: true, exitCode: null, filters: noFilters });
    return result.stdout ?? '';
  });
}

export async function schemaTarget(schemaFile: string): Promise<DiffTarget> {
  return { tag: 'schemaDatamodel', files: [{ path: schemaFile, content: await readFile(schemaFile, 'utf8') }] };
}
