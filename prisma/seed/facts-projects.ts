// Layer (a), continued: the projects, targets and figures the source reports. No invented numbers here.
import type { CooperationMethod, CooperationMode, OutcomeArea, ProgramMetric, ProjectStatus, WorkBatch } from '../../lib/db/generated/client';
import { add, byName, day, FACT_SOURCE_ID, type SeedData } from './data';

const F = FACT_SOURCE_ID;

type FactProject = {
  name: string; soe: string; zone: string | null; village?: string;
  mode: CooperationMode; method: CooperationMethod; outcomeArea: OutcomeArea; batch: WorkBatch;
  status: ProjectStatus; startDate?: string; jointVenture?: string; description?: string; sourceNote: string;
};

const LOANS = '来源：武汉农商行在蔡甸区星光片区、黄陂区许桥片区发放贷款共3000万元，支持蓝莓、黄酒产业；两片区合计，未分列，故不填计划投资。';
const BAITANG_JV = '白塘片区村企合资公司（农业集团、旅体集团与村集体合资；来源未载名称）';
const WUSHANG = '农产品进入商超，纳入“武商优选”定制品牌销售。';

export const FACT_PROJECTS: FactProject[] = [
  {
    name: '武汉红色原野生态发展有限公司', soe: '武汉农业集团', zone: '民主片区', village: '毛家冲村',
    mode: 'AGRI_FOR_AGRI', method: 'DIRECT_INVESTMENT', outcomeArea: 'INDUSTRY_BASE', batch: 'INDUSTRY', status: 'IN_PROGRESS',
    startDate: '2021-03-01', jointVenture: '武汉红色原野生态发展有限公司',
    description: '农业集团与民主片区联合党委合资成立的经济实体，承接片区共建项目和5年产业规划。',
    sourceNote: '来源：首年3月，农业集团与民主片区联合党委在毛家冲村成立武汉红色原野生态发展有限公司，为“国企联村”行动首个经济实体；双方共建5大类23个项目，编制5年产业规划。',
  },
  {
    name: '水生植物生产基地', soe: '武汉农业集团', zone: '白塘片区',
    mode: 'AGRI_FOR_AGRI', method: 'DIRECT_INVESTMENT', outcomeArea: 'INDUSTRY_BASE', batch: 'INDUSTRY', status: 'IN_PROGRESS',
    jointVenture: BAITANG_JV,
    sourceNote: '来源：农业集团联合武汉旅游体育集团，在黄陂区白塘片区等地成立村企合资公司，建设水生植物生产基地。',
  },
  {
    name: '珍稀食用菌工厂化种植示范园', soe: '武汉农业集团', zone: '白塘片区',
    mode: 'AGRI_FOR_AGRI', method: 'DIRECT_INVESTMENT', outcomeArea: 'INDUSTRY_BASE', batch: 'INDUSTRY', status: 'IN_PROGRESS',
    jointVenture: BAITANG_JV,
    sourceNote: '来源：在“黄陂区白塘片区等地”成立村企合资公司，建设珍稀食用菌工厂化种植示范园。',
  },
  {
    name: '国企联村人才培训云课堂', soe: '武汉农业集团', zone: null,
    mode: 'AGRI_FOR_AGRI', method: 'DIRECT_INVESTMENT', outcomeArea: 'FARMER_INCOME', batch: 'TALENT', status: 'IN_PROGRESS',
    description: '线上课堂，专家指导种植户用苗与种植技术。',
    sourceNote: '来源：开设“国企联村人才培训”云课堂，由专家培训种植户用苗、种植技术。',
  },
  {
    name: '红色文化“五个一”体验街', soe: '武汉产业投资集团', zone: '姚家山片区', village: '姚家山村',
    mode: 'OTHER', method: 'RESOURCE_REVITALIZATION', outcomeArea: 'INDUSTRY_BASE', batch: 'CULTURE', status: 'COMPLETED',
    description: '读一本红色书籍、看一部红色电影、学一首红色歌曲、体验一项传统手艺、吃一顿红军餐。',
    sourceNote: '来源：在大别山南麓的偏远村姚家山村打造红色文化“五个一”体验街（读红色书、看红色电影、学红色歌曲、体验传统手艺、吃红军餐）。',
  },
  {
    name: '特色产业信贷支持（星光片区）', soe: '武汉农商行', zone: '星光片区',
    mode: 'LOANS_FOR_INVESTORS', method: 'CREDIT_SUPPORT', outcomeArea: 'INDUSTRY_BASE', batch: 'INDUSTRY', status: 'IN_PROGRESS',
    description: '信贷支持蓝莓、黄酒等特色产业。', sourceNote: LOANS,
  },
  {
    name: '特色产业信贷支持（许桥片区）', soe: '武汉农商行', zone: '许桥片区',
    mode: 'LOANS_FOR_INVESTORS', method: 'CREDIT_SUPPORT', outcomeArea: 'INDUSTRY_BASE', batch: 'INDUSTRY', status: 'IN_PROGRESS',
    description: '信贷支持蓝莓、黄酒等特色产业。', sourceNote: LOANS,
  },
  {
    name: '金融村官驻村', soe: '武汉农商行', zone: null,
    mode: 'LOANS_FOR_INVESTORS', method: 'CREDIT_SUPPORT', outcomeArea: 'GOVERNANCE', batch: 'TALENT', status: 'IN_PROGRESS',
    sourceNote: '来源：农商行向结对片区选派“金融村官”驻村。',
  },
  {
    name: '金融知识与反电诈宣传', soe: '武汉农商行', zone: null,
    mode: 'LOANS_FOR_INVESTORS', method: 'CREDIT_SUPPORT', outcomeArea: 'PUBLIC_SERVICES', batch: 'CULTURE', status: 'IN_PROGRESS',
    sourceNote: '来源：农商行在结对片区开展金融知识普及和反电信诈骗宣传。',
  },
  {
    name: '甘露山文旅城', soe: '武汉城建集团', zone: '甘露山片区',
    mode: 'BUILD_FOR_FARMERS', method: 'DIRECT_INVESTMENT', outcomeArea: 'FARMER_INCOME', batch: 'INDUSTRY', status: 'IN_PROGRESS',
    sourceNote: '来源：黄陂区甘露山文旅城项目直接带动就业3万人。',
  },
  {
    name: '徐古香菇农超对接', soe: '武汉商贸集团', zone: '徐古片区',
    mode: 'COMMERCE_LINKS_FARMS', method: 'SALES_DRIVEN', outcomeArea: 'FARMER_INCOME', batch: 'INDUSTRY', status: 'IN_PROGRESS',
    description: `新洲徐古香菇${WUSHANG}`,
    sourceNote: '来源：商贸集团推动新洲徐古香菇农超对接，打造“武商优选”定制品牌；采购农产品超过500万元（与三店宋桃合计）。',
  },
  {
    name: '三店宋桃农超对接', soe: '武汉商贸集团', zone: '三店片区',
    mode: 'COMMERCE_LINKS_FARMS', method: 'SALES_DRIVEN', outcomeArea: 'FARMER_INCOME', batch: 'INDUSTRY', status: 'IN_PROGRESS',
    description: `新洲三店宋桃${WUSHANG}`,
    sourceNote: '来源：商贸集团推动新洲三店宋桃农超对接，打造“武商优选”定制品牌；采购农产品超过500万元（与徐古香菇合计）。',
  },
  {
    name: '龙家畈湾民宿集群', soe: '武汉旅游体育集团', zone: '童周岭片区',
    mode: 'OTHER', method: 'DIRECT_INVESTMENT', outcomeArea: 'INDUSTRY_BASE', batch: 'INDUSTRY', status: 'COMPLETED',
    jointVenture: '旅体集团与童周岭片区联合党委合资公司（来源未载名称）',
    sourceNote: '来源：旅体集团与童周岭片区联合党委成立合资公司，打造龙家畈湾民宿集群；昔日“空心村”成为旅游景点，村民回流。',
  },
  {
    name: '全域成景行动', soe: '武汉旅游体育集团', zone: '童周岭片区',
    mode: 'OTHER', method: 'RESOURCE_REVITALIZATION', outcomeArea: 'FARMER_INCOME', batch: 'INDUSTRY', status: 'IN_PROGRESS',
    sourceNote: '来源：旅体集团在童周岭片区开展“全域成景行动”。',
  },
  {
    name: '美丽村湾示范建设', soe: '湖北省港口集团', zone: '金口片区',
    mode: 'OTHER', method: 'DIRECT_INVESTMENT', outcomeArea: 'PUBLIC_SERVICES', batch: 'PUBLIC_FACILITY', status: 'IN_PROGRESS',
    sourceNote: '来源：湖北省港口集团在江夏区金口街开展“美丽村湾”示范建设。',
  },
  {
    name: '基础设施项目批次', soe: '湖北省港口集团', zone: '金口片区',
    mode: 'OTHER', method: 'DIRECT_INVESTMENT', outcomeArea: 'PUBLIC_SERVICES', batch: 'PUBLIC_FACILITY', status: 'PREPARING',
    sourceNote: '来源：湖北省港口集团在江夏区金口街的一批基础设施项目获批（报道时尚未建设）。',
  },
  {
    name: '第八届知音故里油菜花节', soe: '武汉文投集团', zone: '消泗片区',
    mode: 'OTHER', method: 'RESOURCE_REVITALIZATION', outcomeArea: 'FARMER_INCOME', batch: 'CULTURE', status: 'COMPLETED',
    sourceNote: '来源：武汉文投集团在蔡甸区消泗乡举办第八届知音故里油菜花节，直播首小时观看30万人次。',
  },
];

/** The time the source reports, in its own words: it states no date. */
export const FIRST_YEAR_TEXT = '行动首年';
const AS_OF_NOTE = '日期取行动首年年末：来源报道的是首年情况，未给出统计日期。';

/** The first phase's name, as the migration that introduced phases names it too. */
export const FIRST_PHASE_NAME = '第一个五年行动（2021–2025）';
export const FIRST_PHASE_NAME_EN = 'First five-year action (2021–2025)';

/** Fact projects (with their named villages), program targets and reported figures. */
export function addFactProjects(data: SeedData) {
  for (const p of FACT_PROJECTS) {
    const row = add(data.projects, {
      name: p.name, soeId: byName(data.soes, p.soe).id, zoneId: p.zone ? byName(data.zones, p.zone).id : null,
      mode: p.mode, method: p.method, outcomeArea: p.outcomeArea, batch: p.batch, status: p.status,
      plannedInvestment: null, startDate: p.startDate ? day(p.startDate) : null, endDate: null,
      jointVenture: p.jointVenture ?? null, description: p.description ?? null, sourceId: F, sourceNote: p.sourceNote,
    });
    if (p.village) data.projectVillages.push({ projectId: row.id, villageId: byName(data.villages, p.village).id });
  }
  // The first phase, the five-year action 2021–2025 (docs/program.md). No later phase is seeded:
  // the source sets none, and made-up targets would stand on the dashboard as the program's.
  const phase = add(data.phases, { name: FIRST_PHASE_NAME, nameEn: FIRST_PHASE_NAME_EN, startsOn: day('2021-01-01'), endsOn: day('2025-12-31'), sourceId: F });
  add(data.targets, { phaseId: phase.id, metric: 'MODEL_ZONES', comparator: 'AT_LEAST', value: '60', unit: 'zones', sourceId: F });
  add(data.targets, { phaseId: phase.id, metric: 'AVG_VILLAGE_INCOME', comparator: 'ABOVE', value: '500000', unit: 'yuan', sourceId: F });

  const asOf = day('2021-12-31');
  const stat = (metric: ProgramMetric, value: string, scope: object, note: string, isLowerBound = false) =>
    add(data.statistics, { metric, value, isLowerBound, asOf, asOfText: FIRST_YEAR_TEXT, sourceId: F, note: `${note}${AS_OF_NOTE}`, ...scope });
  stat('SOE_PARTY_COMMITTEES', '15', {}, '参与的市属国企党委数。');
  stat('PAIRED_JOINT_COMMITTEES', '40', {}, '与之结对的农村联合党委数。');
  stat('PROJECTS', '56', {}, '已实施或正在筹备的项目数。');
  stat('RURAL_BENEFICIARIES', '306854', {}, '受益农村人口。');
  stat('FUNCTIONAL_JOINT_COMMITTEES', '314', {}, '全市成立的功能型农村联合党委数。');
  const zone = { zoneId: byName(data.zones, '民主片区').id };
  stat('CO_CONSTRUCTION_PROJECTS', '23', zone, '农业集团与民主片区共建项目数。');
  stat('CO_CONSTRUCTION_CATEGORIES', '5', zone, '农业集团与民主片区共建项目的类别数。');
  stat('LOANS_YUAN', '30000000', { soeId: byName(data.soes, '武汉农商行').id }, '星光、许桥两片区蓝莓、黄酒产业贷款合计（元）。');
  stat('JOBS_CREATED', '30000', { projectId: byName(data.projects, '甘露山文旅城').id }, '甘露山文旅城直接带动就业人数。');
  stat('FARM_PURCHASES_YUAN', '5000000', { soeId: byName(data.soes, '武汉商贸集团').id }, '来源称采购农产品“超过”500万元（元）。', true);
  stat('LIVESTREAM_VIEWERS_FIRST_HOUR', '300000', { projectId: byName(data.projects, '第八届知音故里油菜花节').id }, '油菜花节直播首小时观看人次。');
}
