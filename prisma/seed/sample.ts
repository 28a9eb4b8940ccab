// Layer (b): synthetic SOEs, zones, villages and pairings, all pointing at the sample source.
import type { SoeCategory } from '../../lib/db/generated/client';
import { ALL_MECHANISMS, add, byName, day, SAMPLE_SOURCE_ID, type SeedData } from './data';
import { personNames, villageNames } from './names';
import { createRng } from './random';

const D = SAMPLE_SOURCE_ID;
const SAMPLE_NOTE = '示例数据（合成），来源未载。';

/** The sample village the second village-committee account belongs to. */
export const SAMPLE_ACCOUNT_VILLAGE = '桃园村';

const SAMPLE_SOES: [string, string, string, SoeCategory][] = [
  ['武汉地铁集团', '地铁集团', 'Wuhan Metro Group', 'TRANSPORT'],
  ['武汉水务集团', '水务集团', 'Wuhan Water Group', 'UTILITIES'],
  ['武汉金融控股集团', '金控集团', 'Wuhan Financial Holdings Group', 'FINANCE'],
  ['武汉地产集团', '地产集团', 'Wuhan Real Estate Group', 'CONSTRUCTION'],
  ['武汉国资运营公司', '国资运营', 'Wuhan State Capital Operation Company', 'INVESTMENT'],
  ['武汉长江新区集团', '长江新区集团', 'Wuhan Yangtze New Area Group', 'CONSTRUCTION'],
  ['武汉港航发展集团', '港航集团', 'Wuhan Port & Shipping Development Group', 'LOGISTICS'],
  ['武汉生态环境投资集团', '生态环境集团', 'Wuhan Eco-Environment Investment Group', 'UTILITIES'],
];

// [district, township, kind, zone] — 29 model zones over the seven districts.
const MODEL_ZONES = [
  ['黄陂区', '木兰乡', 'TOWNSHIP', '木兰山片区'],
  ['新洲区', '李集街', 'STREET', '李集东片区'],
  ['新洲区', '汪集街', 'STREET', '汪集湖畔片区'],
  ['新洲区', '双柳街', 'STREET', '双柳滨江片区'],
  ['新洲区', '旧街街', 'STREET', '道观河片区'],
  ['新洲区', '仓埠街', 'STREET', '仓埠紫薇片区'],
  ['黄陂区', '蔡店街', 'STREET', '清凉寨片区'],
  ['黄陂区', '长轩岭街', 'STREET', '长轩岭片区'],
  ['黄陂区', '王家河街', 'STREET', '王家河片区'],
  ['黄陂区', '李家集街', 'STREET', '李家集片区'],
  ['蔡甸区', '侏儒山街', 'STREET', '侏儒山片区'],
  ['蔡甸区', '索河街', 'STREET', '索河片区'],
  ['蔡甸区', '张湾街', 'STREET', '九真山片区'],
  ['蔡甸区', '玉贤街', 'STREET', '玉贤片区'],
  ['江夏区', '山坡街', 'STREET', '山坡片区'],
  ['江夏区', '湖泗街', 'STREET', '湖泗片区'],
  ['江夏区', '舒安街', 'STREET', '舒安片区'],
  ['江夏区', '法泗街', 'STREET', '法泗片区'],
  ['江夏区', '安山街', 'STREET', '安山片区'],
  ['东西湖区', '柏泉街', 'STREET', '柏泉片区'],
  ['东西湖区', '辛安渡街', 'STREET', '辛安渡片区'],
  ['东西湖区', '走马岭街', 'STREET', '走马岭片区'],
  ['东西湖区', '东山街', 'STREET', '东山片区'],
  ['汉南区', '邓南街', 'STREET', '邓南片区'],
  ['汉南区', '东荆街', 'STREET', '东荆片区'],
  ['汉南区', '湘口街', 'STREET', '湘口片区'],
  ['洪山区', '天兴乡', 'TOWNSHIP', '天兴洲片区'],
  ['洪山区', '九峰街', 'STREET', '九峰片区'],
  ['洪山区', '左岭街', 'STREET', '左岭片区'],
] as const;

// Model zones per SOE (29 in all); a few zones get a second SOE.
const PAIRING_PLAN: [string, number][] = [
  ...SAMPLE_SOES.map(([name]): [string, number] => [name, 3]),
  ['武汉产业投资集团', 1], ['武汉城建集团', 1], ['武汉文投集团', 1], ['武汉商贸集团', 1], ['武汉农商行', 1],
];
// Indexes 1, 8, 15 of the shuffled zones belong to 地铁, 金控 and 长江新区: each gets a different second SOE.
const SECOND_PAIRINGS = ['武汉农业集团', '武汉地铁集团', '武汉金融控股集团'];

export function addSamplePlaces(data: SeedData) {
  const rng = createRng(0x5eed_0b01);
  const person = personNames(rng);
  const village = villageNames(rng, data.villages.map((v) => v.name));

  for (const [name, shortName, nameEn, category] of SAMPLE_SOES) {
    add(data.soes, { name, shortName, nameEn, category, level: 'MUNICIPAL', sourceId: D, sourceNote: SAMPLE_NOTE });
  }
  // Every SOE's liaison team lead is a sample name, fact SOEs included (the source names none).
  for (const soe of data.soes) soe.liaisonLead = person();

  const factZoneCount = data.zones.length;
  for (const [district, township, kind, name] of MODEL_ZONES) {
    const districtId = byName(data.districts, district).id;
    const t = add(data.townships, { districtId, name: township, kind, sourceId: D });
    add(data.zones, {
      name, districtId, townshipId: t.id, secretary: person(), firstSecretary: person(),
      mechanisms: [...ALL_MECHANISMS], sourceId: D, sourceNote: SAMPLE_NOTE,
    });
  }

  // Villages: 民主片区 has exactly five (毛家冲村 and four more), every other zone 3–6.
  for (const zone of data.zones) {
    const existing = data.villages.filter((v) => v.zoneId === zone.id).length;
    const count = zone.name === '民主片区' ? 5 : rng.int(Math.max(3, existing + 2), 6);
    for (let i = existing; i < count; i++) {
      const fixed = zone.id === factZoneCount + 1 && i === 0 ? SAMPLE_ACCOUNT_VILLAGE : undefined;
      const population = rng.int(800, 4000);
      const households = Math.round((population / 3.2) * (0.94 + rng.next() * 0.12));
      add(data.villages, { zoneId: zone.id, name: village(fixed), population, households, sourceId: D, sourceNote: SAMPLE_NOTE });
    }
  }

  const modelZones = rng.shuffle(data.zones.slice(factZoneCount));
  let next = 0;
  const pair = (soe: string, zoneId: number) =>
    add(data.pairings, {
      soeId: byName(data.soes, soe).id, zoneId, since: day(`202${rng.int(1, 2)}-0${rng.int(1, 9)}-01`),
      sourceId: D, sourceNote: SAMPLE_NOTE,
    });
  for (const [soe, count] of PAIRING_PLAN) {
    for (let i = 0; i < count; i++) pair(soe, (modelZones[next++] as (typeof modelZones)[number]).id);
  }
  SECOND_PAIRINGS.forEach((soe, i) => pair(soe, (modelZones[i * 7 + 1] as (typeof modelZones)[number]).id));
}
