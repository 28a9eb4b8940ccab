// Sample layer: every zone gets a point inside its own district, the same on every run
// (seeded by the zone's id and name). Nobody has surveyed where the zones are: these are
// sample data, marked by `locationSourceId` = the sample source, until an administrator
// enters the true coordinates on the zone's form.
import { placeInDistrict } from '../../lib/map/geo';
import { SAMPLE_SOURCE_ID, type SeedData } from './data';

export function addSampleLocations(data: SeedData) {
  for (const zone of data.zones) {
    const district = data.districts.find((d) => d.id === zone.districtId);
    const point = district ? placeInDistrict(district.name, `${zone.id}|${zone.name}`) : null;
    if (!point) throw new Error(`seed: no place inside ${district?.name ?? zone.districtId} for ${zone.name}`);
    Object.assign(zone, { lat: point.lat, lng: point.lng, locationSourceId: SAMPLE_SOURCE_ID });
  }
}
