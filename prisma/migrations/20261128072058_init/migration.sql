-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ORG_ADMIN', 'ORG_VIEWER', 'SOE_LIAISON', 'VILLAGE_COMMITTEE');

-- CreateEnum
CREATE TYPE "SoeCategory" AS ENUM ('AGRICULTURE', 'FINANCE', 'CONSTRUCTION', 'COMMERCE', 'CULTURE_TOURISM', 'INVESTMENT', 'LOGISTICS', 'UTILITIES', 'TRANSPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "SoeLevel" AS ENUM ('MUNICIPAL', 'PROVINCIAL');

-- CreateEnum
CREATE TYPE "TownshipKind" AS ENUM ('STREET', 'TOWN', 'TOWNSHIP');

-- CreateEnum
CREATE TYPE "Mechanism" AS ENUM ('DELIBERATION', 'TASK_LIST', 'VISITS', 'EVALUATION');

-- CreateEnum
CREATE TYPE "CooperationMode" AS ENUM ('AGRI_FOR_AGRI', 'LOANS_FOR_INVESTORS', 'BUILD_FOR_FARMERS', 'COMMERCE_LINKS_FARMS', 'OTHER');

-- CreateEnum
CREATE TYPE "CooperationMethod" AS ENUM ('DIRECT_INVESTMENT', 'INVESTMENT_ATTRACTION', 'SALES_DRIVEN', 'CREDIT_SUPPORT', 'RESOURCE_REVITALIZATION');

-- CreateEnum
CREATE TYPE "OutcomeArea" AS ENUM ('PARTY_ORGANIZATION', 'INDUSTRY_BASE', 'FARMER_INCOME', 'PUBLIC_SERVICES', 'GOVERNANCE');

-- CreateEnum
CREATE TYPE "WorkBatch" AS ENUM ('INDUSTRY', 'TALENT', 'GOVERNANCE_VEHICLE', 'PUBLIC_FACILITY', 'CULTURE');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('PREPARING', 'IN_PROGRESS', 'COMPLETED', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "UpdateConfirmation" AS ENUM ('PENDING', 'CONFIRMED', 'DISPUTED');

-- CreateEnum
CREATE TYPE "BeneficiaryKind" AS ENUM ('FARMERS', 'LOW_INCOME_HOUSEHOLDS', 'LOCAL_WORKERS', 'TRAINEES', 'OTHER');

-- CreateEnum
CREATE TYPE "Criterion" AS ENUM ('PARTY_BUILDING', 'DEVELOPMENT', 'SERVICES', 'GOVERNANCE');

-- CreateEnum
CREATE TYPE "AssessmentResult" AS ENUM ('PASS', 'FAIL');

-- CreateEnum
CREATE TYPE "AccreditationStatus" AS ENUM ('CANDIDATE', 'ACCREDITED', 'REJECTED', 'REVOKED');

-- CreateEnum
CREATE TYPE "ProgramMetric" AS ENUM ('DEMO_ZONES', 'AVG_VILLAGE_INCOME', 'SOE_PARTY_COMMITTEES', 'PAIRED_JOINT_COMMITTEES', 'PROJECTS', 'RURAL_BENEFICIARIES', 'FUNCTIONAL_JOINT_COMMITTEES', 'CO_CONSTRUCTION_PROJECTS', 'CO_CONSTRUCTION_CATEGORIES', 'LOANS_YUAN', 'JOBS_CREATED', 'FARM_PURCHASES_YUAN', 'LIVESTREAM_VIEWERS_FIRST_HOUR');

-- CreateEnum
CREATE TYPE "Comparator" AS ENUM ('AT_LEAST', 'ABOVE', 'EXACT');

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "publishedOn" DATE,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "District" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sourceId" INTEGER,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Township" (
    "id" SERIAL NOT NULL,
    "districtId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "TownshipKind" NOT NULL,
    "sourceId" INTEGER,

    CONSTRAINT "Township_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Zone" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "districtId" INTEGER NOT NULL,
    "townshipId" INTEGER,
    "secretary" TEXT,
    "firstSecretary" TEXT,
    "mechanisms" "Mechanism"[],
    "accreditedAt" DATE,
    "sourceId" INTEGER,
    "sourceNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Zone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Village" (
    "id" SERIAL NOT NULL,
    "zoneId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "population" INTEGER,
    "households" INTEGER,
    "sourceId" INTEGER,
    "sourceNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Village_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VillageIncome" (
    "id" SERIAL NOT NULL,
    "villageId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" DECIMAL(16,2) NOT NULL,
    "reportedById" INTEGER,
    "sourceId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VillageIncome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Soe" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "nameEn" TEXT,
    "category" "SoeCategory" NOT NULL,
    "level" "SoeLevel" NOT NULL DEFAULT 'MUNICIPAL',
    "nameVerified" BOOLEAN NOT NULL DEFAULT true,
    "liaisonLead" TEXT,
    "sourceId" INTEGER,
    "sourceNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Soe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pairing" (
    "id" SERIAL NOT NULL,
    "soeId" INTEGER NOT NULL,
    "zoneId" INTEGER NOT NULL,
    "since" DATE NOT NULL,
    "until" DATE,
    "sourceId" INTEGER,
    "sourceNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "soeId" INTEGER NOT NULL,
    "zoneId" INTEGER,
    "mode" "CooperationMode" NOT NULL,
    "method" "CooperationMethod" NOT NULL,
    "outcomeArea" "OutcomeArea" NOT NULL,
    "batch" "WorkBatch" NOT NULL DEFAULT 'INDUSTRY',
    "status" "ProjectStatus" NOT NULL DEFAULT 'PREPARING',
    "plannedInvestment" DECIMAL(16,2),
    "startDate" DATE,
    "endDate" DATE,
    "jointVenture" TEXT,
    "description" TEXT,
    "sourceId" INTEGER,
    "sourceNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectVillage" (
    "projectId" INTEGER NOT NULL,
    "villageId" INTEGER NOT NULL,

    CONSTRAINT "ProjectVillage_pkey" PRIMARY KEY ("projectId","villageId")
);

-- CreateTable
CREATE TABLE "ProjectUpdate" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "period" DATE NOT NULL,
    "progressPct" INTEGER NOT NULL,
    "investmentToDate" DECIMAL(16,2) NOT NULL,
    "jobsCreated" INTEGER NOT NULL DEFAULT 0,
    "incomeToVillages" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "narrative" TEXT,
    "authorId" INTEGER,
    "confirmation" "UpdateConfirmation" NOT NULL DEFAULT 'PENDING',
    "disputeReason" TEXT,
    "confirmedById" INTEGER,
    "sourceId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Beneficiary" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "updateId" INTEGER,
    "villageId" INTEGER,
    "kind" "BeneficiaryKind" NOT NULL,
    "people" INTEGER NOT NULL,
    "households" INTEGER,

    CONSTRAINT "Beneficiary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "villageId" INTEGER NOT NULL,
    "period" DATE NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT,
    "authorId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Accreditation" (
    "id" SERIAL NOT NULL,
    "zoneId" INTEGER NOT NULL,
    "status" "AccreditationStatus" NOT NULL DEFAULT 'CANDIDATE',
    "nominatedOn" DATE NOT NULL,
    "accreditedOn" DATE,
    "closedOn" DATE,
    "closeReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Accreditation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" SERIAL NOT NULL,
    "accreditationId" INTEGER NOT NULL,
    "criterion" "Criterion" NOT NULL,
    "result" "AssessmentResult" NOT NULL,
    "assessedOn" DATE NOT NULL,
    "note" TEXT,
    "assessorName" TEXT NOT NULL,
    "assessorId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramTarget" (
    "id" SERIAL NOT NULL,
    "metric" "ProgramMetric" NOT NULL,
    "comparator" "Comparator" NOT NULL,
    "value" DECIMAL(16,2) NOT NULL,
    "unit" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "sourceId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProgramTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportedStatistic" (
    "id" SERIAL NOT NULL,
    "metric" "ProgramMetric" NOT NULL,
    "value" DECIMAL(16,2) NOT NULL,
    "isLowerBound" BOOLEAN NOT NULL DEFAULT false,
    "asOf" DATE NOT NULL,
    "soeId" INTEGER,
    "zoneId" INTEGER,
    "projectId" INTEGER,
    "sourceId" INTEGER NOT NULL,
    "note" TEXT,

    CONSTRAINT "ReportedStatistic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "soeId" INTEGER,
    "villageId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "locale" TEXT,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "sessionEpoch" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorName" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_code_key" ON "Source"("code");

-- CreateIndex
CREATE UNIQUE INDEX "District_code_key" ON "District"("code");

-- CreateIndex
CREATE UNIQUE INDEX "District_name_key" ON "District"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Township_districtId_name_key" ON "Township"("districtId", "name");

-- CreateIndex
CREATE INDEX "Zone_townshipId_idx" ON "Zone"("townshipId");

-- CreateIndex
CREATE INDEX "Zone_accreditedAt_idx" ON "Zone"("accreditedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Zone_districtId_name_key" ON "Zone"("districtId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Village_zoneId_name_key" ON "Village"("zoneId", "name");

-- CreateIndex
CREATE INDEX "VillageIncome_year_idx" ON "VillageIncome"("year");

-- CreateIndex
CREATE UNIQUE INDEX "VillageIncome_villageId_year_key" ON "VillageIncome"("villageId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Soe_name_key" ON "Soe"("name");

-- CreateIndex
CREATE INDEX "Pairing_zoneId_idx" ON "Pairing"("zoneId");

-- CreateIndex
CREATE UNIQUE INDEX "Pairing_soeId_zoneId_since_key" ON "Pairing"("soeId", "zoneId", "since");

-- CreateIndex
CREATE INDEX "Project_soeId_status_idx" ON "Project"("soeId", "status");

-- CreateIndex
CREATE INDEX "Project_zoneId_idx" ON "Project"("zoneId");

-- CreateIndex
CREATE INDEX "Project_status_idx" ON "Project"("status");

-- CreateIndex
CREATE INDEX "ProjectVillage_villageId_idx" ON "ProjectVillage"("villageId");

-- CreateIndex
CREATE INDEX "ProjectUpdate_period_idx" ON "ProjectUpdate"("period");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectUpdate_projectId_period_key" ON "ProjectUpdate"("projectId", "period");

-- CreateIndex
CREATE INDEX "Beneficiary_villageId_idx" ON "Beneficiary"("villageId");

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiary_projectId_villageId_kind_key" ON "Beneficiary"("projectId", "villageId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_projectId_villageId_period_key" ON "Feedback"("projectId", "villageId", "period");

-- CreateIndex
CREATE INDEX "Accreditation_zoneId_idx" ON "Accreditation"("zoneId");

-- CreateIndex
CREATE INDEX "Accreditation_status_accreditedOn_idx" ON "Accreditation"("status", "accreditedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_accreditationId_criterion_key" ON "Assessment"("accreditationId", "criterion");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramTarget_metric_key" ON "ProgramTarget"("metric");

-- CreateIndex
CREATE INDEX "ReportedStatistic_metric_asOf_idx" ON "ReportedStatistic"("metric", "asOf");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_soeId_idx" ON "User"("soeId");

-- CreateIndex
CREATE INDEX "User_villageId_idx" ON "User"("villageId");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Township" ADD CONSTRAINT "Township_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Township" ADD CONSTRAINT "Township_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Zone" ADD CONSTRAINT "Zone_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Zone" ADD CONSTRAINT "Zone_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Zone" ADD CONSTRAINT "Zone_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Village" ADD CONSTRAINT "Village_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Village" ADD CONSTRAINT "Village_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VillageIncome" ADD CONSTRAINT "VillageIncome_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VillageIncome" ADD CONSTRAINT "VillageIncome_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VillageIncome" ADD CONSTRAINT "VillageIncome_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Soe" ADD CONSTRAINT "Soe_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_soeId_fkey" FOREIGN KEY ("soeId") REFERENCES "Soe"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_soeId_fkey" FOREIGN KEY ("soeId") REFERENCES "Soe"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectVillage" ADD CONSTRAINT "ProjectVillage_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectVillage" ADD CONSTRAINT "ProjectVillage_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectUpdate" ADD CONSTRAINT "ProjectUpdate_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectUpdate" ADD CONSTRAINT "ProjectUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectUpdate" ADD CONSTRAINT "ProjectUpdate_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectUpdate" ADD CONSTRAINT "ProjectUpdate_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "ProjectUpdate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Accreditation" ADD CONSTRAINT "Accreditation_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_accreditationId_fkey" FOREIGN KEY ("accreditationId") REFERENCES "Accreditation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramTarget" ADD CONSTRAINT "ProgramTarget_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportedStatistic" ADD CONSTRAINT "ReportedStatistic_soeId_fkey" FOREIGN KEY ("soeId") REFERENCES "Soe"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportedStatistic" ADD CONSTRAINT "ReportedStatistic_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportedStatistic" ADD CONSTRAINT "ReportedStatistic_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportedStatistic" ADD CONSTRAINT "ReportedStatistic_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_soeId_fkey" FOREIGN KEY ("soeId") REFERENCES "Soe"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
