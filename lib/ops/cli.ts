// npm run files:sweep | db:migrate | db:rollups | db:status | db:resolve -- --rolled-back|--applied <name> | db:migration -- <name> | db:seed [-- --force] [--scale N] | db:backup [-- file] | db:restore -- file
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { backup, restore } from './backup';
import { createDatabase, openDatabase } from './database';
import { configuredStore } from '../files/storage';
import { SetupError } from './errors';
import { sweepFiles } from './sweep';
import { createMigration, migrate, migrationStatus, resolveMigration, type MigrationState } from './migrate';
import { rebuildRollups } from './rollups';

async function main(command: string | undefined, args: string[]) {
  // Tools share the cluster of a portal that is running, rather than refusing.
  const db = await openDatabase({ attach: true });
  try {
    switch (command) {
      case 'migrate':
        await migrate(db.url, console.log);
        break;
      case 'status': {
        const states = await migrationStatus(db.url);
        for (const s of states) console.log(describeState(s));
        const pending = states.filter((s) => s.state === 'pending').length;
        const failed = states.filter((s) => s.state === 'failed').length;
        console.log(failed ? `${failed} failed: see above for how to resolve.` : pending ? `${pending} pending: \`npm run db:migrate\` (or npm start) applies them.` : 'Database schema is up to date.');
        break;
      }
      case 'resolve': {
        const as = args.includes('--rolled-back') ? 'rolled-back' : args.includes('--applied') ? 'applied' : null;
        const name = args.find((a) => !a.startsWith('-'));
        if (!as || !name) throw new SetupError('Usage: npm run db:resolve -- --rolled-back <migration> | --applied <migration>');
        await resolveMigration(db.url, name, as);
        console.log(as === 'rolled-back' ? `Marked ${name} rolled back: the next start applies it again.` : `Marked ${name} applied.`);
        break;
      }
      case 'migration': {
        const name = args.find((a) => !a.startsWith('-'));
        if (!name) throw new SetupError('Usage: npm run db:migration -- <name>');
        const folder = await createMigration(db.url, name);
        console.log(folder ? `Wrote ${folder}` : 'schema.prisma has no change since the last migration.');
        break;
      }
      case 'seed': {
        const scale = option(args, '--scale');
        if (scale !== undefined) {
          await seedScaleDatabase(db.url, scale, args.includes('--force'));
          break;
        }
        await migrate(db.url, console.log);
        const { seed } = await import('../../prisma/seed/seed');
        await seed(db.url, { force: args.includes('--force'), log: console.log });
        break;
      }
      case 'rollups': {
        const started = performance.now();
        const rows = await rebuildRollups(db.url);
        console.log(`Rebuilt the rollups from scratch (${Object.entries(rows).map(([t, n]) => `${n} ${t}`).join(', ')}) in ${Math.round(performance.now() - started)} ms.`);
        break;
      }
      case 'backup': {
        const file = args.find((a) => !a.startsWith('-')) ?? path.join('backups', `portal-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`);
        await mkdir(path.dirname(path.resolve(file)), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
          throw new SetupError(`Backup failed: cannot make the folder of ${file} (${error.code ?? error.message}); no backup was written to ${file}.`);
        });
        const started = performance.now();
        const counts = await backup(db.url, file);
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(`Backed up ${rows} rows of ${Object.keys(counts).length} tables to ${file} in ${Math.round(performance.now() - started)} ms.`);
        break;
      }
      case 'restore': {
        const file = args.find((a) => !a.startsWith('-'));
        if (!file) throw new SetupError('Usage: npm run db:restore -- <backup file>');
        await migrate(db.url, console.log);
        const counts = await restore(db.url, file);
        console.log(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows from ${file}.`);
        break;
      }
      case 'sweep': {
        // The Attachment table says which files have a record: the schema must be current.
        await migrate(db.url, console.log);
        const store = configuredStore();
        const { kept, removed } = await sweepFiles(db.url, store);
        console.log(`Evidence files (${store.kind}): removed ${removed.length} with no record, kept ${kept}.`);
        break;
      }
      default:
        throw new SetupError(`Unknown command "${command ?? ''}": use migrate, rollups, status, resolve, migration <name>, seed, backup [file], restore <file> or sweep.`);
    }
  } finally {
    await db.stop();
  }
}

function describeState(s: MigrationState) {
  switch (s.state) {
    case 'applied':
      return `applied   ${s.name} (${s.at.toISOString()})${s.edited ? ' — migration.sql was edited after it was applied' : ''}`;
    case 'pending':
      return `pending   ${s.name}`;
    case 'failed':
      return `FAILED    ${s.name}: ${(s.logs ?? 'no log').split('\n')[0]}\n          fix its cause, then npm run db:resolve -- --rolled-back ${s.name} (or --applied if you applied it by hand)`;
    case 'missing':
      return `unknown   ${s.name}: recorded in the database, but not in prisma/migrations (a newer version of the portal?)`;
  }
}

function option(args: string[], name: string) {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (!value) throw new SetupError(`${name} needs a value.`);
  return value;
}

/** N × Wuhan's size in its own database (portal_scale_N) beside the portal's, so sample data stays as it is. */
async function seedScaleDatabase(url: string, value: string, force: boolean) {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1000) throw new SetupError(`--scale ${value}: expected a number from 0.01 to 1000.`);
  const { scaleDatabaseName, seedScale, scaleSizes } = await import('../../prisma/seed/scale');
  const name = scaleDatabaseName(n);
  const target = await createDatabase(url, name);
  await migrate(target, console.log);
  const { seed } = await import('../../prisma/seed/seed');
  const { seeded } = await seed(target, { force, log: console.log });
  if (!seeded) throw new SetupError(`Database ${name} already has data: add --force to rebuild it.`);
  console.log(`Scale ×${n}: ${JSON.stringify(scaleSizes(n))}`);
  const started = performance.now();
  const counts = await seedScale(target, n, console.log);
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`Scale ×${n}: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s), ANALYZE included.`);
  console.log(process.env.DATABASE_URL ? `Serve it with DATABASE_URL=${target.replace(/:[^:@/]*@/, ':***@')}` : `Serve it with: PORTAL_DATABASE=${name} npm start`);
}

main(process.argv[2], process.argv.slice(3)).then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof SetupError ? error.message : error);
    process.exit(1);
  },
);
