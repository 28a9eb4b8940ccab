-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "IncomeCorrection" (
    "id" SERIAL NOT NULL,
    "incomeId" INTEGER NOT NULL,
    "before" DECIMAL(16,2) NOT NULL,
    "after" DECIMAL(16,2) NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncomeCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IncomeCorrection_incomeId_id_idx" ON "IncomeCorrection"("incomeId", "id");

-- AddForeignKey
ALTER TABLE "IncomeCorrection" ADD CONSTRAINT "IncomeCorrection_incomeId_fkey" FOREIGN KEY ("incomeId") REFERENCES "VillageIncome"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncomeCorrection" ADD CONSTRAINT "IncomeCorrection_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
