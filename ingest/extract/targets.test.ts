import { describe, expect, it } from 'vitest';
import { targets } from './targets.ts';
import { docOf } from './doc.fixtures.ts';

const run = (s: string[], section: 'plan' | 'review' = 'plan') => targets.run(docOf(s, section)).facts;

describe('targets', () => {
  it('splits a sentence of several goals and reads comparators and growth', () => {
    const { targets: t } = run(['地区生产总值增长8%以上，一般公共预算收入增长7%，到2025年突破70亿元。']);
    expect(t.map((x) => [x.indicatorId, x.value, x.unit, x.comparator])).toEqual([
      ['gdp_growth', 8, '%', '>='],
      ['fiscal_revenue_growth', 7, '%', '='],
      ['fiscal_revenue', 70, '亿元', '>='],
    ]);
    expect(t[0]!.measure).toBe('growth');
    expect(t[2]!.year).toBe(2025);
  });

  it('keeps masked figures as redacted targets', () => {
    const { targets: t } = run(['城镇和农村居民人均可支配收入分别增长x%、x.x%以上。']);
    expect(t).toHaveLength(2);
    expect(t.every((x) => x.redacted && x.value === null && x.indicator.includes('可支配收入'))).toBe(true);
  });

  it('reads Chinese numerals and the counted noun', () => {
    const { targets: t } = run(['每个乡镇至少打造一个市级农业产业园，打造2个省级示范村、46个县级示范村。']);
    expect(t.map((x) => [x.indicator, x.value])).toEqual([
      ['每个乡镇至少打造市级农业产业园', 1],
      ['打造省级示范村', 2],
      ['打造县级示范村', 46],
    ]);
  });

  it('puts review figures in results, not targets', () => {
    const facts = run(['全县地区生产总值完成56.3亿元，同比增长7.2%。'], 'review');
    expect(facts.targets).toEqual([]);
    expect(facts.results.map((x) => x.value)).toEqual([56.3, 7.2]);
  });

  it('skips slogans and figures that modify a noun', () => {
    const { targets: t } = run(['增强“四个意识”，推动总投资30亿元的产业园建设。']);
    expect(t).toEqual([]);
  });
});
