-- CreateEnum
CREATE TYPE "PioneerSide" AS ENUM ('VILLAGE', 'SOE');

-- CreateTable
CREATE TABLE "PioneerMember" (
    "id" SERIAL NOT NULL,
    "zoneId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "side" "PioneerSide" NOT NULL,
    "role" TEXT NOT NULL,
    "sourceId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PioneerMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PioneerPost" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "sourceId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PioneerPost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PioneerMember_zoneId_name_side_key" ON "PioneerMember"("zoneId", "name", "side");

-- CreateIndex
CREATE INDEX "PioneerPost_memberId_idx" ON "PioneerPost"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "PioneerPost_projectId_memberId_title_key" ON "PioneerPost"("projectId", "memberId", "title");

-- AddForeignKey
ALTER TABLE "PioneerMember" ADD CONSTRAINT "PioneerMember_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PioneerMember" ADD CONSTRAINT "PioneerMember_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PioneerPost" ADD CONSTRAINT "PioneerPost_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PioneerPost" ADD CONSTRAINT "PioneerPost_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "PioneerMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PioneerPost" ADD CONSTRAINT "PioneerPost_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
