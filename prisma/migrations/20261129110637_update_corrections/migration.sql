-- CreateEnum
CREATE TYPE "UpdateEventKind" AS ENUM ('POSTED', 'REVISED', 'DISPUTED', 'ANSWERED', 'RETURNED', 'CONFIRMED', 'DISPUTE_UPHELD', 'DISPUTE_REJECTED', 'REOPENED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "UpdateConfirmation" ADD VALUE 'RETURNED';
ALTER TYPE "UpdateConfirmation" ADD VALUE 'EXCLUDED';

-- AlterTable
ALTER TABLE "ProjectUpdate" ADD COLUMN     "answer" TEXT,
ADD COLUMN     "returnReason" TEXT;

-- CreateTable
CREATE TABLE "UpdateEvent" (
    "id" SERIAL NOT NULL,
    "updateId" INTEGER NOT NULL,
    "kind" "UpdateEventKind" NOT NULL,
    "reason" TEXT,
    "figures" JSONB,
    "actorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UpdateEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UpdateEvent_updateId_id_idx" ON "UpdateEvent"("updateId", "id");

-- AddForeignKey
ALTER TABLE "UpdateEvent" ADD CONSTRAINT "UpdateEvent_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "ProjectUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateEvent" ADD CONSTRAINT "UpdateEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: every existing update's history starts with its posting, and its village's decision when it has one.
INSERT INTO "UpdateEvent" ("updateId", "kind", "actorId", "createdAt")
  SELECT id, 'POSTED', "authorId", "createdAt" FROM "ProjectUpdate";
INSERT INTO "UpdateEvent" ("updateId", "kind", "reason", "actorId", "createdAt")
  SELECT id, (confirmation::text)::"UpdateEventKind", "disputeReason", "confirmedById", "updatedAt"
  FROM "ProjectUpdate" WHERE confirmation::text IN ('CONFIRMED', 'DISPUTED');
