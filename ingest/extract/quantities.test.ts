import { describe, expect, it } from 'vitest';
import { quantities } from './quantities.ts';

const read = (s: string) => quantities(s).map((q) => [q.value, q.unit]);

describe('quantities', () => {
  it('reads Chinese numerals with 万/亿 inside and decimals with 点', () => {
    expect(read('全年税收完成三十八亿六千万元')).toEqual([[38.6, '亿元']]);
    expect(read('蔬菜产量九万三千吨')).toEqual([[9.3, '万吨']]);
    expect(read('新建果园二点五万亩')).toEqual([[2.5, '万亩']]);
    expect(read('安排专项资金两千万元')).toEqual([[2000, '万元']]);
    expect(read('新增就业三千七百人')).toEqual([[3700, '人']]);
  });

  it('reads 百分之X, Arabic with 万/亿 before any unit, ranges and masks', () => {
    expect(read('增长百分之六点五')).toEqual([[6.5, '%']]);
    expect(read('增长百分之十二以上')).toEqual([[12, '%']]);
    expect(read('新增3.6万辆')).toEqual([[3.6, '万辆']]);
    expect(read('建成2-3所')).toEqual([[2, '所']]);
    expect(quantities('增长x.x%，达到xx亿元').map((q) => [q.value, q.unit, q.redacted])).toEqual([
      [null, '%', true],
      [null, '亿元', true],
    ]);
    // Masks written with × or ** are masks too; a × between digits and a lone * are not.
    expect(quantities('增长×.×%，完成×××亿元，新增**家').map((q) => [q.value, q.unit, q.redacted])).toEqual([
      [null, '%', true],
      [null, '亿元', true],
      [null, '家', true],
    ]);
    expect(read('建成3×4米展台，新增*5家')).toEqual([[4, '米'], [5, '家']]);
  });

  it('reads the idioms of goals: 翻一番, 翻两番, 百亿级, 三大百亿产业', () => {
    expect(read('税收翻一番')).toEqual([[2, '倍']]);
    expect(read('产值翻两番')).toEqual([[4, '倍']]);
    expect(read('培育千亿级产业集群')).toEqual([[1000, '亿级']]);
    expect(read('打造两大百亿产业')).toEqual([[100, '亿级']]);
    expect(read('培育50亿级企业')).toEqual([[50, '亿级']]);
  });

  it('does not read codes, ordinals or dates as quantities', () => {
    expect(read('建设5G网络')).toEqual([]);
    expect(read('第一，三大攻坚战')).toEqual([]);
    expect(read('2023年3月')).toEqual([]);
  });
});
