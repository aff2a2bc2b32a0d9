import { describe, expect, it } from 'vitest';
import { findDate } from './dates.js';
import { chineseNumeral, findFigures } from './numbers.js';
import type { Mapped } from './text.js';

const mapped = (text: string): Mapped => ({ text, map: [...text].map((_, i) => i) });
const figures = (text: string) => findFigures(mapped(text)).map((f) => [f.value, f.unit, f.approximate]);

describe('figures and dates as printed', () => {
  it('reads Chinese numerals', () => {
    expect(chineseNumeral('十七')).toBe(17);
    expect(chineseNumeral('两千三百')).toBe(2300);
    expect(chineseNumeral('一万二千')).toBe(12000);
    expect(chineseNumeral('百')).toBe(100);
    expect(chineseNumeral('十x')).toBeNull();
  });

  it('handles 万, 余, 多, 近 and %', () => {
    expect(figures('工会会员17.9万余人')).toEqual([[179000, '人', true]]);
    expect(figures('首批1万斤西瓜')).toEqual([[10000, '斤', false]]);
    expect(figures('30多家优秀企业')).toEqual([[30, '家', true]]);
    expect(figures('近百人参加')).toEqual([[100, '人', true]]);
    expect(figures('比例达到近96%')).toEqual([[96, '%', true]]);
    expect(figures('两年覆盖3万职工')).toEqual([[30000, null, false]]);
  });

  it('leaves out dates, years, ordinals, ranks, thresholds, durations and quoted names', () => {
    expect(figures('6月18日至19日,第十七次代表大会,2023年度,3号线10标,前8名,百人以上单位,为期两天,“五个好”,一名干部')).toEqual([]);
  });

  it('says what a figure counts', () => {
    const [unions, employers] = findFigures(mapped('现有基层工会组织1793个,覆盖企业8327家'));
    expect(unions?.counts).toBe('基层工会组织');
    expect(employers?.counts).toBe('企业');
  });

  it('keeps a range, a printed year, and no invented year', () => {
    expect(findDate(mapped('6月18日至19日,海淀区'))).toMatchObject({ from: { year: null, month: 6, day: 18 }, to: { month: 6, day: 19 } });
    expect(findDate(mapped('2023年5月30日,在'))).toMatchObject({ from: { year: 2023, month: 5, day: 30 }, to: null });
    expect(findDate(mapped('自2021年4月成立以来'))).toBeNull();
  });
});
