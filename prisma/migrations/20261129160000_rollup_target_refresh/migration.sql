-- A change of the program's phases or targets no longer rebuilds every rollup (40 s at
-- ×100, past the statement timeout of an administrator's save): only the count of
-- villages above the income target depends on it, and only when the target the rollups
-- count against (the latest phase's) really changes. Renaming a phase or editing its
-- model-zone target changes nothing in the rollups.

-- The target the rollups' `above` counts were made with.
CREATE TABLE rollup.counted_target (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  target numeric NOT NULL
);
INSERT INTO rollup.counted_target (target) VALUES (rollup.income_target());

-- Recounts `above` from the incomes when the target has changed: one grouped pass over the
-- incomes, no rewrite of the other figures. Writers of incomes wait for it (table lock).
CREATE FUNCTION rollup.refresh_above() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t numeric := rollup.income_target();
BEGIN
  IF t = (SELECT target FROM rollup.counted_target) THEN
    RETURN;
  END IF;
  LOCK TABLE rollup.zone_year_income IN SHARE ROW EXCLUSIVE MODE;
  UPDATE rollup.zone_year_income r SET above = x.above
  FROM (SELECT v."zoneId" AS zone_id, vi.year, count(*) FILTER (WHERE vi.amount > t)::int AS above
        FROM "VillageIncome" vi JOIN "Village" v ON v.id = vi."villageId" GROUP BY 1, 2) x
  WHERE r.zone_id = x.zone_id AND r.year = x.year AND r.above <> x.above;
  UPDATE rollup.counted_target SET target = t;
END $$;

CREATE FUNCTION rollup.refresh_above_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup.refresh_above();
  RETURN NULL;
END $$;

DROP TRIGGER rollup_rebuild ON "ProgramTarget";
DROP TRIGGER rollup_rebuild ON "ProgramPhase";
CREATE TRIGGER rollup_refresh_above AFTER INSERT OR UPDATE OF value, metric, "phaseId" OR DELETE OR TRUNCATE ON "ProgramTarget"
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.refresh_above_trigger();
CREATE TRIGGER rollup_refresh_above AFTER UPDATE OF "startsOn" OR DELETE OR TRUNCATE ON "ProgramPhase"
  FOR EACH STATEMENT EXECUTE FUNCTION rollup.refresh_above_trigger();

-- A rebuild counts against today's target and records it.
CREATE OR REPLACE FUNCTION rollup.rebuild() RETURNS void LANGUAGE plpgsql AS $$
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
  UPDATE rollup.counted_target SET target = rollup.income_target();
END $$;
