import { describe, expect, it } from 'vitest';
import { moneyScale, moneyTick, moneyWithUnit } from '../../components/dashboard/chart-scale';
import { isFewVillages } from '../../lib/dashboard/links';

// Chart axes count money in the unit that fits (issue 16: never "22000万" or "220000k").
describe('money on chart axes and tooltips', () => {
  it('uses 亿 from 100 million yuan and 万 below, in Chinese', () => {
    const big = moneyScale(2.2e9, 'zh-CN');
    expect(moneyTick(big, 2.2e9)).toBe('22亿');
    expect(moneyTick(big, 2.5e8)).toBe('2.5亿');
    expect(moneyWithUnit(big, 2.345e8)).toBe('2.35 亿元');
    const small = moneyScale(600_000, 'zh-CN');
    expect(moneyTick(small, 500_000)).toBe('50万');
  });

  it('uses millions and billions in English, never thousands of thousands', () => {
    expect(moneyTick(moneyScale(2.2e9, 'en'), 2.2e9)).toBe('2.2B');
    const m = moneyScale(2.2e8, 'en');
    expect(moneyTick(m, 2.2e8)).toBe('220M');
    expect(moneyWithUnit(m, 1_234_567)).toBe('1.23M yuan');
    expect(moneyTick(moneyScale(600_000, 'en'), 500_000)).toBe('500k');
  });

  it('calls a year few-villaged when fewer than half its villages reported', () => {
    expect(isFewVillages(1, 179)).toBe(true);
    expect(isFewVillages(176, 179)).toBe(false);
    expect(isFewVillages(0, 0)).toBe(false);
  });
});
