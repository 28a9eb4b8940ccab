// `npm run db:seed -- --scale N`: N × Wuhan's size of synthetic program data,
// added to the sample seed, generated inside PostgreSQL (generate_series) in one
// transaction. Deterministic: every value is a hash of the row's index.
import pg from 'pg';

/** Wuhan's size (docs/program.md): zones, villages, SOEs, projects at N = 1. */
export const WUHAN = { zones: 314, villages: 2000, soes: 15, projects: 60, townships: 80 } as const;
const YEARS = [2021, 2022, 2023, 2024, 2025];
/** Monthly updates run to the last month the sample layer reports. */
const LAST_PERIOD = '2026-10-01';

export type ScaleCounts = Record<string, number>;

/** Each scale has its own database beside the portal's, so the sample data stays as it is. */
export const scaleDatabaseName = (n: number) => `portal_scale_${String(n).replace('.', '_')}`;

/** A deterministic number in [0, 1) for row `i` and stream `salt`. */
const rnd = (i: string, salt: number) => `((hashint8extended((${i})::bigint, ${salt}) & 1073741823)::float8 / 1073741824.0)`;
/** One of `values`, picked by hash. */
const pick = (i: string, salt: number, values: string[], type: string) =>
  `(ARRAY[${values.map((v) => `'${v}'`).join(',')}]::"${type}"[])[1 + floor(${rnd(i, salt)} * ${values.length})::int]`;

export function scaleSizes(n: number) {
  const size = (base: number) => Math.max(1, Math.round(base * n));
  return {
    zones: size(WUHAN.zones),
    villages: Math.max(2 * size(WUHAN.zones), size(WUHAN.villages)),
    soes: size(WUHAN.soes),
    projects: size(WUHAN.projects),
    townships: size(WUHAN.townships),
  };
}

export async function seedScale(url: string, n: number, log: (line: string) => void = () => {}): Promise<ScaleCounts> {
  const sizes = scaleSizes(n);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts: ScaleCounts = {};
  const run = async (table: string, sql: string, params: unknown[] = []) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    counts[table] = (counts[table] ?? 0) + (result.rowCount ?? 0);
    const ms = performance.now() - started;
    log(`  ${table}: ${result.rowCount} rows in ${Math.round(ms)} ms (${Math.round(((result.rowCount ?? 0) / ms) * 1000)} rows/s)`);
  };
  try {
    await client.query('BEGIN');
    const max = async (table: string) =>
      Number((await client.query(`SELECT coalesce(max(id), 0) AS m FROM "${table}"`)).rows[0].m);
    const districts = (await client.query('SELECT id FROM "District" ORDER BY id')).rows.map((r) => Number(r.id));
    if (districts.length === 0) throw new Error('The scale data is added to the seeded program: seed first.');
    // One client runs one query at a time.
    const ids: number[] = [];
    for (const table of ['Source', 'Township', 'Zone', 'Village', 'Soe', 'Project', 'Accreditation']) ids.push(await max(table));
    const [source, township, zone, village, soe, project, accreditation] = ids as [number, number, number, number, number, number, number];
    const sourceId = source + 1;
    await run('Source', `INSERT INTO "Source" (id, code, title, "isSample", note) VALUES ($1, $2, $3, true, $4)`, [
      sourceId,
      `SCALE-${n}`,
      `规模测试数据 ×${n}`,
      'Synthetic rows for load and performance tests (npm run db:seed -- --scale N).',
    ]);
    const D = districts.length;
    const districtOf = (k: string) => `(ARRAY[${districts.join(',')}])[1 + (${k}) % ${D}]`;
    const { townships: T, zones: Z, villages: V, soes: S, projects: P } = sizes;

    await run('Township', `
      INSERT INTO "Township" (id, "districtId", name, kind, "sourceId")
      SELECT ${township} + k, ${districtOf('k')}, '规模乡镇' || k, 'TOWN', ${sourceId} FROM generate_series(1, ${T}) k`);
    // Zone i sits in township 1 + i % T and that township's district; every 9th is a model zone.
    await run('Zone', `
      INSERT INTO "Zone" (id, name, "districtId", "townshipId", secretary, mechanisms, "accreditedAt", "sourceId", "updatedAt")
      SELECT ${zone} + i, '规模片区' || i, ${districtOf(`1 + i % ${T}`)}, ${township} + 1 + i % ${T}, '书记' || i,
        '{DELIBERATION,TASK_LIST,VISITS,EVALUATION}'::"Mechanism"[],
        CASE WHEN i % 9 = 0 THEN date '2021-06-01' + floor(${rnd('i', 1)} * 1900)::int END, ${sourceId}, now()
      FROM generate_series(1, ${Z}) i`);
    await run('Accreditation', `
      INSERT INTO "Accreditation" (id, "zoneId", status, "nominatedOn", "accreditedOn", "sourceId", "updatedAt")
      SELECT ${accreditation} + row_number() OVER (ORDER BY id), id, 'ACCREDITED', "accreditedAt" - 60, "accreditedAt", ${sourceId}, now()
      FROM "Zone" WHERE "sourceId" = ${sourceId} AND "accreditedAt" IS NOT NULL`);
    await run('Assessment', `
      INSERT INTO "Assessment" ("accreditationId", criterion, result, "assessedOn", "assessorName", "sourceId")
      SELECT a.id, c, 'PASS', a."accreditedOn" - 10, '组织部', ${sourceId}
      FROM "Accreditation" a JOIN "Zone" z ON z.id = a."zoneId" AND z."sourceId" = ${sourceId}
      CROSS JOIN unnest('{PARTY_BUILDING,DEVELOPMENT,SERVICES,GOVERNANCE}'::"Criterion"[]) c`);
    // Village j belongs to zone 1 + j % Z, so zone i's villages are i, i + Z, i + 2Z …
    await run('Village', `
      INSERT INTO "Village" (id, "zoneId", name, population, households, "sourceId", "updatedAt")
      SELECT ${village} + j, ${zone} + 1 + (j - 1) % ${Z}, '规模村' || j, p, p / 3, ${sourceId}, now()
      FROM generate_series(1, ${V}) j, LATERAL (SELECT 600 + floor(${rnd('j', 2)} * 3400)::int AS p) pop`);
    // Five years of income, growing 0–20 % a year from 100k–700k; 3 % of villages miss the last year.
    await run('VillageIncome', `
      INSERT INTO "VillageIncome" ("villageId", year, amount, "sourceId", "updatedAt")
      SELECT ${village} + j, y, round(((100000 + ${rnd('j', 3)} * 600000) * power(1 + ${rnd('j', 4)} * 0.2, y - 2021))::numeric, 2),
        ${sourceId}, make_date(y + 1, 1, 20)
      FROM generate_series(1, ${V}) j CROSS JOIN unnest(ARRAY[${YEARS.join(',')}]) y
      WHERE NOT (y = ${YEARS.at(-1)} AND j % 33 = 0)`);
    await run('Soe', `
      INSERT INTO "Soe" (id, name, "shortName", category, level, "liaisonLead", "sourceId", "updatedAt")
      SELECT ${soe} + k, '规模测试国企' || k, '规模' || k,
        ${pick('k', 5, ['AGRICULTURE', 'FINANCE', 'CONSTRUCTION', 'COMMERCE', 'CULTURE_TOURISM', 'INVESTMENT', 'LOGISTICS', 'UTILITIES', 'TRANSPORT'], 'SoeCategory')},
        'MUNICIPAL', '联络人' || k, ${sourceId}, now()
      FROM generate_series(1, ${S}) k`);
    // Zone i pairs with SOE 1 + i % S since 2021–2023; one pairing in 40 has ended.
    await run('Pairing', `
      INSERT INTO "Pairing" ("soeId", "zoneId", since, until, "sourceId")
      SELECT ${soe} + 1 + i % ${S}, ${zone} + i, date '2021-01-01' + floor(${rnd('i', 6)} * 900)::int,
        CASE WHEN i % 40 = 0 THEN date '2024-12-31' END, ${sourceId}
      FROM generate_series(1, ${Z}) i`);
    // Project k runs in zone z(k) with that zone's SOE; it starts on the 1st of a month in 2021–2025.
    const zoneIndex = `(1 + (k * 7919) % ${Z})`;
    await run('Project', `
      INSERT INTO "Project" (id, name, "soeId", "zoneId", mode, method, "outcomeArea", batch, status, "plannedInvestment", "startDate", "endDate", "sourceId", "createdAt", "updatedAt")
      SELECT ${project} + k, '规模项目' || k, ${soe} + 1 + zi % ${S}, ${zone} + zi,
        ${pick('k', 7, ['AGRI_FOR_AGRI', 'LOANS_FOR_INVESTORS', 'BUILD_FOR_FARMERS', 'COMMERCE_LINKS_FARMS'], 'CooperationMode')},
        ${pick('k', 8, ['DIRECT_INVESTMENT', 'INVESTMENT_ATTRACTION', 'SALES_DRIVEN', 'CREDIT_SUPPORT', 'RESOURCE_REVITALIZATION'], 'CooperationMethod')},
        ${pick('k', 9, ['PARTY_ORGANIZATION', 'INDUSTRY_BASE', 'FARMER_INCOME', 'PUBLIC_SERVICES', 'GOVERNANCE'], 'OutcomeArea')},
        'INDUSTRY',
        ${pick('k', 10, ['IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'COMPLETED', 'COMPLETED', 'PREPARING', 'PREPARING', 'SUSPENDED'], 'ProjectStatus')},
        round((1000000 + ${rnd('k', 11)} * 49000000)::numeric, -3), start, start + interval '36 months', ${sourceId}, start, now()
      FROM generate_series(1, ${P}) k,
        LATERAL (SELECT ${zoneIndex} AS zi, (date '2021-01-01' + make_interval(months => floor(${rnd('k', 12)} * 58)::int))::date AS start) x`);
    await run('ProjectVillage', `
      INSERT INTO "ProjectVillage" ("projectId", "villageId")
      SELECT ${project} + k, ${village} + zi + o * ${Z}
      FROM generate_series(1, ${P}) k, LATERAL (SELECT ${zoneIndex} AS zi) x, unnest(ARRAY[0, 1]) o`);
    // Monthly cumulative updates over 36 months of work, to the project's end or the last period.
    await run('ProjectUpdate', `
      INSERT INTO "ProjectUpdate" ("projectId", period, "progressPct", "investmentToDate", "jobsCreated", "incomeToVillages", confirmation, "sourceId", "updatedAt")
      SELECT p.id, m::date, least(100, round(100.0 * (e + 1) / 36))::int,
        round(p."plannedInvestment" * least(1, (e + 1) / 36.0), 2), (e + 1) * (1 + p.id % 3),
        round((e + 1) * (2000 + ${rnd('p.id', 13)} * 8000)::numeric, 2),
        CASE WHEN p.id % 17 = 0 AND e % 5 = 0 THEN 'DISPUTED'::"UpdateConfirmation" ELSE 'CONFIRMED'::"UpdateConfirmation" END,
        ${sourceId}, m
      FROM "Project" p,
        LATERAL generate_series(p."startDate", least(p."endDate" - interval '1 month', date '${LAST_PERIOD}'), interval '1 month') WITH ORDINALITY g(m, n),
        LATERAL (SELECT (n - 1)::int AS e) x
      WHERE p."sourceId" = ${sourceId} AND p.status <> 'PREPARING'`);
    await run('Beneficiary', `
      INSERT INTO "Beneficiary" ("projectId", "villageId", kind, people, households, "sourceId")
      SELECT pv."projectId", pv."villageId", 'FARMERS', 20 + floor(${rnd('pv."villageId"', 14)} * 300)::int, 10 + floor(${rnd('pv."villageId"', 15)} * 100)::int, ${sourceId}
      FROM "ProjectVillage" pv JOIN "Project" p ON p.id = pv."projectId" AND p."sourceId" = ${sourceId}`);
    // Explicit ids: move each sequence past them.
    for (const table of ['Source', 'Township', 'Zone', 'Village', 'Soe', 'Project', 'Accreditation']) {
      await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  const analyze = new pg.Client({ connectionString: url });
  await analyze.connect();
  await analyze.query('ANALYZE').finally(() => analyze.end());
  return counts;
}
