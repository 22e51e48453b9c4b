import { describe, expect, it } from 'vitest';
import { convertUnit, indicatorById, indicatorCatalogue, resolveIndicator } from '../../ingest/index.ts';
import { IndicatorLexiconSchema } from '../../ingest/indicators.ts';
import { TargetLexiconSchema } from '../../ingest/extract/target-lexicon.ts';

describe('indicator catalogue', () => {
  it('loads, validated, with stable ids, measures, units and synonyms', () => {
    const all = indicatorCatalogue();
    expect(all.length).toBeGreaterThanOrEqual(80);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(indicatorById('gdp')).toMatchObject({ name: '地区生产总值', measure: 'level', unit: '亿元', growthId: 'gdp_growth' });
    expect(indicatorById('gdp_growth')).toMatchObject({ measure: 'growth', unit: '%', levelOf: 'gdp' });
    expect(indicatorById('urban_income')?.measure).toBe('per_capita');
    expect(indicatorById('rural_income')?.id).toBe('rural_income');
    expect(indicatorById('no_such')).toBeUndefined();
  });

  it('resolves a name by its longest synonym that measures in the target unit', () => {
    expect(resolveIndicator('全市生产总值增长', '%', true)?.id).toBe('gdp_growth');
    expect(resolveIndicator('全市生产总值', '亿元', false)?.id).toBe('gdp');
    expect(resolveIndicator('农民人均可支配收入', '元', false)?.id).toBe('rural_income');
    expect(resolveIndicator('城镇常住居民人均可支配收入增长', '%', true)?.id).toBe('urban_income_growth');
    // 重点项目 counts projects; in 亿元 the amount is their investment.
    expect(resolveIndicator('实施重点项目', '个', false)?.id).toBe('key_projects');
    expect(resolveIndicator('重点项目完成投资', '亿元', false)?.id).toBe('project_investment');
    expect(resolveIndicator('森林覆盖率', '%', false)?.id).toBe('forest_coverage');
    expect(resolveIndicator('高标准农田占比', '%', false)).toBeNull();
    expect(resolveIndicator('新建示范村', '个', false)).toBeNull();
  });

  it('converts amounts within a family of units, never across', () => {
    expect(convertUnit(3000, '万元', '亿元')).toBe(0.3);
    expect(convertUnit(23, '亿斤', '万吨')).toBe(115);
    expect(convertUnit(1.2, '万亩', '亩')).toBe(12000);
    expect(convertUnit(5, '万吨', '亿元')).toBeNull();
  });
});

describe('lexicon schemas', () => {
  const entry = { id: 'grain', name: '粮食产量', measure: 'level', unit: '万吨', names: ['粮食产量'] };
  it('refuse an indicator catalogue with a repeated id, a repeated name or an unknown measure', () => {
    expect(IndicatorLexiconSchema.safeParse({ indicators: [entry], units: {} }).success).toBe(true);
    expect(IndicatorLexiconSchema.safeParse({ indicators: [entry, { ...entry, names: ['粮食总产'] }], units: {} }).success).toBe(false);
    expect(IndicatorLexiconSchema.safeParse({ indicators: [entry, { ...entry, id: 'grain2' }], units: {} }).success).toBe(false);
    expect(IndicatorLexiconSchema.safeParse({ indicators: [{ ...entry, measure: 'ratio' }], units: {} }).success).toBe(false);
  });

  it('refuse a targets lexicon without its word lists', () => {
    const r = TargetLexiconSchema.safeParse({ units: ['%'] });
    expect(r.success).toBe(false);
  });
});
