// Sample village collective income, 2021–2025, in exact fen; with the oddities the dashboard should flag.
import { add, SAMPLE_SOURCE_ID, yuan, type SeedData } from './data';
import { createRng } from './random';

export const INCOME_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

export function addIncomes(data: SeedData) {
  const rng = createRng(0x5eed_0b02);
  const sampleVillages = data.villages.filter((v) => v.sourceId === SAMPLE_SOURCE_ID);
  const pickedOdd = rng.shuffle(sampleVillages).slice(0, 4).map((v) => v.id);
  const [jumpVillageId, ...missing2025] = pickedOdd as [number, number, number, number];
  // Three villages have not reported 2025 yet.

  for (const village of data.villages) {
    // 2021: mostly 150,000–390,000 yuan, a few richer villages up to 600,000.
    const base = rng.chance(0.08) ? 420_000 + 180_000 * rng.next() : 150_000 + 240_000 * ((rng.next() + rng.next()) / 2);
    let fen = Math.round(base * 100);
    // 8–25 % a year; poorer villages catch up faster.
    const catchUp = 0.25 - (0.17 * (base - 150_000)) / 450_000 + (rng.next() - 0.5) * 0.06;
    const trend = clamp(0.25 * (0.08 + rng.next() * 0.17) + 0.75 * catchUp);
    for (const year of INCOME_YEARS) {
      if (year > 2021) {
        const noisy = clamp(trend + (rng.next() - 0.5) * 0.06);
        fen = Math.round(fen * (1 + noisy));
      }
      if (year === 2025 && missing2025.includes(village.id)) continue;
      // A data-entry slip: one extra digit in one year (a >5× jump, then back down).
      const amount = village.id === jumpVillageId && year === 2023 ? fen * 10 : fen;
      add(data.incomes, { villageId: village.id, year, amount: yuan(amount), sourceId: SAMPLE_SOURCE_ID });
    }
  }
}

const clamp = (rate: number) => Math.min(0.25, Math.max(0.08, rate));
