-- AlterTable
ALTER TABLE "Zone" ADD COLUMN     "lat" DOUBLE PRECISION,
ADD COLUMN     "lng" DOUBLE PRECISION,
ADD COLUMN     "locationSourceId" INTEGER;

-- AddForeignKey
ALTER TABLE "Zone" ADD CONSTRAINT "Zone_locationSourceId_fkey" FOREIGN KEY ("locationSourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
