import { describe, expect, it } from 'vitest';
import { parseCount, parsePercent, parseYear, parseYuan, unitOfHeader } from '../../lib/amounts';
import { excelSerialDate, parseDate, parseMonth } from '../../lib/dates';

describe('parseYuan', () => {
  it('reads amounts as clerks type them, exactly', () => {
    expect(parseYuan('1,234.5')).toBe('1234.5');
    expect(parseYuan('¥8,000元')).toBe('8000');
    expect(parseYuan('￥８，０００．５０')).toBe('8000.5');
    expect(parseYuan('52万元')).toBe('520000');
    expect(parseYuan('52.123456万')).toBe('521234.56');
    expect(parseYuan('81.1', { defaultUnit: '万元' })).toBe('811000');
    expect(parseYuan('811000元', { defaultUnit: '万元' })).toBe('811000');
    expect(parseYuan('0.1')).toBe('0.1');
    expect(parseYuan('-12.30')).toBe('-12.3');
    expect(parseYuan('99999999999999.99')).toBe('99999999999999.99');
  });
  it('rounds float noise from formula results to cents, and never guesses a typed third decimal', () => {
    expect(parseYuan('500000.67000000004')).toBe('500000.67');
    expect(parseYuan('0.30000000000000004')).toBe('0.3');
    expect(parseYuan('1234.5649999999999')).toBe('1234.56');
    expect(parseYuan('1e-7')).toBe('0');
    expect(parseYuan('1.234')).toBeNull();
  });
  it('refuses what is no amount', () => {
    for (const bad of ['', '约50万', '1,23', 'abc', '12.3.4', '#DIV/0!', '五十万']) expect(parseYuan(bad)).toBeNull();
  });
  it('finds the unit a header names', () => {
    expect(unitOfHeader('村集体经济收入（万元）')).toBe('万元');
    expect(unitOfHeader('计划投资(元)')).toBe('元');
    expect(unitOfHeader('人口')).toBeUndefined();
  });
});

describe('counts and years', () => {
  it('reads "1,200", "1200人" and a formula noise as a whole count', () => {
    expect(parseCount('1,200')).toBe('1200');
    expect(parseCount('1200人')).toBe('1200');
    expect(parseCount('３８０户')).toBe('380');
    expect(parseCount('1200.0000000001')).toBe('1200');
    expect(parseCount('12.5')).toBeNull();
    expect(parseCount('-3')).toBeNull();
  });
  it('reads "2024年"', () => {
    expect(parseYear('2024年')).toBe('2024');
    expect(parseYear('２０２４')).toBe('2024');
    expect(parseYear('24')).toBeNull();
  });
});

describe('parseDate', () => {
  it('reads the ways Chinese offices write a date', () => {
    for (const text of ['2025/3/1', '2025-3-1', '2025.3.1', '2025年3月1日', '2025-03-01', '20250301', '2025/3/1 0:00:00', '２０２５／３／１', '45717']) {
      expect(parseDate(text), text).toBe('2025-03-01');
    }
    expect(excelSerialDate(45717)).toBe('2025-03-01');
  });
  it('refuses impossible dates and what is no date', () => {
    for (const text of ['2025/2/30', '2025/13/1', '3/1/2025', '明年', '']) expect(parseDate(text), text).toBeNull();
  });
});

describe('months and percentages (the update import)', () => {
  it('reads a month as liaisons write it, or as Excel keeps a month typed into a cell (its first day)', () => {
    for (const text of ['2025-10', '2025/10', '2025.10', '2025年10月', '2025年10月份', '202510', '2025-10-01', '2025/10/1', '２０２５年１０月']) expect(parseMonth(text), text).toBe('2025-10');
    expect(parseMonth('2025-3')).toBe('2025-03');
    for (const text of ['2025-13', '2025-00', '2025', 'abc', '2025-02-30']) expect(parseMonth(text), text).toBeNull();
  });
  it('reads a whole percentage with or without its sign; a fraction is no whole percentage', () => {
    expect(parsePercent('35')).toBe('35');
    expect(parsePercent('35%')).toBe('35');
    expect(parsePercent('３５％')).toBe('35');
    expect(parsePercent('100%')).toBe('100');
    expect(parsePercent('0.35')).toBeNull();
    expect(parsePercent('abc')).toBeNull();
  });
});
