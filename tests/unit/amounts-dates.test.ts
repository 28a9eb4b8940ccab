import { describe, expect, it } from 'vitest';
import { groupDigits, parseCount, parsePercent, parseYear, parseYuan, readYuan, unitOfHeader, yuanForInput } from '../../lib/amounts';
import { excelSerialDate, parseCalendarDate, parseDate, parseMonth, quarterKey } from '../../lib/dates';
import { formatHouseholds, formatPeople, formatQuarter, formatYuanExact } from '../../lib/i18n/format';
import { byPinyin, comparePinyin } from '../../lib/i18n/sort';
import { matchName, normalizeQuery, pinyinKey } from '../../lib/search/match';
import { calendarDate, optionalYuanSchema, yuanSchema } from '../../lib/validation';

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

describe('money as typed in a form (yuanSchema: text beside its unit)', () => {
  const read = (text: string, unit = '万元') => yuanSchema.safeParse({ text, unit });
  it('stores yuan from every notation', () => {
    expect(read('30').data).toBe('300000');
    expect(read('30万').data).toBe('300000');
    expect(read('30万', '元').data).toBe('300000');
    expect(read('300000元').data).toBe('300000');
    expect(read('1,234.5', '元').data).toBe('1234.5');
    expect(read('１２０').data).toBe('1200000');
    expect(read('¥300,000', '元').data).toBe('300000');
    expect(read('￥３０万').data).toBe('300000');
    expect(read('0.5').data).toBe('5000');
    expect(yuanSchema.safeParse('52万元').data).toBe('520000');
    expect(yuanSchema.safeParse('1200').data).toBe('1200');
  });
  it('refuses with a message that says what is wrong', () => {
    const problem = (text: string, unit = '元') => read(text, unit).error?.issues[0]?.message;
    expect(problem('三十万')).toBe('validation.yuanFormat');
    expect(problem('约30万')).toBe('validation.yuanFormat');
    expect(problem('1,23')).toBe('validation.yuanSeparators');
    expect(problem('12,34,567')).toBe('validation.yuanSeparators');
    expect(problem('1.234')).toBe('validation.yuanCents');
    expect(problem('-5')).toBe('validation.notNegative');
    expect(problem('100000000000', '万元')).toBe('validation.yuanTooLarge');
    expect(problem('')).toBe('validation.required');
    expect(yuanSchema.safeParse({ text: '30', unit: '亿元' }).error?.issues[0]?.message).toBe('validation.yuanFormat');
    expect(yuanSchema.safeParse(30).success).toBe(false);
  });
  it('an empty optional money field is null', () => {
    expect(optionalYuanSchema.parse({ text: ' ', unit: '万元' })).toBeNull();
    expect(optionalYuanSchema.parse('')).toBeNull();
    expect(optionalYuanSchema.parse({ text: '30', unit: '万元' })).toBe('300000');
  });
  it('readYuan names the problem', () => {
    expect(readYuan('1.234')).toEqual({ problem: 'yuanCents' });
    expect(readYuan('1.234', { defaultUnit: '万元' })).toEqual({ yuan: '12340' });
  });
  it('shows a stored amount in the field in 万元 when nothing is hidden, else in 元', () => {
    expect(yuanForInput('1200000', '万元')).toEqual({ text: '120', unit: '万元' });
    expect(yuanForInput('1234500', '万元')).toEqual({ text: '123.45', unit: '万元' });
    expect(yuanForInput('1234567.5', '万元')).toEqual({ text: '1234567.5', unit: '元' });
    expect(yuanForInput('523400', '元')).toEqual({ text: '523400', unit: '元' });
    expect(yuanForInput(null, '万元')).toEqual({ text: '', unit: '万元' });
  });
  it('echoes the stored value with grouped digits, exactly', () => {
    expect(groupDigits('300000')).toBe('300,000');
    expect(groupDigits('99999999999999.99')).toBe('99,999,999,999,999.99');
    expect(formatYuanExact('300000', 'zh-CN')).toBe('300,000 元');
    expect(formatYuanExact('1234.5', 'en')).toBe('1,234.5 yuan');
  });
});

describe('dates in forms and imports (one parser)', () => {
  it('reads the four notations, and refuses impossible dates', () => {
    for (const text of ['2025/3/1', '2025-3-1', '2025年3月1日', '2025.3.1', '２０２５年３月１日']) expect(parseCalendarDate(text)?.toISOString(), text).toBe('2025-03-01T00:00:00.000Z');
    expect(parseCalendarDate('2025/2/29')).toBeNull();
    expect(calendarDate.safeParse('2025年2月30日').error?.issues[0]?.message).toBe('validation.dateFormat');
    expect(calendarDate.safeParse('2025.3.1').data?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });
});

describe('how quarters, people and names are shown', () => {
  it('names a quarter as people say it', () => {
    expect(formatQuarter(new Date('2025-10-01T00:00:00Z'), 'zh-CN')).toBe('2025年第四季度');
    expect(formatQuarter(new Date('2026-01-01T00:00:00Z'), 'en')).toBe('Q1 2026');
    expect(quarterKey(new Date('2025-10-01T00:00:00Z'))).toBe('2025-Q4');
  });
  it('counts people with 人 and households with 户', () => {
    expect(formatPeople(1200, 'zh-CN')).toBe('1,200人');
    expect(formatHouseholds('380', 'zh-CN')).toBe('380户');
    expect(formatPeople(1, 'en')).toBe('1 person');
    expect(formatHouseholds(2, 'en')).toBe('2 households');
  });
  it('sorts names in pinyin order, not by character code', () => {
    const names = ['张家湾村', '毛家冲村', '阿湖村', '武湖村', '柏泉片区'];
    expect(byPinyin(names.map((name) => ({ name }))).map((r) => r.name)).toEqual(['阿湖村', '柏泉片区', '毛家冲村', '武湖村', '张家湾村']);
    expect(['第10组', '第2组'].sort(comparePinyin)).toEqual(['第2组', '第10组']);
  });
});

describe('search matching', () => {
  const m = (name: string, q: string) => matchName(pinyinKey(name), normalizeQuery(q));
  it('matches Chinese, pinyin initials, full pinyin and a mix', () => {
    expect(m('毛家冲村', 'mjc')).toBe(1);
    expect(m('毛家冲村', 'MJC')).toBe(1);
    expect(m('毛家冲村', 'maojiachong')).toBe(1);
    expect(m('毛家冲村', 'mao jia')).toBe(1);
    expect(m('毛家冲村', 'maojc')).toBe(1);
    expect(m('毛家冲村', 'jcc')).toBe(2);
    expect(m('毛家冲村', '家冲')).toBe(2);
    expect(m('毛家冲村', '毛家冲村')).toBe(0);
    expect(m('长江新城片区', 'cjxc')).toBe(1);
  });
  it('does not match what is not there', () => {
    expect(m('毛家冲村', 'mjx')).toBeNull();
    expect(m('毛家冲村', 'cm')).toBeNull();
    expect(m('毛家冲村', '冲毛')).toBeNull();
    expect(m('毛家冲村', '')).toBeNull();
  });
});
