import pg from 'pg';

// The dashboard's rollups (schema `rollup`, migration 20261129140000_rollups) are
// kept by triggers in each write's transaction. `npm run db:rollups` recomputes
// them from scratch: after restoring data written with the triggers disabled, or
// to check them (tests/integration/rollups.test.ts proves rebuild = incremental).

export const ROLLUP_TABLES = ['zone_year_income', 'zone_villages', 'project_latest', 'income_jump'] as const;

/** Rebuilds every rollup in one transaction (writers wait; readers see the old rows until it commits); returns their row counts. */
export async function rebuildRollups(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT rollup.rebuild()');
    const rows: Record<string, number> = {};
    for (const table of ROLLUP_TABLES) rows[table] = Number((await client.query(`SELECT count(*) AS n FROM rollup.${table}`)).rows[0].n);
    await client.query('COMMIT');
    return rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
