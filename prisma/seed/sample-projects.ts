// Layer (b): sample projects in their SOEs' paired zones, so that fact + sample = 56; with their schedules.
import type { CooperationMethod, CooperationMode, OutcomeArea, ProjectStatus, SoeCategory, WorkBatch } from '../../lib/db/generated/client';
import { add, SAMPLE_SOURCE_ID, LAST_MONTH, monthIndexOf, monthStart, yuan, type SeedData } from './data';
import { createRng } from './random';

export const PROJECT_TOTAL = 56;

/** How a started project's updates are generated (month 0 = 2021-01, LAST_MONTH = 2026-10). */
export type Schedule = {
  projectId: number; startMonth: number; lastMonth: number; finalProgress: number;
  /** Money the updates may report, in fen: the planned investment, or a sample envelope. */
  envelopeFen: number; cadence: 1 | 3; stale: boolean;
};

type Template = [string, CooperationMethod, OutcomeArea, WorkBatch];
const TEMPLATES: Record<SoeCategory, Template[]> = {
  AGRICULTURE: [['稻虾共作基地', 'DIRECT_INVESTMENT', 'INDUSTRY_BASE', 'INDUSTRY'], ['高标准农田托管', 'RESOURCE_REVITALIZATION', 'FARMER_INCOME', 'INDUSTRY'], ['蔬菜保供基地', 'DIRECT_INVESTMENT', 'INDUSTRY_BASE', 'INDUSTRY'], ['新型职业农民培训', 'DIRECT_INVESTMENT', 'FARMER_INCOME', 'TALENT']],
  FINANCE: [['乡村振兴贷', 'CREDIT_SUPPORT', 'INDUSTRY_BASE', 'INDUSTRY'], ['普惠金融服务站', 'CREDIT_SUPPORT', 'PUBLIC_SERVICES', 'GOVERNANCE_VEHICLE'], ['特色产业招商', 'INVESTMENT_ATTRACTION', 'INDUSTRY_BASE', 'INDUSTRY']],
  CONSTRUCTION: [['村湾道路提档升级', 'DIRECT_INVESTMENT', 'PUBLIC_SERVICES', 'PUBLIC_FACILITY'], ['人居环境整治', 'DIRECT_INVESTMENT', 'PUBLIC_SERVICES', 'PUBLIC_FACILITY'], ['项目就近用工计划', 'DIRECT_INVESTMENT', 'FARMER_INCOME', 'TALENT'], ['闲置农房改造', 'RESOURCE_REVITALIZATION', 'INDUSTRY_BASE', 'INDUSTRY']],
  COMMERCE: [['农产品进商超', 'SALES_DRIVEN', 'FARMER_INCOME', 'INDUSTRY'], ['电商直播基地', 'SALES_DRIVEN', 'INDUSTRY_BASE', 'INDUSTRY'], ['冷链集配中心', 'DIRECT_INVESTMENT', 'INDUSTRY_BASE', 'PUBLIC_FACILITY']],
  TRANSPORT: [['地铁站农产品展销', 'SALES_DRIVEN', 'FARMER_INCOME', 'INDUSTRY'], ['乡村客运微循环', 'DIRECT_INVESTMENT', 'PUBLIC_SERVICES', 'PUBLIC_FACILITY'], ['兴乡先锋岗共建', 'DIRECT_INVESTMENT', 'PARTY_ORGANIZATION', 'GOVERNANCE_VEHICLE']],
  UTILITIES: [['农村供水提质', 'DIRECT_INVESTMENT', 'PUBLIC_SERVICES', 'PUBLIC_FACILITY'], ['污水收集处理设施', 'DIRECT_INVESTMENT', 'PUBLIC_SERVICES', 'PUBLIC_FACILITY'], ['屋顶光伏入股', 'RESOURCE_REVITALIZATION', 'FARMER_INCOME', 'INDUSTRY']],
  INVESTMENT: [['闲置资产盘活', 'RESOURCE_REVITALIZATION', 'INDUSTRY_BASE', 'INDUSTRY'], ['村集体物业入股', 'INVESTMENT_ATTRACTION', 'FARMER_INCOME', 'INDUSTRY'], ['联合党委议事阵地', 'DIRECT_INVESTMENT', 'GOVERNANCE', 'GOVERNANCE_VEHICLE']],
  LOGISTICS: [['农产品水运物流', 'SALES_DRIVEN', 'FARMER_INCOME', 'INDUSTRY'], ['岸线码头整治', 'DIRECT_INVESTMENT', 'PUBLIC_SERVICES', 'PUBLIC_FACILITY'], ['村级物流服务站', 'DIRECT_INVESTMENT', 'PUBLIC_SERVICES', 'PUBLIC_FACILITY']],
  CULTURE_TOURISM: [['乡村旅游精品线路', 'RESOURCE_REVITALIZATION', 'INDUSTRY_BASE', 'INDUSTRY'], ['农文旅节庆活动', 'SALES_DRIVEN', 'FARMER_INCOME', 'CULTURE'], ['村史馆建设', 'DIRECT_INVESTMENT', 'PARTY_ORGANIZATION', 'CULTURE']],
  OTHER: [['村企共建项目', 'DIRECT_INVESTMENT', 'INDUSTRY_BASE', 'INDUSTRY']],
};

const MODE: Partial<Record<SoeCategory, CooperationMode>> = {
  AGRICULTURE: 'AGRI_FOR_AGRI', FINANCE: 'LOANS_FOR_INVESTORS', CONSTRUCTION: 'BUILD_FOR_FARMERS', COMMERCE: 'COMMERCE_LINKS_FARMS',
};

const STATUSES: [ProjectStatus, number][] = [['COMPLETED', 9], ['PREPARING', 9], ['IN_PROGRESS', 17], ['SUSPENDED', 4]];
const STALE_COUNT = 4;

export function addSampleProjects(data: SeedData): Schedule[] {
  const rng = createRng(0x5eed_0b03);
  const sampleCount = PROJECT_TOTAL - data.projects.length;
  const isSampleZone = (zoneId: number) => data.zones.find((z) => z.id === zoneId)?.sourceId === SAMPLE_SOURCE_ID;
  // One project per model zone (its first SOE), the rest spread over any pairing.
  const firsts = data.pairings.filter((p, i, all) => isSampleZone(p.zoneId) && all.findIndex((q) => q.zoneId === p.zoneId) === i);
  const extras = rng.shuffle(data.pairings.filter((p) => !firsts.includes(p)));
  const slots = [...firsts, ...extras].slice(0, sampleCount);
  const statuses = rng.shuffle(STATUSES.flatMap(([s, n]) => Array<ProjectStatus>(n).fill(s)));
  if (statuses.length !== sampleCount) throw new Error(`seed: ${statuses.length} statuses for ${sampleCount} sample projects`);

  const schedules: Schedule[] = [];
  let stale = 0;
  slots.forEach((pairing, i) => {
    const soe = data.soes.find((s) => s.id === pairing.soeId)!;
    const zone = data.zones.find((z) => z.id === pairing.zoneId)!;
    const status = statuses[i] as ProjectStatus;
    const names = new Set(data.projects.map((p) => p.name));
    const stem = zone.name.replace(/片区$/, '');
    const options = rng.shuffle(TEMPLATES[soe.category]).filter(([suffix]) => !names.has(stem + suffix));
    const [suffix, method, outcomeArea, batch] = options[0] ?? TEMPLATES.OTHER[0]!;
    const u = rng.next();
    // 0.5–50 million yuan, mostly small; training, governance and culture work at most 5 million.
    const steps = batch === 'INDUSTRY' || batch === 'PUBLIC_FACILITY' ? 495 : 45;
    const plannedFen = (5 + Math.floor(steps * u * u)) * 100_000 * 100;

    // Not before the pairing began.
    let startMonth = rng.int(monthIndexOf(pairing.since as Date), status === 'IN_PROGRESS' ? 53 : 36);
    let lastMonth = LAST_MONTH;
    let finalProgress = rng.int(35, 95);
    let isStale = false;
    if (status === 'COMPLETED') {
      lastMonth = Math.min(57, startMonth + rng.int(6, 30));
      finalProgress = 100;
    } else if (status === 'SUSPENDED') {
      lastMonth = Math.min(54, startMonth + rng.int(4, 20));
      finalProgress = rng.int(15, 60);
    } else if (status === 'IN_PROGRESS' && stale < STALE_COUNT && startMonth <= 48) {
      isStale = true;
      stale++;
      lastMonth = rng.int(52, 56);
    }
    if (status === 'PREPARING') startMonth = -1;

    const project = add(data.projects, {
      name: stem + suffix, soeId: soe.id, zoneId: zone.id, mode: MODE[soe.category] ?? 'OTHER', method, outcomeArea, batch, status,
      plannedInvestment: yuan(plannedFen),
      startDate: startMonth >= 0 ? monthStart(startMonth) : null,
      endDate: status === 'COMPLETED' ? new Date(monthStart(lastMonth + 1).getTime() - 86_400_000) : null,
      jointVenture: method === 'DIRECT_INVESTMENT' && rng.chance(0.3) ? `${stem}村企联营公司` : null,
      description: `${soe.shortName ?? soe.name}在${zone.name}实施的${suffix}项目（示例）。`,
      sourceId: SAMPLE_SOURCE_ID, sourceNote: '示例数据（合成），来源未载。',
      // Entered when it started (or, while preparing, when the pairing began): the stale rule counts from creation too.
      createdAt: monthStart(startMonth >= 0 ? startMonth : monthIndexOf(pairing.since as Date)),
    });
    const villages = rng.shuffle(data.villages.filter((v) => v.zoneId === zone.id)).slice(0, rng.int(1, 3));
    for (const v of villages) data.projectVillages.push({ projectId: project.id, villageId: v.id });
    if (startMonth >= 0) {
      schedules.push({ projectId: project.id, startMonth, lastMonth, finalProgress, envelopeFen: plannedFen, cadence: rng.chance(0.4) ? 1 : 3, stale: isStale });
    }
  });
  if (stale < 3) throw new Error('seed: too few stale sample projects');
  return schedules;
}
