// Sample layer: what each pairing committed per year, what it delivered where no record shows it,
// and one year's assessment weights. The source states no commitment, so all of it is sample data.
import { add, SAMPLE_SOURCE_ID, yuan, type SeedData } from './data';
import type { createRng } from './random';

/** The years commitments are seeded for: the first phase's full years after the first. */
const YEARS = [2022, 2023, 2024, 2025];

export function addCommitments(data: SeedData, rng: ReturnType<typeof createRng>) {
  for (const pairing of data.pairings) {
    const since = (pairing.since as Date).getUTCFullYear();
    for (const year of YEARS) {
      if (year < since) continue;
      const projects = rng.int(1, 3);
      const investmentWan = rng.int(20, 400) * 5;
      const purchasesWan = rng.chance(0.6) ? rng.int(5, 120) : null;
      const training = rng.int(2, 12);
      const staff = rng.int(1, 4);
      // Delivery of what no record holds: most meet it, some fall short, a past year more fully than the current.
      const rate = () => Math.min(1.2, 0.4 + rng.next() * 0.9);
      add(data.commitments, {
        pairingId: pairing.id, year,
        investment: yuan(investmentWan * 1_000_000), projects, jobs: rng.int(5, 80),
        purchases: purchasesWan === null ? null : yuan(purchasesWan * 1_000_000),
        trainingSessions: training, staffStationed: staff,
        purchasesDone: purchasesWan === null ? null : yuan(Math.round(purchasesWan * rate()) * 1_000_000),
        trainingDone: Math.round(training * rate()), staffDone: Math.min(staff, Math.round(staff * rate())),
        sourceId: SAMPLE_SOURCE_ID,
      });
    }
  }
  add(data.weights, { year: 2025, delivery: 30, accreditation: 20, income: 15, feedback: 10, timeliness: 15, disputes: 10, sourceId: SAMPLE_SOURCE_ID });
}
