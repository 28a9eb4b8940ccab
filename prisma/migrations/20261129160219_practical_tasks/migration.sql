-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE');

-- CreateTable
CREATE TABLE "PracticalTask" (
    "id" SERIAL NOT NULL,
    "zoneId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "forWhom" TEXT NOT NULL,
    "responsible" TEXT NOT NULL,
    "soeId" INTEGER,
    "dueOn" DATE NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'PLANNED',
    "evidence" TEXT,
    "sourceId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PracticalTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PracticalTask_zoneId_idx" ON "PracticalTask"("zoneId");

-- CreateIndex
CREATE INDEX "PracticalTask_soeId_status_dueOn_idx" ON "PracticalTask"("soeId", "status", "dueOn");

-- AddForeignKey
ALTER TABLE "PracticalTask" ADD CONSTRAINT "PracticalTask_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticalTask" ADD CONSTRAINT "PracticalTask_soeId_fkey" FOREIGN KEY ("soeId") REFERENCES "Soe"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticalTask" ADD CONSTRAINT "PracticalTask_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
