-- CreateTable
CREATE TABLE "Import" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT,
    "fileSha256" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "counts" JSONB NOT NULL,
    "soeId" INTEGER,
    "userId" INTEGER,
    "activeKey" TEXT,
    "undoneAt" TIMESTAMP(3),
    "undoneById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Import_activeKey_key" ON "Import"("activeKey");

-- CreateIndex
CREATE INDEX "Import_createdAt_idx" ON "Import"("createdAt");

-- CreateIndex
CREATE INDEX "Import_soeId_createdAt_idx" ON "Import"("soeId", "createdAt");

-- Projects made twice (one import file committed twice) keep their records: each copy after
-- the first gets its id in its name, so the natural key can be unique, and the rename is audited.
WITH copies AS (
  SELECT p."id", p."name" FROM "Project" p
  WHERE EXISTS (SELECT 1 FROM "Project" q WHERE q."soeId" = p."soeId" AND q."zoneId" = p."zoneId" AND q."name" = p."name" AND q."id" < p."id")
), renamed AS (
  UPDATE "Project" p SET "name" = c."name" || '（重复 #' || c."id" || '）', "version" = p."version" + 1, "updatedAt" = now()
  FROM copies c WHERE p."id" = c."id"
  RETURNING p."id", c."name" AS "before", p."name" AS "after", p."version"
)
INSERT INTO "AuditLog" ("actorName", "action", "entity", "entityId", "before", "after")
SELECT 'migration', 'project.renameDuplicate', 'Project', r."id"::text,
  jsonb_build_object('name', r."before", 'version', r."version" - 1), jsonb_build_object('name', r."after", 'version', r."version")
FROM renamed r;

-- CreateIndex
CREATE UNIQUE INDEX "Project_soeId_zoneId_name_key" ON "Project"("soeId", "zoneId", "name");

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_soeId_fkey" FOREIGN KEY ("soeId") REFERENCES "Soe"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
