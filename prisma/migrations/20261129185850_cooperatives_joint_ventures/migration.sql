-- CreateEnum
CREATE TYPE "JointVenturePartnerKind" AS ENUM ('SOE', 'ZONE_COMMITTEE', 'COOPERATIVE', 'VILLAGE');

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "cooperativeId" INTEGER,
ADD COLUMN     "jointVentureId" INTEGER;

-- CreateTable
CREATE TABLE "Cooperative" (
    "id" SERIAL NOT NULL,
    "zoneId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "foundedOn" DATE,
    "plan" TEXT,
    "sourceId" INTEGER,
    "sourceNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cooperative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CooperativeShare" (
    "id" SERIAL NOT NULL,
    "cooperativeId" INTEGER NOT NULL,
    "villageId" INTEGER NOT NULL,
    "landMu" DECIMAL(12,2),
    "amount" DECIMAL(16,2),
    "percent" DECIMAL(5,2),
    "asOf" DATE NOT NULL,
    "sourceId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CooperativeShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CooperativeDividend" (
    "id" SERIAL NOT NULL,
    "cooperativeId" INTEGER NOT NULL,
    "villageId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" DECIMAL(16,2) NOT NULL,
    "paidOn" DATE,
    "sourceId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CooperativeDividend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointVenture" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "registeredOn" DATE,
    "zoneId" INTEGER,
    "villageId" INTEGER,
    "description" TEXT,
    "sourceId" INTEGER,
    "sourceNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JointVenture_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointVenturePartner" (
    "id" SERIAL NOT NULL,
    "jointVentureId" INTEGER NOT NULL,
    "kind" "JointVenturePartnerKind" NOT NULL,
    "soeId" INTEGER,
    "zoneId" INTEGER,
    "cooperativeId" INTEGER,
    "villageId" INTEGER,
    "percent" DECIMAL(5,2),
    "sourceId" INTEGER,

    CONSTRAINT "JointVenturePartner_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cooperative_zoneId_key" ON "Cooperative"("zoneId");

-- CreateIndex
CREATE UNIQUE INDEX "CooperativeShare_villageId_key" ON "CooperativeShare"("villageId");

-- CreateIndex
CREATE INDEX "CooperativeShare_cooperativeId_idx" ON "CooperativeShare"("cooperativeId");

-- CreateIndex
CREATE INDEX "CooperativeDividend_cooperativeId_year_idx" ON "CooperativeDividend"("cooperativeId", "year");

-- CreateIndex
CREATE INDEX "CooperativeDividend_year_idx" ON "CooperativeDividend"("year");

-- CreateIndex
CREATE UNIQUE INDEX "CooperativeDividend_villageId_year_key" ON "CooperativeDividend"("villageId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "JointVenture_name_key" ON "JointVenture"("name");

-- CreateIndex
CREATE INDEX "JointVenture_zoneId_idx" ON "JointVenture"("zoneId");

-- CreateIndex
CREATE INDEX "JointVenturePartner_jointVentureId_idx" ON "JointVenturePartner"("jointVentureId");

-- CreateIndex
CREATE INDEX "JointVenturePartner_soeId_idx" ON "JointVenturePartner"("soeId");

-- CreateIndex
CREATE INDEX "Project_jointVentureId_idx" ON "Project"("jointVentureId");

-- CreateIndex
CREATE INDEX "Project_cooperativeId_idx" ON "Project"("cooperativeId");

-- AddForeignKey
ALTER TABLE "Cooperative" ADD CONSTRAINT "Cooperative_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cooperative" ADD CONSTRAINT "Cooperative_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperativeShare" ADD CONSTRAINT "CooperativeShare_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperativeShare" ADD CONSTRAINT "CooperativeShare_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperativeShare" ADD CONSTRAINT "CooperativeShare_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperativeDividend" ADD CONSTRAINT "CooperativeDividend_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperativeDividend" ADD CONSTRAINT "CooperativeDividend_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperativeDividend" ADD CONSTRAINT "CooperativeDividend_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointVenture" ADD CONSTRAINT "JointVenture_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointVenture" ADD CONSTRAINT "JointVenture_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointVenture" ADD CONSTRAINT "JointVenture_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointVenturePartner" ADD CONSTRAINT "JointVenturePartner_jointVentureId_fkey" FOREIGN KEY ("jointVentureId") REFERENCES "JointVenture"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointVenturePartner" ADD CONSTRAINT "JointVenturePartner_soeId_fkey" FOREIGN KEY ("soeId") REFERENCES "Soe"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointVenturePartner" ADD CONSTRAINT "JointVenturePartner_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointVenturePartner" ADD CONSTRAINT "JointVenturePartner_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointVenturePartner" ADD CONSTRAINT "JointVenturePartner_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointVenturePartner" ADD CONSTRAINT "JointVenturePartner_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_jointVentureId_fkey" FOREIGN KEY ("jointVentureId") REFERENCES "JointVenture"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: each joint venture a project named in free text becomes a record (its zone and provenance
-- from the first project naming it: the facts layer's source and note stay with it), with the
-- projects' SOEs and the zone's joint committee as partners (shares unknown), and the projects linked.
-- The text column stays, deprecated, until every reader uses "jointVentureId".
INSERT INTO "JointVenture" ("name", "zoneId", "sourceId", "sourceNote", "updatedAt")
SELECT DISTINCT ON (btrim(p."jointVenture")) btrim(p."jointVenture"), p."zoneId", p."sourceId", p."sourceNote", CURRENT_TIMESTAMP
FROM "Project" p
WHERE btrim(coalesce(p."jointVenture", '')) <> ''
ORDER BY btrim(p."jointVenture"), p.id;

UPDATE "Project" p SET "jointVentureId" = j.id
FROM "JointVenture" j WHERE j.name = btrim(p."jointVenture");

INSERT INTO "JointVenturePartner" ("jointVentureId", "kind", "soeId", "sourceId")
SELECT DISTINCT p."jointVentureId", 'SOE'::"JointVenturePartnerKind", p."soeId", j."sourceId"
FROM "Project" p JOIN "JointVenture" j ON j.id = p."jointVentureId";

INSERT INTO "JointVenturePartner" ("jointVentureId", "kind", "zoneId", "sourceId")
SELECT j.id, 'ZONE_COMMITTEE'::"JointVenturePartnerKind", j."zoneId", j."sourceId"
FROM "JointVenture" j WHERE j."zoneId" IS NOT NULL;
