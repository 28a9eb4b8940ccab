// Sample accreditation history: a trajectory of model zones from 2022 to 2025, still short of the target 60.
import type { AssessmentResult, Criterion } from '../../lib/db/generated/client';
import { add, addDays, day, SAMPLE_SOURCE_ID, type SeedData } from './data';

const D = SAMPLE_SOURCE_ID;
import { personNames } from './names';
import type { Rng } from './random';

const CRITERIA: Criterion[] = ['PARTY_BUILDING', 'DEVELOPMENT', 'SERVICES', 'GOVERNANCE'];
// Decision days and how many zones each accredited (35 in all).
const BATCHES: [string, number][] = [
  ['2022-06-28', 3], ['2022-12-20', 5], ['2023-06-27', 4], ['2023-12-21', 6],
  ['2024-06-25', 4], ['2024-12-19', 5], ['2025-06-26', 4], ['2025-11-27', 4],
];
// Open candidates: results per criterion in CRITERIA order; null = not yet assessed.
const CANDIDATES: (AssessmentResult | null)[][] = [
  ['PASS', 'PASS', 'PASS', null],
  ['PASS', 'FAIL', 'PASS', 'PASS'],
  ['PASS', 'PASS', null, null],
  ['PASS', null, 'FAIL', null],
];
const FAIL_NOTE: Record<Criterion, string> = {
  PARTY_BUILDING: '联合党委组织生活记录不完整。',
  DEVELOPMENT: '村集体经济收入增长未达到评定要求。',
  SERVICES: '实事清单办结率偏低。',
  GOVERNANCE: '议事决策机制运行不规范。',
};

export function addAccreditations(data: SeedData, rng: Rng) {
  const assessor = personNames(rng);
  const assessors = Array.from({ length: 6 }, () => assessor());
  const round = (zoneId: number, nominatedOn: Date, rest: Partial<SeedData['accreditations'][number]>, results: (AssessmentResult | null)[], decidedOn: Date) => {
    const a = add(data.accreditations, { zoneId, nominatedOn, status: 'CANDIDATE', sourceId: D, ...rest });
    results.forEach((result, i) => {
      if (!result) return;
      const criterion = CRITERIA[i] as Criterion;
      const assessedOn = addDays(decidedOn, -rng.int(7, 45));
      add(data.assessments, {
        accreditationId: a.id, criterion, result, assessedOn: assessedOn < nominatedOn ? nominatedOn : assessedOn,
        note: result === 'FAIL' ? FAIL_NOTE[criterion] : null, assessorName: rng.pick(assessors), sourceId: D,
      });
    });
    return a;
  };
  const allPass: AssessmentResult[] = ['PASS', 'PASS', 'PASS', 'PASS'];

  // Setbacks only on model zones: the source reports nothing of the kind about the named ones.
  const modelZones = rng.shuffle(data.zones.filter((z) => z.sourceId === SAMPLE_SOURCE_ID));
  const [revoked, rejected, ...openCandidates] = modelZones.splice(0, 2 + CANDIDATES.length);
  const accredited = rng.shuffle([...data.zones.filter((z) => z.sourceId !== SAMPLE_SOURCE_ID), ...modelZones]);
  // The once-rejected zone is accredited in the 2024-12 batch.
  accredited.splice(BATCHES.slice(0, 5).reduce((n, [, c]) => n + c, 0), 0, rejected!);

  let next = 0;
  for (const [date, count] of BATCHES) {
    const accreditedOn = day(date);
    for (let i = 0; i < count; i++) {
      const zone = accredited[next++]!;
      round(zone.id, addDays(accreditedOn, -rng.int(60, 120)), { status: 'ACCREDITED', accreditedOn }, allPass, accreditedOn);
      zone.accreditedAt = accreditedOn;
    }
  }
  if (next !== accredited.length) throw new Error(`seed: ${accredited.length} zones for ${next} accreditations`);

  round(rejected!.id, day('2022-09-05'), {
    status: 'REJECTED', closedOn: day('2022-12-20'), closeReason: '发展强未达标：村集体经济收入增长不足，下一轮再评。',
  }, ['PASS', 'FAIL', 'PASS', 'PASS'], day('2022-12-20'));

  round(revoked!.id, day('2022-09-12'), {
    status: 'REVOKED', accreditedOn: day('2022-12-20'), closedOn: day('2024-10-15'),
    closeReason: '复查发现联合党委议事决策机制长期未运行，“治理优”不再达标，撤销示范片。',
  }, allPass, day('2022-12-20'));
  round(revoked!.id, day('2025-09-10'), {}, ['PASS', null, null, 'PASS'], day('2025-12-20'));

  openCandidates.forEach((zone, i) => {
    round(zone!.id, day(`2025-0${7 + (i % 3)}-0${1 + i}`), {}, CANDIDATES[i]!, day('2025-12-20'));
  });
}
