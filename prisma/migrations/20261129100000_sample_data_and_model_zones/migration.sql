-- One word per idea: the synthetic layer is *sample* data; 示范片 are *model zones*.
-- Renamed in place (no column or value is dropped, so no record changes but its name).
ALTER TABLE "Source" RENAME COLUMN "isDemo" TO "isSample";
ALTER TYPE "ProgramMetric" RENAME VALUE 'DEMO_ZONES' TO 'MODEL_ZONES';
UPDATE "Source" SET "code" = 'sample', "title" = '示例数据（合成）',
  "note" = '为试用本门户而确定性生成的合成数据，不是事实，不得引用。'
WHERE "code" = 'demo';
-- PostgreSQL 18 names NOT NULL constraints after their column: rename it too (older servers have none).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'Source_isDemo_not_null') THEN
    ALTER TABLE "Source" RENAME CONSTRAINT "Source_isDemo_not_null" TO "Source_isSample_not_null";
  END IF;
END $$;
