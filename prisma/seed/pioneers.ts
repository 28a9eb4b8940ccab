// Sample layer: each paired zone's pioneer team (兴乡先锋队) and the posts (兴乡先锋岗) its members hold
// on the zone's projects. The source says such teams exist but names no member: all of it is sample.
import { add, SAMPLE_SOURCE_ID, type SeedData } from './data';
import { personNames } from './names';
import type { createRng } from './random';

const VILLAGE_ROLES = ['队长', '队员', '队员'];
const SOE_ROLES = ['副队长', '队员'];
const POSTS = ['技术指导岗', '产业发展岗', '政策宣传岗', '群众联络岗', '安全监督岗'];

export function addPioneers(data: SeedData, rng: ReturnType<typeof createRng>) {
  const person = personNames(rng);
  const pairedZones = new Set(data.pairings.map((p) => p.zoneId));
  for (const zone of data.zones) {
    if (!pairedZones.has(zone.id)) continue;
    const members = [
      ...VILLAGE_ROLES.map((role) => add(data.pioneers, { zoneId: zone.id, name: person(), side: 'VILLAGE' as const, role, sourceId: SAMPLE_SOURCE_ID })),
      ...SOE_ROLES.map((role) => add(data.pioneers, { zoneId: zone.id, name: person(), side: 'SOE' as const, role, sourceId: SAMPLE_SOURCE_ID })),
    ];
    for (const project of data.projects.filter((p) => p.zoneId === zone.id && p.status === 'IN_PROGRESS')) {
      if (!rng.chance(0.7)) continue;
      const member = rng.pick(members);
      add(data.pioneerPosts, { projectId: project.id, memberId: member.id, title: rng.pick(POSTS), sourceId: SAMPLE_SOURCE_ID });
    }
  }
}
