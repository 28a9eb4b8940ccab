-- The program's phases: targets belong to a phase and are due at its end.

-- CreateTable
CREATE TABLE "ProgramPhase" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "sourceId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProgramPhase_pkey" PRIMARY KEY ("id")
);

-- The targets already kept become the first phase's: the five-year action 2021–2025
-- (docs/program.md), due on their deadline, from their source.
INSERT INTO "ProgramPhase" ("name", "startsOn", "endsOn", "sourceId")
SELECT '第一个五年行动（2021–2025）', DATE '2021-01-01', max("deadline"), min("sourceId")
FROM "ProgramTarget"
HAVING count(*) > 0;

-- AlterTable
ALTER TABLE "ProgramTarget" ADD COLUMN "phaseId" INTEGER;
UPDATE "ProgramTarget" SET "phaseId" = (SELECT min("id") FROM "ProgramPhase");
ALTER TABLE "ProgramTarget" ALTER COLUMN "phaseId" SET NOT NULL;

-- DropIndex
DROP INDEX "ProgramTarget_metric_key";

ALTER TABLE "ProgramTarget" DROP COLUMN "deadline";

-- CreateIndex
CREATE UNIQUE INDEX "ProgramPhase_name_key" ON "ProgramPhase"("name");

-- CreateIndex
CREATE INDEX "ProgramPhase_startsOn_idx" ON "ProgramPhase"("startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramTarget_phaseId_metric_key" ON "ProgramTarget"("phaseId", "metric");

-- AddForeignKey
ALTER TABLE "ProgramPhase" ADD CONSTRAINT "ProgramPhase_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramTarget" ADD CONSTRAINT "ProgramTarget_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "ProgramPhase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
