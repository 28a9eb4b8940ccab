// npm run db:migrate | db:migration -- <name> | db:seed [-- --force]
import { openDatabase } from './database';
import { SetupError } from './errors';
import { createMigration, migrate } from './migrate';

async function main(command: string | undefined, args: string[]) {
  const db = await openDatabase();
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
      default:
        throw new SetupError(`Unknown command "${command ?? ''}": use migrate, migration <name> or seed.`);
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
