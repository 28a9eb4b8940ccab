// Sample layer: each paired zone's list of practical tasks (实事清单). The source names the mechanism
// but no task: all of it is sample data. Due days are fixed, so some are overdue late in 2026.
import { add, day, SAMPLE_SOURCE_ID, type SeedData } from './data';
import type { createRng } from './random';

const TASKS: [title: string, forWhom: string][] = [
  ['修缮村组道路路灯', '片区各村村民'],
  ['建设农产品冷链集配点', '种植大户与合作社'],
  ['开办老年食堂', '70岁以上老人'],
  ['组织农业技术培训', '种植户'],
  ['整治村湾人居环境', '片区各村村民'],
  ['开通农产品直播带货', '返乡青年与农户'],
  ['改造村卫生室', '片区各村村民'],
  ['设立就业服务站', '留守劳动力'],
];

export function addTasks(data: SeedData, rng: ReturnType<typeof createRng>) {
  const byZone = new Map<number, number[]>();
  for (const p of data.pairings) byZone.set(p.zoneId, [...(byZone.get(p.zoneId) ?? []), p.soeId]);
  for (const [zoneId, soeIds] of byZone) {
    const picks = rng.shuffle(TASKS).slice(0, 3);
    // One done (with its evidence), one overdue owned by a paired SOE, one due next year owned by the villages or an SOE.
    const [done, late, ahead] = picks as [[string, string], [string, string], [string, string]];
    add(data.tasks, { zoneId, title: done[0], forWhom: done[1], responsible: '片区联合党委', soeId: null, dueOn: day('2026-06-30'), status: 'DONE', evidence: '验收单存片区联合党委档案', sourceId: SAMPLE_SOURCE_ID });
    add(data.tasks, { zoneId, title: late[0], forWhom: late[1], responsible: '联村工作队', soeId: rng.pick(soeIds), dueOn: day(`2026-${rng.pick(['08', '09', '10'])}-30`), status: 'IN_PROGRESS', evidence: null, sourceId: SAMPLE_SOURCE_ID });
    add(data.tasks, { zoneId, title: ahead[0], forWhom: ahead[1], responsible: '村“两委”', soeId: rng.chance(0.5) ? rng.pick(soeIds) : null, dueOn: day('2027-06-30'), status: 'PLANNED', evidence: null, sourceId: SAMPLE_SOURCE_ID });
  }
}
