-- CreateTable
CREATE TABLE "ProjectSeen" (
    "userId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectSeen_pkey" PRIMARY KEY ("userId","projectId")
);

-- CreateIndex
CREATE INDEX "ProjectSeen_projectId_idx" ON "ProjectSeen"("projectId");

-- AddForeignKey
ALTER TABLE "ProjectSeen" ADD CONSTRAINT "ProjectSeen_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectSeen" ADD CONSTRAINT "ProjectSeen_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
