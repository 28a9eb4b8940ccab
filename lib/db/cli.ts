// npm run db:migrate | db:migration -- <name> | db:seed [-- --force] | db:backup [-- file] | db:restore -- file
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { backup, restore } from './backup';
import { openDatabase } from './database';
import { SetupError } from './errors';
import { createMigration, migrate } from './migrate';

async function main(command: string | undefined, args: string[]) {
  // Tools share the cluster of a portal that is running, rather than refusing.
  const db = await openDatabase({ attach: true });
  try {
    switch (command) {
      case 'migrate':
        await migrate(db.url, console.log);
        break;
      case 'migration': {
        const name = args.find((a) => !a.startsWith('-'));
        if (!name) throw new SetupError('Usage: npm run db:migration -- <name>');
        const folder = await createMigration(db.url, name);
        console.log(folder ? `Wrote ${folder}` : 'schema.prisma has no change since the last migration.');
        break;
      }
      case 'seed': {
        await migrate(db.url, console.log);
        const { seed } = await import('../../prisma/seed/seed');
        await seed(db.url, { force: args.includes('--force'), log: console.log });
        break;
      }
      case 'backup': {
        const file = args.find((a) => !a.startsWith('-')) ?? path.join('backups', `portal-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`);
        await mkdir(path.dirname(path.resolve(file)), { recursive: true });
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
      default:
        throw new SetupError(`Unknown command "${command ?? ''}": use migrate, migration <name>, seed, backup [file] or restore <file>.`);
    }
  } finally {
    await db.stop();
  }
}

main(process.argv[2], process.argv.slice(3)).then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof SetupError ? error.message : error);
    process.exit(1);
  },
);
