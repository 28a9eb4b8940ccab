// Sample progress reports for every started project (fact ones too: the reports are sample, the project is not).
import type { UpdateConfirmation } from '../../lib/db/generated/client';
import { add, byName, SAMPLE_SOURCE_ID, LAST_MONTH, monthStart, yuan, type SeedData } from './data';
import type { Schedule } from './sample-projects';
import type { Rng } from './random';

const M = 100_000 * 100; // 0.1 million yuan, in fen

/** Sample schedules for the fact projects: the source dates none but the first (2021-03) and none has a figure. */
function factSchedules(data: SeedData, rng: Rng): Schedule[] {
  const plan = (name: string, startMonth: number, lastMonth: number, finalProgress: number, envelopeFen: number): Schedule => ({
    projectId: byName(data.projects, name).id, startMonth, lastMonth, finalProgress, envelopeFen, cadence: 3, stale: false,
  });
  const open = (name: string, start: number, envelopeM: number) => plan(name, start, LAST_MONTH, rng.int(60, 95), envelopeM * M);
  return [
    open('武汉红色原野生态发展有限公司', 2, 200),
    open('水生植物生产基地', rng.int(3, 8), rng.int(30, 120)),
    open('珍稀食用菌工厂化种植示范园', rng.int(3, 8), rng.int(30, 120)),
    open('国企联村人才培训云课堂', rng.int(3, 8), rng.int(5, 20)),
    // The two credit projects together must stay within the 30 million yuan the source reports.
    open('特色产业信贷支持（星光片区）', rng.int(3, 8), 140),
    open('特色产业信贷支持（许桥片区）', rng.int(3, 8), 120),
    open('金融村官驻村', rng.int(3, 8), 5),
    open('金融知识与反电诈宣传', rng.int(3, 8), 5),
    open('甘露山文旅城', 2, 480),
    open('徐古香菇农超对接', rng.int(3, 8), rng.int(10, 40)),
    open('三店宋桃农超对接', rng.int(3, 8), rng.int(10, 40)),
    open('全域成景行动', rng.int(3, 8), rng.int(50, 150)),
    open('美丽村湾示范建设', rng.int(3, 8), rng.int(50, 150)),
    plan('红色文化“五个一”体验街', 3, rng.int(12, 20), 100, rng.int(10, 40) * M),
    plan('龙家畈湾民宿集群', 3, rng.int(18, 24), 100, rng.int(40, 120) * M),
    plan('第八届知音故里油菜花节', 3, 3, 100, rng.int(3, 10) * M),
  ];
}

const NARRATIVE = {
  early: ['完成选址与方案论证，村企双方召开联席会议明确分工。', '项目前期手续办理中，联村工作队驻点协调。', '片区联合党委议事通过实施方案，启动前期工作。'],
  middle: ['主体建设有序推进，优先吸纳本村劳动力务工。', '兴乡先锋岗党员带头攻坚，完成阶段性任务。', '完成本期建设内容，村集体按股份参与分红测算。'],
  late: ['项目进入收尾阶段，开始试运营。', '设备安装调试完成，首批产品上市销售。', '配套设施基本建成，村民参与日常运营。'],
  done: ['项目全部完工并通过验收，交付村集体运营。'],
  halted: ['因用地审批调整，项目暂停实施，待重新论证。'],
};
const DISPUTES = ['村委会认为本期务工人数与实际不符，请联村工作队核实。', '村集体分红金额与股份经济合作社台账不一致。'];

export function addUpdates(data: SeedData, sampleSchedules: Schedule[], rng: Rng) {
  const schedules = [...factSchedules(data, rng), ...sampleSchedules];
  const ganlushan = byName(data.projects, '甘露山文旅城').id;
  const fresh = schedules.filter((s) => s.lastMonth === LAST_MONTH);
  const disputed = new Set(rng.shuffle(fresh).slice(0, 2).map((s) => s.projectId));
  const pending = new Set(rng.shuffle(fresh).slice(0, 8).map((s) => s.projectId));

  for (const s of schedules) {
    const status = data.projects.find((p) => p.id === s.projectId)!.status;
    const months: number[] = [];
    for (let m = s.startMonth; m <= s.lastMonth; m++) if (s.cadence === 1 || m % 3 === 2 || m === s.lastMonth) months.push(m);
    const weights = months.map(() => 0.5 + rng.next());
    const total = weights.reduce((a, b) => a + b, 0);
    const investFen = Math.floor(s.envelopeFen * (s.finalProgress === 100 ? 0.9 + rng.next() * 0.1 : (s.finalProgress / 100) * (0.8 + rng.next() * 0.2)));
    const jobs = s.projectId === ganlushan ? 32_000 + rng.int(0, 4_000) : Math.max(3, Math.round((s.envelopeFen / 100 / 150_000) * (0.5 + rng.next())));
    const incomeFen = Math.floor(investFen * (0.05 + rng.next() * 0.15));
    let cum = 0;
    months.forEach((m, i) => {
      cum += weights[i] as number;
      const last = i === months.length - 1;
      const share = last ? 1 : cum / total;
      const progressPct = last ? s.finalProgress : Math.max(1, Math.floor(s.finalProgress * share));
      let jobsCreated = Math.round(jobs * share);
      // The source reports 30,000 jobs at the end of the first year.
      if (s.projectId === ganlushan && m >= 11) jobsCreated = Math.max(jobsCreated, 30_000);
      const stage = progressPct === 100 ? 'done' : last && status === 'SUSPENDED' ? 'halted' : progressPct < 30 ? 'early' : progressPct < 75 ? 'middle' : 'late';
      let confirmation: UpdateConfirmation = 'CONFIRMED';
      if (last && disputed.has(s.projectId)) confirmation = 'DISPUTED';
      else if (last && pending.has(s.projectId)) confirmation = 'PENDING';
      add(data.updates, {
        projectId: s.projectId, period: monthStart(m), progressPct,
        investmentToDate: yuan(Math.floor(investFen * share)), jobsCreated,
        incomeToVillages: yuan(Math.floor(incomeFen * Math.max(0, (share - 0.25) / 0.75))),
        narrative: rng.pick(NARRATIVE[stage]), authorId: null, confirmation,
        disputeReason: confirmation === 'DISPUTED' ? (DISPUTES[[...disputed].indexOf(s.projectId)] as string) : null,
        // Posted between the 1st and the 16th of the next month: most by the due day, some late.
        createdAt: new Date(monthStart(m + 1).getTime() + ((s.projectId * 7 + m * 3) % 16) * 86_400_000 + 3_600_000),
        sourceId: SAMPLE_SOURCE_ID,
      });
    });
  }
}
