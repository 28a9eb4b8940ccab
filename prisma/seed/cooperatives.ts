// The zones' joint-stock cooperatives (股份制经济联合社) and the village–enterprise joint ventures.
// Facts: the joint ventures the source names (红色原野 with 民主片区, the first economic entity; 白塘;
// 童周岭) with the partners it names and no shares (it states none), and 民主片区's cooperative with
// its 5-year plan of 23 co-construction projects. Everything else — the villages' shares, dividends,
// the other zones' cooperatives, the sample projects' ventures — is sample data.
import { add, byName, day, FACT_SOURCE_ID, SAMPLE_SOURCE_ID, yuan, type SeedData } from './data';
import type { createRng } from './random';

const F = FACT_SOURCE_ID;
const S = SAMPLE_SOURCE_ID;

/** The cooperative's name as the source's own term has it: "<zone>股份制经济联合社". */
export const cooperativeName = (zone: string) => `${zone}股份制经济联合社`;

type FactVenture = { name: string; zone: string; village?: string; registeredOn?: string; partners: { soe?: string; zoneCommittee?: boolean }[]; description?: string; sourceNote: string };

const FACT_VENTURES: FactVenture[] = [
  {
    name: '武汉红色原野生态发展有限公司', zone: '民主片区', village: '毛家冲村', registeredOn: '2021-03-01',
    partners: [{ soe: '武汉农业集团' }, { zoneCommittee: true }],
    description: '“国企联村”行动首个经济实体。',
    sourceNote: '来源：首年3月，农业集团与民主片区联合党委在毛家冲村成立武汉红色原野生态发展有限公司，为“国企联村”行动首个经济实体；成立日取该月首日；来源未载各方股份。',
  },
  {
    name: '白塘片区村企合资公司（农业集团、旅体集团与村集体合资；来源未载名称）', zone: '白塘片区',
    partners: [{ soe: '武汉农业集团' }, { soe: '武汉旅游体育集团' }, { zoneCommittee: true }],
    sourceNote: '来源：农业集团联合武汉旅游体育集团，在黄陂区白塘片区等地成立村企合资公司（水生植物生产基地、珍稀食用菌工厂化种植示范园）；来源未载公司名称、成立日期和股份，村集体一方记作片区联合党委。',
  },
  {
    name: '旅体集团与童周岭片区联合党委合资公司（来源未载名称）', zone: '童周岭片区',
    partners: [{ soe: '武汉旅游体育集团' }, { zoneCommittee: true }],
    sourceNote: '来源：旅体集团与童周岭片区联合党委成立合资公司，打造龙家畈湾民宿集群；来源未载公司名称、成立日期和股份。',
  },
];

/** Facts: the named joint ventures (linked to the projects that name them) and 民主片区's cooperative. */
export function addFactCooperatives(data: SeedData) {
  for (const v of FACT_VENTURES) {
    const zone = byName(data.zones, v.zone);
    const venture = add(data.jointVentures, {
      name: v.name, zoneId: zone.id, villageId: v.village ? byName(data.villages, v.village).id : null,
      registeredOn: v.registeredOn ? day(v.registeredOn) : null, description: v.description ?? null, sourceId: F, sourceNote: v.sourceNote,
    });
    for (const p of v.partners) {
      add(data.jointVenturePartners, p.soe
        ? { jointVentureId: venture.id, kind: 'SOE' as const, soeId: byName(data.soes, p.soe).id, percent: null, sourceId: F }
        : { jointVentureId: venture.id, kind: 'ZONE_COMMITTEE' as const, zoneId: zone.id, percent: null, sourceId: F });
    }
    for (const project of data.projects) if (project.jointVenture === v.name) project.jointVentureId = venture.id;
  }
  const minzhu = byName(data.zones, '民主片区');
  add(data.cooperatives, {
    zoneId: minzhu.id, name: cooperativeName('民主片区'), foundedOn: null,
    plan: '5年产业发展规划：与农业集团共建5大类23个项目',
    sourceId: F,
    sourceNote: '来源：报道所述片区运行方式——各村以土地或资金入股股份制经济联合社，片区作为整体引进项目；民主片区与农业集团共建5大类23个项目，编制5年产业发展规划。名称按来源用语拟定，来源未载具体名称和成立日期。',
  });
}

/**
 * Sample: a cooperative for about two in three paired zones (民主片区's fact one included), each
 * village's share (land and/or money, percentages adding up to 100), dividends 2022–2025 of 3–15 %
 * of the village's reported income (never more), projects brought in, and the sample projects'
 * free-text ventures as records.
 */
export function addSampleCooperatives(data: SeedData, rng: ReturnType<typeof createRng>) {
  const paired = new Set(data.pairings.map((p) => p.zoneId));
  for (const zone of data.zones) {
    if (!paired.has(zone.id) || data.cooperatives.some((c) => c.zoneId === zone.id)) continue;
    if (!rng.chance(0.65)) continue;
    add(data.cooperatives, { zoneId: zone.id, name: cooperativeName(zone.name), foundedOn: day(`20${rng.int(19, 22)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`), plan: null, sourceId: S, sourceNote: '示例数据（合成），来源未载。' });
  }
  const income = new Map(data.incomes.map((i) => [`${i.villageId}:${i.year}`, i.amount as string]));
  for (const cooperative of data.cooperatives) {
    const villages = data.villages.filter((v) => v.zoneId === cooperative.zoneId);
    const weights = villages.map(() => rng.int(10, 40));
    const total = weights.reduce((a, b) => a + b, 0);
    let left = 10_000; // hundredths of a percent: the last village takes the remainder, so they add up to 100.00
    villages.forEach((village, i) => {
      const part = i === villages.length - 1 ? left : Math.round((weights[i]! * 10_000) / total);
      left -= part;
      const kind = rng.pick(['LAND', 'MONEY', 'BOTH'] as const);
      add(data.cooperativeShares, {
        cooperativeId: cooperative.id, villageId: village.id,
        landMu: kind === 'MONEY' ? null : String(rng.int(40, 400)),
        amount: kind === 'LAND' ? null : yuan(rng.int(10, 100) * 10_000 * 100),
        percent: `${Math.floor(part / 100)}.${String(part % 100).padStart(2, '0')}`,
        asOf: day('2024-12-31'), sourceId: S,
      });
      for (const year of [2022, 2023, 2024, 2025]) {
        const reported = income.get(`${village.id}:${year}`);
        if (!reported) continue;
        const fen = Math.round(Number(reported) * 100 * (0.03 + 0.12 * rng.next()));
        add(data.dividends, { cooperativeId: cooperative.id, villageId: village.id, year, amount: yuan(fen), paidOn: day(`${year + 1}-0${rng.int(1, 3)}-15`), sourceId: S });
      }
    });
    for (const project of data.projects) {
      if (project.zoneId === cooperative.zoneId && project.sourceId === S && project.method === 'DIRECT_INVESTMENT' && rng.chance(0.5)) project.cooperativeId = cooperative.id;
    }
  }
  // The sample projects' ventures (free text until now) as sample records: the project's SOE and zone as partners.
  for (const project of data.projects) {
    if (project.sourceId !== S || !project.jointVenture) continue;
    let venture = data.jointVentures.find((j) => j.name === project.jointVenture);
    if (!venture) {
      venture = add(data.jointVentures, { name: project.jointVenture, zoneId: project.zoneId, villageId: null, registeredOn: project.startDate ?? null, description: null, sourceId: S, sourceNote: '示例数据（合成），来源未载。' });
      const soePart = rng.int(40, 70);
      add(data.jointVenturePartners, { jointVentureId: venture.id, kind: 'SOE' as const, soeId: project.soeId, percent: String(soePart), sourceId: S });
      const cooperative = data.cooperatives.find((c) => c.zoneId === project.zoneId);
      add(data.jointVenturePartners, cooperative
        ? { jointVentureId: venture.id, kind: 'COOPERATIVE' as const, cooperativeId: cooperative.id, percent: String(100 - soePart), sourceId: S }
        : { jointVentureId: venture.id, kind: 'ZONE_COMMITTEE' as const, zoneId: project.zoneId, percent: String(100 - soePart), sourceId: S });
    }
    project.jointVentureId = venture.id;
  }
}
