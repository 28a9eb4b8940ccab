-- CreateTable
CREATE TABLE "PairingCommitment" (
    "id" SERIAL NOT NULL,
    "pairingId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "investment" DECIMAL(16,2),
    "projects" INTEGER,
    "jobs" INTEGER,
    "purchases" DECIMAL(16,2),
    "trainingSessions" INTEGER,
    "staffStationed" INTEGER,
    "purchasesDone" DECIMAL(16,2),
    "trainingDone" INTEGER,
    "staffDone" INTEGER,
    "sourceId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairingCommitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentWeights" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "delivery" INTEGER NOT NULL,
    "accreditation" INTEGER NOT NULL,
    "income" INTEGER NOT NULL,
    "feedback" INTEGER NOT NULL,
    "timeliness" INTEGER NOT NULL,
    "disputes" INTEGER NOT NULL,
    "sourceId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentWeights_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PairingCommitment_year_idx" ON "PairingCommitment"("year");

-- CreateIndex
CREATE UNIQUE INDEX "PairingCommitment_pairingId_year_key" ON "PairingCommitment"("pairingId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentWeights_year_key" ON "AssessmentWeights"("year");

-- AddForeignKey
ALTER TABLE "PairingCommitment" ADD CONSTRAINT "PairingCommitment_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingCommitment" ADD CONSTRAINT "PairingCommitment_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentWeights" ADD CONSTRAINT "AssessmentWeights_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
