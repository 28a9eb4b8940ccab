// Sample beneficiary counts and village feedback for started projects.
import type { BeneficiaryKind } from '../../lib/db/generated/client';
import { add, SAMPLE_SOURCE_ID, monthIndexOf, monthStart, type SeedData } from './data';
import type { Rng } from './random';

const COMMENTS: Record<number, string[]> = {
  1: ['项目停滞，村民意见较大。', '承诺的用工岗位没有兑现。'],
  2: ['进度偏慢，希望加快推进。', '收益分配方案尚未讲清楚。'],
  3: ['总体推进正常，沟通还可以加强。', '效果初显，期待后续见效。'],
  4: ['项目带动了村民就业，效果较好。', '联村工作队常驻村里，服务到位。'],
  5: ['村集体收入明显增加，群众满意。', '村湾面貌大变样，村民纷纷点赞。'],
};

export function addOutcomes(data: SeedData, rng: Rng) {
  const started = data.projects.filter((p) => p.status !== 'PREPARING');
  const population = (villageId: number) => data.villages.find((v) => v.id === villageId)?.population ?? 1500;

  for (const project of started) {
    const links = data.projectVillages.filter((pv) => pv.projectId === project.id);
    if (links.length === 0) {
      const kind: BeneficiaryKind = project.batch === 'TALENT' ? 'TRAINEES' : 'FARMERS';
      add(data.beneficiaries, { projectId: project.id, villageId: null, kind, people: rng.int(300, 3000), households: null, sourceId: SAMPLE_SOURCE_ID });
      continue;
    }
    for (const { villageId } of links) {
      const kinds: BeneficiaryKind[] = project.batch === 'TALENT' ? ['TRAINEES'] : rng.shuffle<BeneficiaryKind>(['FARMERS', 'LOCAL_WORKERS', 'LOW_INCOME_HOUSEHOLDS']).slice(0, rng.int(1, 2));
      for (const kind of kinds) {
        const share = kind === 'FARMERS' ? 0.2 + rng.next() * 0.4 : kind === 'LOW_INCOME_HOUSEHOLDS' ? 0.02 + rng.next() * 0.05 : 0.03 + rng.next() * 0.1;
        const people = Math.max(5, Math.round(population(villageId) * share));
        const households = kind === 'FARMERS' || kind === 'LOW_INCOME_HOUSEHOLDS' ? Math.max(2, Math.round(people / 2.8)) : null;
        add(data.beneficiaries, { projectId: project.id, villageId, kind, people, households, sourceId: SAMPLE_SOURCE_ID });
      }
    }
  }
  // The oddity the dashboard should flag: more people than the village has.
  const sampleRows = data.beneficiaries.filter((b) => {
    const v = data.villages.find((x) => x.id === b.villageId);
    return v?.sourceId === SAMPLE_SOURCE_ID && b.kind === 'FARMERS';
  });
  const odd = rng.pick(sampleRows);
  odd.people = Math.round(population(odd.villageId as number) * 1.35);

  // Quarterly ratings (period = first day of the quarter) from the villages each project serves.
  for (const project of started) {
    const start = (project.startDate as Date | null) ?? monthStart(3);
    const firstQuarter = Math.max(Math.ceil(monthIndexOf(start) / 3), 8);
    const lastQuarter = project.endDate ? Math.min(19, Math.floor(monthIndexOf(project.endDate as Date) / 3) + 1) : 19;
    for (const { projectId, villageId } of data.projectVillages.filter((pv) => pv.projectId === project.id)) {
      for (let q = firstQuarter; q <= lastQuarter; q++) {
        if (!rng.chance(0.55)) continue;
        const rating = project.status === 'SUSPENDED' ? rng.int(1, 3) : rng.weighted([[2, 1], [3, 3], [4, 7], [5, 5]] as const);
        add(data.feedback, { projectId, villageId, period: monthStart(q * 3), rating, comment: rng.pick(COMMENTS[rating] as string[]), authorId: null, sourceId: SAMPLE_SOURCE_ID });
      }
    }
  }
}
