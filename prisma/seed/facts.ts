// Layer (a): what the source report states (docs/program.md), each row pointing at it.
import { ALL_MECHANISMS, add, byName, day, FACT_SOURCE_ID, SAMPLE_SOURCE_ID, type SeedData } from './data';

const F = FACT_SOURCE_ID;

export const FACT_SOURCE_CODE = 'zgzzrsb-first-year';
export const SAMPLE_SOURCE_CODE = 'sample';

export const DISTRICTS = [
  ['xinzhou', '新洲区', 'Xinzhou'],
  ['huangpi', '黄陂区', 'Huangpi'],
  ['caidian', '蔡甸区', 'Caidian'],
  ['jiangxia', '江夏区', 'Jiangxia'],
  ['dongxihu', '东西湖区', 'Dongxihu'],
  ['hannan', '汉南区', 'Hannan'],
  ['hongshan', '洪山区', 'Hongshan'],
] as const;

const SOES = [
  {
    name: '武汉农业集团', shortName: '农业集团', nameEn: 'Wuhan Agricultural Group', category: 'AGRICULTURE', nameVerified: false,
    sourceNote: '来源原文中此企业名称文字损坏，“武汉农业集团”是推断的可能名称，待核实。报道：与民主片区联合党委在毛家冲村成立武汉红色原野生态发展有限公司，为行动首个经济实体。',
  },
  {
    name: '武汉旅游体育集团', shortName: '旅体集团', nameEn: 'Wuhan Tourism & Sports Group', category: 'CULTURE_TOURISM',
    sourceNote: '报道：与童周岭片区联合党委成立合资公司，打造龙家畈湾民宿集群，开展“全域成景行动”；与农业集团在黄陂区白塘片区等地成立村企合资公司。',
  },
  {
    name: '武汉产业投资集团', shortName: '产投集团', nameEn: 'Wuhan Industrial Investment Group', category: 'INVESTMENT',
    sourceNote: '报道：在黄陂区姚家山村打造红色文化“五个一”体验街。',
  },
  {
    name: '武汉农商行', shortName: '农商行', nameEn: 'Wuhan Rural Commercial Bank', category: 'FINANCE',
    sourceNote: '报道：在蔡甸区星光片区、黄陂区许桥片区发放贷款共3000万元，支持蓝莓、黄酒产业；选派“金融村官”驻村；开展金融知识与反电诈宣传。',
  },
  {
    name: '武汉城建集团', shortName: '城建集团', nameEn: 'Wuhan Urban Construction Group', category: 'CONSTRUCTION',
    sourceNote: '报道：黄陂区甘露山文旅城项目直接带动就业3万人。',
  },
  {
    name: '武汉商贸集团', shortName: '商贸集团', nameEn: 'Wuhan Commerce & Trade Group', category: 'COMMERCE',
    sourceNote: '报道：新洲徐古香菇、三店宋桃农超对接，打造“武商优选”定制品牌，采购农产品超过500万元。',
  },
  {
    name: '武汉文投集团', shortName: '文投集团', nameEn: 'Wuhan Cultural Investment Group', category: 'CULTURE_TOURISM',
    sourceNote: '报道：在蔡甸区消泗乡举办第八届知音故里油菜花节，直播首小时观看30万人次。（文化投资企业，归入文旅类）',
  },
  {
    name: '湖北省港口集团', shortName: '港口集团', nameEn: 'Hubei Port Group', category: 'LOGISTICS', level: 'PROVINCIAL',
    sourceNote: '报道：省属企业，在江夏区金口街开展“美丽村湾”示范建设，一批基础设施项目获批。',
  },
] as const;

const TOWNSHIPS = [
  ['新洲区', '凤凰镇', 'TOWN'],
  ['新洲区', '徐古镇', 'TOWN'],
  ['新洲区', '三店街', 'STREET'],
  ['江夏区', '金口街', 'STREET'],
  ['蔡甸区', '消泗乡', 'TOWNSHIP'],
] as const;

type FactZone = { name: string; district: string; township?: string; secretary?: string; sourceNote: string };

const LOANS = '来源：武汉农商行在蔡甸区星光片区、黄陂区许桥片区发放贷款共3000万元，支持蓝莓、黄酒产业。';
export const FACT_ZONES: FactZone[] = [
  { name: '民主片区', district: '新洲区', township: '凤凰镇', sourceNote: '来源：新洲区凤凰镇民主片区辖5个村（含毛家冲村）；与农业集团共建5大类23个项目，编制5年产业发展规划。' },
  { name: '白塘片区', district: '黄陂区', sourceNote: '来源：农业集团联合旅体集团在“黄陂区白塘片区等地”成立村企合资公司，建设水生植物生产基地、珍稀食用菌工厂化种植示范园。' },
  { name: '星光片区', district: '蔡甸区', sourceNote: LOANS },
  { name: '许桥片区', district: '黄陂区', sourceNote: LOANS },
  { name: '童周岭片区', district: '江夏区', secretary: '夏宗祥', sourceNote: '来源：旅体集团与童周岭片区联合党委成立合资公司，打造龙家畈湾民宿集群，开展“全域成景行动”，昔日“空心村”变成旅游景点，村民回流；联合党委书记夏宗祥。' },
  { name: '姚家山片区', district: '黄陂区', sourceNote: '来源只点名黄陂区姚家山村（大别山南麓的偏远村），未写其所属片区；片区名由村名推得。' },
  { name: '甘露山片区', district: '黄陂区', sourceNote: '来源点名的是黄陂区“甘露山文旅城”项目，未写片区名；片区名由该地名推得。' },
  { name: '徐古片区', district: '新洲区', township: '徐古镇', sourceNote: '来源只写“新洲徐古”（香菇农超对接）；片区名与“徐古镇”由该地名推得。' },
  { name: '三店片区', district: '新洲区', township: '三店街', sourceNote: '来源只写“三店”（宋桃农超对接）；片区名与“三店街”由该地名推得。' },
  { name: '金口片区', district: '江夏区', township: '金口街', sourceNote: '来源：湖北省港口集团在江夏区金口街开展“美丽村湾”示范建设；片区名由街道名推得。' },
  { name: '消泗片区', district: '蔡甸区', township: '消泗乡', sourceNote: '来源：武汉文投集团在蔡甸区消泗乡举办第八届知音故里油菜花节；片区名由乡名推得。' },
];

const FACT_VILLAGES = [
  ['民主片区', '毛家冲村', '来源：民主片区5个村之一；武汉红色原野生态发展有限公司在此成立。'],
  ['姚家山片区', '姚家山村', '来源：姚家山村地处大别山南麓，是偏远村；产业投资集团在此打造红色文化“五个一”体验街。'],
] as const;

const FIRST_YEAR = '来源只说明结对始于行动首年（2021年），未给出日期；起始日取2021-01-01。';
const FACT_PAIRINGS = [
  ['武汉农业集团', '民主片区', '2021-03-01', '来源：首年3月，与民主片区联合党委在毛家冲村成立武汉红色原野生态发展有限公司；起始日取该月首日。'],
  ['武汉农业集团', '白塘片区', '2021-01-01', `来源：农业集团与旅体集团在白塘片区等地成立村企合资公司。${FIRST_YEAR}`],
  ['武汉旅游体育集团', '白塘片区', '2021-01-01', `来源：旅体集团与农业集团在白塘片区等地成立村企合资公司。${FIRST_YEAR}`],
  ['武汉产业投资集团', '姚家山片区', '2021-01-01', `来源：在黄陂区姚家山村打造红色文化“五个一”体验街。${FIRST_YEAR}`],
  ['武汉农商行', '星光片区', '2021-01-01', `${LOANS}${FIRST_YEAR}`],
  ['武汉农商行', '许桥片区', '2021-01-01', `${LOANS}${FIRST_YEAR}`],
  ['武汉城建集团', '甘露山片区', '2021-01-01', `来源：黄陂区甘露山文旅城直接带动就业3万人。${FIRST_YEAR}`],
  ['武汉商贸集团', '徐古片区', '2021-01-01', `来源：新洲徐古香菇农超对接。${FIRST_YEAR}`],
  ['武汉商贸集团', '三店片区', '2021-01-01', `来源：新洲三店宋桃农超对接。${FIRST_YEAR}`],
  ['武汉旅游体育集团', '童周岭片区', '2021-01-01', `来源：旅体集团与童周岭片区联合党委成立合资公司。${FIRST_YEAR}`],
  ['湖北省港口集团', '金口片区', '2021-01-01', `来源：在江夏区金口街开展“美丽村湾”示范建设。${FIRST_YEAR}`],
  ['武汉文投集团', '消泗片区', '2021-01-01', `来源：在蔡甸区消泗乡举办第八届知音故里油菜花节。${FIRST_YEAR}`],
] as const;

/** The sample layer's source (id SAMPLE_SOURCE_ID): added only when the sample layer is. */
export function addSampleSource(data: SeedData) {
  const row = add(data.sources, {
    code: SAMPLE_SOURCE_CODE,
    title: '示例数据（合成）',
    isSample: true,
    note: '为试用本门户而确定性生成的合成数据，不是事实，不得引用。',
  });
  if (row.id !== SAMPLE_SOURCE_ID) throw new Error(`seed: the sample source has id ${row.id}`);
}

/** The fact source, districts, fact townships, SOEs, zones, villages and pairings. */
export function addFactPlaces(data: SeedData) {
  add(data.sources, {
    code: FACT_SOURCE_CODE,
    title: '《中国组织人事报》转载：武汉“国企联村”行动首年报道',
    publisher: '中国组织人事报',
    isSample: false,
    note: '转载自一篇关于武汉“国企联村”五年行动首年情况的文章；未载明发表日期。',
  });
  for (const [code, name, nameEn] of DISTRICTS) add(data.districts, { code, name, nameEn, sourceId: F });
  for (const [district, name, kind] of TOWNSHIPS) {
    add(data.townships, { districtId: byName(data.districts, district).id, name, kind, sourceId: F });
  }
  for (const soe of SOES) add(data.soes, { level: 'MUNICIPAL', ...soe, sourceId: F });
  for (const z of FACT_ZONES) {
    const districtId = byName(data.districts, z.district).id;
    const township = z.township ? data.townships.find((t) => t.name === z.township && t.districtId === districtId) : undefined;
    add(data.zones, {
      name: z.name, districtId, townshipId: township?.id ?? null, secretary: z.secretary ?? null,
      firstSecretary: null, mechanisms: [...ALL_MECHANISMS], sourceId: F, sourceNote: z.sourceNote,
    });
  }
  for (const [zone, name, sourceNote] of FACT_VILLAGES) {
    add(data.villages, { zoneId: byName(data.zones, zone).id, name, population: null, households: null, sourceId: F, sourceNote });
  }
  for (const [soe, zone, since, sourceNote] of FACT_PAIRINGS) {
    add(data.pairings, {
      soeId: byName(data.soes, soe).id, zoneId: byName(data.zones, zone).id, since: day(since), sourceId: F, sourceNote,
    });
  }
}
