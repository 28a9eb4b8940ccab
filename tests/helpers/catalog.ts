import pg from 'pg';

// Everything PostgreSQL knows about the public schema that a migration can
// change, as sorted text, so two databases can be compared line by line.
const CATALOG_QUERIES = [
  `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' '
          || coalesce(character_maximum_length::text, '') || ' ' || coalesce(numeric_precision::text, '') || ','
          || coalesce(numeric_scale::text, '') || ' null=' || is_nullable || ' default=' || coalesce(column_default, '')
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  `SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
     FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`,
  `SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  `SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`,
];

export async function catalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines: string[] = [];
    for (const sql of CATALOG_QUERIES) {
      const { rows } = await client.query<{ '?column?': string }>(sql);
      lines.push(...rows.map((r) => Object.values(r)[0] as string));
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}
