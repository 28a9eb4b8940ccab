import { describe, expect, it } from 'vitest';
import { forecastReachDate, latestCompleteYear, meets, progress, trajectoryAt, trajectoryPoints } from '../../lib/metrics/trajectory';
import { exceedsPopulation, isIncomeJump } from '../../lib/metrics/quality';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const START = d('2021-01-01');
const DEADLINE = d('2025-12-31');

describe('trajectory to 60 model zones', () => {
  it('runs straight from 0 at the start to the target at the deadline', () => {
    expect(trajectoryAt(START, DEADLINE, 60, START)).toBe(0);
    expect(trajectoryAt(START, DEADLINE, 60, DEADLINE)).toBe(60);
    // 2023-07-02 is half of the 1,825 days.
    expect(trajectoryAt(START, DEADLINE, 60, d('2023-07-02'))).toBeCloseTo(30, 1);
  });

  it('clamps before the start and after the deadline', () => {
    expect(trajectoryAt(START, DEADLINE, 60, d('2020-06-01'))).toBe(0);
    expect(trajectoryAt(START, DEADLINE, 60, d('2026-11-28'))).toBe(60);
  });

  it('treats a deadline at or before the start as already due', () => {
    expect(trajectoryAt(START, START, 60, START)).toBe(60);
  });

  it('has a point per month and ends on the target', () => {
    const points = trajectoryPoints(START, DEADLINE, 60);
    expect(points).toHaveLength(61);
    expect(points[0]).toEqual({ date: START, value: 0 });
    expect(points.at(-1)).toEqual({ date: DEADLINE, value: 60 });
  });
});

describe('forecast of the date the pace reaches the target', () => {
  it('carries the average pace since the start forward', () => {
    // 30 zones in the first 730 days: 60 needs another 730 days (2024 has 366).
    const now = d('2023-01-01');
    expect(forecastReachDate([{ date: d('2022-06-01'), value: 30 }], 60, START, now)).toEqual(d('2024-12-31'));
    // 7 zones in 730 days: 53 more take 5,527.1… days, rounded up to 5,528.
    expect(forecastReachDate([{ date: d('2022-06-01'), value: 7 }], 60, START, now)).toEqual(new Date(now.getTime() + 5528 * 86_400_000));
  });

  it('returns the date the target was first met when it already is', () => {
    const history = [
      { date: d('2024-03-01'), value: 59 },
      { date: d('2024-05-01'), value: 61 },
      { date: d('2024-04-01'), value: 60 },
    ];
    expect(forecastReachDate(history, 60, START, d('2025-01-01'))).toEqual(d('2024-04-01'));
  });

  it('has no forecast without data or without progress', () => {
    expect(forecastReachDate([], 60, START, d('2023-01-01'))).toBeNull();
    expect(forecastReachDate([{ date: d('2022-01-01'), value: 0 }], 60, START, d('2023-01-01'))).toBeNull();
    expect(forecastReachDate([{ date: d('2022-01-01'), value: 5 }], 60, START, START)).toBeNull();
  });

  it('still forecasts after the deadline has passed (a date past the deadline)', () => {
    const now = d('2026-01-01');
    const date = forecastReachDate([{ date: d('2025-12-01'), value: 44 }], 60, START, now)!;
    expect(date > DEADLINE).toBe(true);
    // 44 in 1,826 days → 16 more take exactly 664 days.
    expect(date).toEqual(new Date(now.getTime() + 664 * 86_400_000));
  });
});

describe('progress and thresholds', () => {
  it('reports the share reached, clamped', () => {
    expect(progress(45, 60)).toBe(0.75);
    expect(progress(75, 60)).toBe(1);
    expect(progress(-1, 60)).toBe(0);
    expect(progress(0, 0)).toBe(1);
  });

  it('distinguishes "at least" from "above"', () => {
    expect(meets(60, 60, false)).toBe(true);
    expect(meets(500_000, 500_000, true)).toBe(false);
    expect(meets(500_000.01, 500_000, true)).toBe(true);
  });

  it('takes the last ended calendar year as the latest complete one', () => {
    expect(latestCompleteYear(d('2026-11-28'))).toBe(2025);
    expect(latestCompleteYear(d('2026-01-01'))).toBe(2025);
  });
});

describe('data quality flags', () => {
  it('flags incomes that jump more than 5× either way', () => {
    expect(isIncomeJump(100_000, 500_000)).toBe(false);
    expect(isIncomeJump(100_000, 500_001)).toBe(true);
    expect(isIncomeJump(500_001, 100_000)).toBe(true);
    expect(isIncomeJump(null, 9e9)).toBe(false);
    expect(isIncomeJump(0, 10)).toBe(false);
  });

  it('flags beneficiaries above a village population', () => {
    expect(exceedsPopulation(1001, 1000)).toBe(true);
    expect(exceedsPopulation(1000, 1000)).toBe(false);
    expect(exceedsPopulation(5, null)).toBe(false);
  });
});
