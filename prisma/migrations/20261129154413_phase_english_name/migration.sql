-- AlterTable
ALTER TABLE "ProgramPhase" ADD COLUMN     "nameEn" TEXT;

-- The first phase, as the phases migration named it, gets its English name.
UPDATE "ProgramPhase" SET "nameEn" = 'First five-year action (2021–2025)' WHERE "name" = '第一个五年行动（2021–2025）' AND "nameEn" IS NULL;
