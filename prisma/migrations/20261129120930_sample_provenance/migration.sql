-- AlterTable
ALTER TABLE "Beneficiary" ADD COLUMN     "sourceId" INTEGER;

-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN     "sourceId" INTEGER;

-- AlterTable
ALTER TABLE "Accreditation" ADD COLUMN     "sourceId" INTEGER;

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "sourceId" INTEGER;

-- AlterTable
ALTER TABLE "ReportedStatistic" ADD COLUMN     "asOfText" TEXT;

-- AddForeignKey
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Accreditation" ADD CONSTRAINT "Accreditation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill on a database seeded before this migration: the rows the sample layer wrote (those no
-- one entered in the portal: no author, no assessor, no update, no audit row) point at its source.
UPDATE "Feedback" SET "sourceId" = s.id FROM "Source" s WHERE s.code = 'sample' AND "Feedback"."authorId" IS NULL;
UPDATE "Assessment" SET "sourceId" = s.id FROM "Source" s WHERE s.code = 'sample' AND "Assessment"."assessorId" IS NULL;
UPDATE "Beneficiary" SET "sourceId" = s.id FROM "Source" s WHERE s.code = 'sample' AND "Beneficiary"."updateId" IS NULL;
UPDATE "Accreditation" a SET "sourceId" = s.id FROM "Source" s WHERE s.code = 'sample'
  AND NOT EXISTS (SELECT 1 FROM "AuditLog" l WHERE l.entity = 'Accreditation' AND l."entityId" = a.id::text);
-- The source report gives no date for its figures: keep its own words beside the placeholder date.
UPDATE "ReportedStatistic" r SET "asOfText" = '行动首年' FROM "Source" s WHERE s.id = r."sourceId" AND s.code = 'zgzzrsb-first-year';
