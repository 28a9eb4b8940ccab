-- Rollups (issue 20): aggregates the dashboard reads instead of the million
-- income rows, kept current by triggers in the same transaction as each write,
-- so that the portal, imports, the CLI and psql all keep them right. They live
-- in their own schema: derived data, outside schema.prisma, the catalog the
-- migrations test compares and the backup (a restore rebuilds them through the
-- same triggers). `npm run db:rollups` (rollup.rebuild()) recomputes them from scratch.
--
-- Concurrency: sums move by deltas (INSERT … ON CONFLICT DO UPDATE SET x = x + delta,
-- keys in order), so two transactions touching one row queue on its row lock and
-- neither update is lost. Figures recomputed from the base rows (a project's latest
-- update, a village's income jumps, a zone-year's newest income time after a delete)
-- are taken under a transaction-level advisory lock on that project or village, in a
-- statement that starts after the lock is held, so it sees every earlier commit.

CREATE SCHEMA rollup;

-- Per zone and year: the incomes reported (villages), their sum, how many are above
-- the income target, how many come from a sample source, the 11 bands of 100,000
-- yuan (the last open-ended) and the newest updatedAt. Per-year, per-district and
-- citywide figures over any set of zones (paired today, paired in that year) sum these.
CREATE TABLE rollup.zone_year_income (
  zone_id int NOT NULL,
  year int NOT NULL,
  villages int NOT NULL,
  total numeric(20, 2) NOT NULL,
  above int NOT NULL,
  sample int NOT NULL,
  bands int[] NOT NULL,
  last_updated timestamp(3),
  PRIMARY KEY (zone_id, year)
);
CREATE INDEX ON rollup.zone_year_income (year);

-- Villages per zone (the N of "n of N villages reporting").
CREATE TABLE rollup.zone_villages (
  zone_id int PRIMARY KEY,
  villages int NOT NULL
);

-- Per project: its newest update of any state (staleness), the number of disputed
-- updates, and the latest counted update (confirmed or awaiting confirmation:
-- the counting rule, lib/dashboard/queries.ts) with its cumulative figures.
CREATE TABLE rollup.project_latest (
  project_id int PRIMARY KEY,
  last_period date,
  disputed int NOT NULL,
  counted_period date,
  investment numeric(16, 2),
  jobs int,
  income numeric(16, 2)
);

-- Village-years whose income moved more than INCOME_JUMP_FACTOR times from the year before.
CREATE TABLE rollup.income_jump (
  village_id int NOT NULL,
  year int NOT NULL,
  PRIMARY KEY (village_id, year)
);

-- The rules these rollups apply, in SQL; tests/integration/rollups.test.ts checks they equal lib/metrics/quality.ts and the dashboard's target.
-- With phases, each phase has its own target: the rollups count against the latest phase's (the one the
-- dashboard shows from its start on); the dashboard counts from the incomes when it asks about another.
CREATE FUNCTION rollup.income_target() RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT t.value FROM "ProgramTarget" t JOIN "ProgramPhase" ph ON ph.id = t."phaseId"
    WHERE t.metric = 'AVG_VILLAGE_INCOME' ORDER BY ph."startsOn" DESC, ph.id DESC LIMIT 1), 500000)
$$;
CREATE FUNCTION rollup.income_jump_factor() RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT 5::numeric $$;
CREATE FUNCTION rollup.band(amount numeric) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT least(floor(amount / 100000), 10)::int $$;
-- Elementwise sum of two band vectors.
CREATE FUNCTION rollup.add_bands(a int[], b int[]) RETURNS int[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_agg(x + y ORDER BY i) FROM unnest(a, b) WITH ORDINALITY u(x, y, i)
$$;

-- Serializes the recomputation of the given projects or villages: a transaction-level
-- advisory lock on each (class 1: projects, 2: villages), or, for more than 500 (an
-- import, a rebuild), a lock on the whole rollup table, which the others' writes to it wait for.
CREATE FUNCTION rollup.lock_keys(class int, ids int[], whole regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) > 500 THEN
    EXECUTE format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', whole);
  ELSE
    PERFORM pg_advisory_xact_lock(class, id) FROM (SELECT DISTINCT id FROM unnest(ids) id ORDER BY id) k;
  END IF;
END $$;

CREATE TYPE rollup.income_row AS (zone_id int, village_id int, year int, amount numeric, updated_at timestamp(3), source_id int);

-- Adds the `added` incomes to the rollups and takes the `removed` ones away: the one
-- place that says what an income counts for (the rebuild adds every income to nothing).
CREATE FUNCTION rollup.apply_incomes(added rollup.income_row[], removed rollup.income_row[], with_jumps boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  target numeric := rollup.income_target();
  changed_villages int[];
BEGIN
  WITH changed AS (
    SELECT a.*, 1 AS sign FROM unnest(added) a
    UNION ALL
    SELECT r.*, -1 FROM unnest(removed) r
  ), rows AS (
    SELECT c.zone_id, c.year, c.sign, c.amount, c.updated_at, rollup.band(c.amount) AS band, coalesce(s."isSample", false) AS sample
    FROM changed c LEFT JOIN "Source" s ON s.id = c.source_id
  ), by_band AS (
    SELECT zone_id, year, band, sum(sign)::int AS villages, sum(sign * amount) AS total,
      coalesce(sum(sign) FILTER (WHERE amount > target), 0)::int AS above,
      coalesce(sum(sign) FILTER (WHERE sample), 0)::int AS sample,
      max(updated_at) FILTER (WHERE sign > 0) AS newest
    FROM rows GROUP BY zone_id, year, band
  ), delta AS (
    SELECT zone_id, year, sum(villages)::int AS villages, sum(total) AS total, sum(above)::int AS above, sum(sample)::int AS sample,
      ARRAY[coalesce(sum(villages) FILTER (WHERE band = 0), 0)::int,
        coalesce(sum(villages) FILTER (WHERE band = 1), 0)::int,
        coalesce(sum(villages) FILTER (WHERE band = 2), 0)::int,
        coalesce(sum(villages) FILTER (WHERE band = 3), 0)::int,
        coalesce(sum(villages) FILTER (WHERE band = 4), 0)::int,
        coalesce(sum(villages) FILTER (WHERE band = 5), 0)::int,
        coalesce(sum(villages) FILTER (WHERE band = 6), 0)::int,
        coalesce(sum(villages) FILTER (WHERE band = 7), 0)::int,
        coalesce(sum(villages) FILTER (WHERE band = 8), 0)::int,
        coalesce(sum(villages) FILTER (WHERE band = 9), 0)::int,
        coalesce(sum(villages) FILTER (WHERE band = 10), 0)::int] AS bands,
      max(newest) AS newest
    FROM by_band GROUP BY zone_id, year
  )
  INSERT INTO rollup.zone_year_income AS t (zone_id, year, villages, total, above, sample, bands, last_updated)
  SELECT zone_id, year, villages, total, above, sample, bands, newest FROM delta ORDER BY zone_id, year
  ON CONFLICT (zone_id, year) DO UPDATE SET
    villages = t.villages + excluded.villages, total = t.total + excluded.total, above = t.above + excluded.above,
    sample = t.sample + excluded.sample, bands = rollup.add_bands(t.bands, excluded.bands),
    last_updated = greatest(t.last_updated, excluded.last_updated);

  IF cardinality(removed) > 0 THEN
    -- A removed income may have been the newest of its zone-year: find the newest again (this transaction holds the row's lock).
    UPDATE rollup.zone_year_income t SET last_updated = (
      SELECT max(vi."updatedAt") FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId"
      WHERE v."zoneId" = t.zone_id AND vi.year = t.year)
    FROM (SELECT r.zone_id, r.year, max(r.updated_at) AS newest FROM unnest(removed) r GROUP BY 1, 2) k
    WHERE t.zone_id = k.zone_id AND t.year = k.year AND k.newest >= t.last_updated;
    DELETE FROM rollup.zone_year_income t USING (SELECT DISTINCT r.zone_id, r.year FROM unnest(removed) r) k
    WHERE t.zone_id = k.zone_id AND t.year = k.year AND t.villages = 0;
  END IF;

  -- Income jumps of the changed villages (a rebuild refreshes them all at once; a village's move changes none).
  IF with_jumps THEN
    changed_villages := ARRAY(SELECT village_id FROM unnest(added) UNION SELECT village_id FROM unnest(removed));
    PERFORM rollup.lock_keys(2, changed_villages, 'rollup.income_jump');
    PERFORM rollup.refresh_income_jumps(changed_villages);
  END IF;
END $$;

-- The income-jump rule (lib/metrics/quality.ts): the year's income more than `factor` times the year before's, or less than a `factor`th of it.
CREATE FUNCTION rollup.is_jump(previous numeric, current numeric) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT previous > 0 AND (current > previous * rollup.income_jump_factor() OR current * rollup.income_jump_factor() < previous)
$$;

-- Re-evaluates the income jumps of the given villages (all villages when null).
CREATE FUNCTION rollup.refresh_income_jumps(villages int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF villages IS NULL THEN
    DELETE FROM rollup.income_jump;
    INSERT INTO rollup.income_jump (village_id, year)
    SELECT cur."villageId", cur.year FROM "VillageIncome" cur
    JOIN "VillageIncome" prev ON prev."villageId" = cur."villageId" AND prev.year = cur.year - 1
    WHERE rollup.is_jump(prev.amount, cur.amount);
  ELSE
    DELETE FROM rollup.income_jump WHERE village_id = ANY (villages);
    INSERT INTO rollup.income_jump (village_id, year)
    SELECT cur."villageId", cur.year FROM "VillageIncome" cur
    JOIN "VillageIncome" prev ON prev."villageId" = cur."villageId" AND prev.year = cur.year - 1
    -- Both sides by the villages (the planner would otherwise read every income for the year before).
    WHERE cur."villageId" = ANY (villages) AND prev."villageId" = ANY (villages) AND rollup.is_jump(prev.amount, cur.amount);
  END IF;
END $$;

-- Each changed income with its village's zone, looked up by key row by row (a join would
-- make the planner read all the villages for a few thousand incomes).
CREATE FUNCTION rollup.village_income_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rollup.apply_incomes(ARRAY(
      SELECT ROW((SELECT "zoneId" FROM "Village" WHERE id = n."villageId"), n."villageId", n.year, n.amount, n."updatedAt", n."sourceId")::rollup.income_row FROM new_rows n), '{}');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rollup.apply_incomes('{}', ARRAY(
      SELECT ROW((SELECT "zoneId" FROM "Village" WHERE id = o."villageId"), o."villageId", o.year, o.amount, o."updatedAt", o."sourceId")::rollup.income_row FROM old_rows o));
  ELSE
    -- Only rows whose counted columns changed (a version bump alone moves nothing).
    PERFORM rollup.apply_incomes(
      ARRAY(SELECT ROW((SELECT "zoneId" FROM "Village" WHERE id = n."villageId"), n."villageId", n.year, n.amount, n."updatedAt", n."sourceId")::rollup.income_row
            FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n."villageId", n.year, n.amount, n."updatedAt", n."sourceId") IS DISTINCT FROM (o."villageId", o.year, o.amount, o."updatedAt", o."sourceId")),
      ARRAY(SELECT ROW((SELECT "zoneId" FROM "Village" WHERE id = o."villageId"), o."villageId", o.year, o.amount, o."updatedAt", o."sourceId")::rollup.income_row
            FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n."villageId", n.year, n.amount, n."updatedAt", n."sourceId") IS DISTINCT FROM (o."villageId", o.year, o.amount, o."updatedAt", o."sourceId")));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER rollup_insert AFTER INSERT ON "VillageIncome" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.village_income_changed();
CREATE TRIGGER rollup_update AFTER UPDATE ON "VillageIncome" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.village_income_changed();
CREATE TRIGGER rollup_delete AFTER DELETE ON "VillageIncome" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.village_income_changed();

-- Villages: the count per zone; a village moved to another zone takes its incomes along.
CREATE FUNCTION rollup.village_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rollup.zone_villages AS t (zone_id, villages)
    SELECT "zoneId", count(*) FROM new_rows GROUP BY 1 ORDER BY 1
    ON CONFLICT (zone_id) DO UPDATE SET villages = t.villages + excluded.villages;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO rollup.zone_villages AS t (zone_id, villages)
    SELECT "zoneId", -count(*) FROM old_rows GROUP BY 1 ORDER BY 1
    ON CONFLICT (zone_id) DO UPDATE SET villages = t.villages + excluded.villages;
    DELETE FROM rollup.zone_villages WHERE villages = 0 AND zone_id IN (SELECT "zoneId" FROM old_rows);
  ELSIF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n."zoneId" <> o."zoneId") THEN
    INSERT INTO rollup.zone_villages AS t (zone_id, villages)
    SELECT zone_id, sum(d)::int FROM (
      SELECT n."zoneId" AS zone_id, 1 AS d FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n."zoneId" <> o."zoneId"
      UNION ALL
      SELECT o."zoneId", -1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n."zoneId" <> o."zoneId") x
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (zone_id) DO UPDATE SET villages = t.villages + excluded.villages;
    DELETE FROM rollup.zone_villages WHERE villages = 0;
    PERFORM rollup.apply_incomes(
      ARRAY(SELECT ROW(n."zoneId", vi."villageId", vi.year, vi.amount, vi."updatedAt", vi."sourceId")::rollup.income_row
            FROM new_rows n JOIN old_rows o ON o.id = n.id AND n."zoneId" <> o."zoneId" JOIN "VillageIncome" vi ON vi."villageId" = n.id),
      ARRAY(SELECT ROW(o."zoneId", vi."villageId", vi.year, vi.amount, vi."updatedAt", vi."sourceId")::rollup.income_row
            FROM new_rows n JOIN old_rows o ON o.id = n.id AND n."zoneId" <> o."zoneId" JOIN "VillageIncome" vi ON vi."villageId" = n.id), false);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER rollup_insert AFTER INSERT ON "Village" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.village_changed();
CREATE TRIGGER rollup_update AFTER UPDATE ON "Village" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.village_changed();
CREATE TRIGGER rollup_delete AFTER DELETE ON "Village" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.village_changed();

-- Projects: recomputed from their own updates (a few dozen rows each), under the project's lock.
CREATE FUNCTION rollup.refresh_projects(ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup.lock_keys(1, ids, 'rollup.project_latest');
  DELETE FROM rollup.project_latest WHERE project_id = ANY (ids);
  INSERT INTO rollup.project_latest (project_id, last_period, disputed, counted_period, investment, jobs, income)
  SELECT a."projectId", a.last_period, a.disputed, c.period, c."investmentToDate", c."jobsCreated", c."incomeToVillages"
  FROM (SELECT "projectId", max(period) AS last_period, count(*) FILTER (WHERE confirmation = 'DISPUTED')::int AS disputed
        FROM "ProjectUpdate" WHERE "projectId" = ANY (ids) GROUP BY 1) a
  LEFT JOIN LATERAL (
    SELECT period, "investmentToDate", "jobsCreated", "incomeToVillages" FROM "ProjectUpdate" u
    WHERE u."projectId" = a."projectId" AND u.confirmation NOT IN ('DISPUTED', 'EXCLUDED') ORDER BY period DESC LIMIT 1) c ON true
  ORDER BY 1;
END $$;

CREATE FUNCTION rollup.project_update_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rollup.refresh_projects(ARRAY(SELECT DISTINCT "projectId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rollup.refresh_projects(ARRAY(SELECT DISTINCT "projectId" FROM old_rows));
  ELSE
    PERFORM rollup.refresh_projects(ARRAY(
      SELECT n."projectId" FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n."projectId", n.period, n.confirmation, n."investmentToDate", n."jobsCreated", n."incomeToVillages")
        IS DISTINCT FROM (o."projectId", o.period, o.confirmation, o."investmentToDate", o."jobsCreated", o."incomeToVillages")
      UNION SELECT o."projectId" FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n."projectId" <> o."projectId"));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER rollup_insert AFTER INSERT ON "ProjectUpdate" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.project_update_changed();
CREATE TRIGGER rollup_update AFTER UPDATE ON "ProjectUpdate" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.project_update_changed();
CREATE TRIGGER rollup_delete AFTER DELETE ON "ProjectUpdate" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.project_update_changed();

-- Everything from scratch, by the same functions the triggers use: every village, income
-- and project added to empty rollups. Writers wait for it (their changes then apply to the
-- rebuilt rows); readers do not. Also run when the income target or a source's sample mark changes.
CREATE FUNCTION rollup.rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE rollup.zone_year_income, rollup.zone_villages, rollup.project_latest, rollup.income_jump IN EXCLUSIVE MODE;
  DELETE FROM rollup.zone_year_income;
  DELETE FROM rollup.zone_villages;
  DELETE FROM rollup.project_latest;
  INSERT INTO rollup.zone_villages (zone_id, villages) SELECT "zoneId", count(*) FROM "Village" GROUP BY 1;
  PERFORM rollup.apply_incomes(ARRAY(
    SELECT ROW(v."zoneId", vi."villageId", vi.year, vi.amount, vi."updatedAt", vi."sourceId")::rollup.income_row
    FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId"), '{}', false);
  PERFORM rollup.refresh_income_jumps(NULL);
  PERFORM rollup.refresh_projects(ARRAY(SELECT DISTINCT "projectId" FROM "ProjectUpdate"));
END $$;

CREATE FUNCTION rollup.rebuild_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup.rebuild();
  RETURN NULL;
END $$;
-- Rare writes that change what every income counts as: rebuild.
CREATE TRIGGER rollup_rebuild AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProgramTarget"
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.rebuild_trigger();
CREATE TRIGGER rollup_rebuild AFTER UPDATE OF "startsOn" OR DELETE OR TRUNCATE ON "ProgramPhase"
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.rebuild_trigger();
CREATE TRIGGER rollup_rebuild AFTER UPDATE OF "isSample" ON "Source"
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.rebuild_trigger();
-- TRUNCATE fires no delete triggers (the seed's --force truncates everything).
CREATE TRIGGER rollup_truncate AFTER TRUNCATE ON "Village" FOR EACH STATEMENT EXECUTE FUNCTION rollup.rebuild_trigger();
CREATE TRIGGER rollup_truncate AFTER TRUNCATE ON "VillageIncome" FOR EACH STATEMENT EXECUTE FUNCTION rollup.rebuild_trigger();
CREATE TRIGGER rollup_truncate AFTER TRUNCATE ON "ProjectUpdate" FOR EACH STATEMENT EXECUTE FUNCTION rollup.rebuild_trigger();

SELECT rollup.rebuild();
