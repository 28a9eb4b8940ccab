import { describe, expect, it } from 'vitest';
import en from '../../lib/i18n/messages/en.json';
import zhCN from '../../lib/i18n/messages/zh-CN.json';
import { translateIssue } from '../../lib/i18n/translator';
import { formatYuan } from '../../lib/i18n/format';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('has every key in both languages', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('has no empty message', () => {
    const empty = (m: unknown) => keys(m).filter((k) => !k.split('.').reduce((o: never, p) => o[p], m as never));
    expect(empty(en)).toEqual([]);
    expect(empty(zhCN)).toEqual([]);
  });

  it('translates validation keys and leaves other messages alone', () => {
    expect(translateIssue('validation.required', 'zh-CN')).toBe('必填。');
    expect(translateIssue('validation.required', 'en')).toBe('Required.');
    expect(translateIssue('Zod said so', 'en')).toBe('Zod said so');
  });
});

describe('money formatting', () => {
  it('counts in 万元 and 亿元 in Chinese, in yuan in English', () => {
    expect(formatYuan('500000', 'zh-CN')).toBe('50 万元');
    expect(formatYuan('30000000', 'zh-CN')).toBe('3,000 万元');
    expect(formatYuan('123456789.12', 'zh-CN')).toBe('1.23 亿元');
    expect(formatYuan('9999.5', 'zh-CN')).toBe('9,999.5 元');
    expect(formatYuan('500000', 'en')).toBe('500,000 yuan');
  });
});
