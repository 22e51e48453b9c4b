import { describe, it, expect } from 'vitest';
import { processText } from '../../ingest/index.ts';

const names = (text: string) => processText(text).facts.industries.filter((i) => !i.id.startsWith('candidate:')).map((i) => i.name).sort();

describe('industries', () => {
  it('takes every item of an enumeration that ends in 产业', () => {
    expect(names('打造黄花、杂粮、蔬菜、药材等产业板块。')).toEqual(['中药材', '杂粮', '蔬菜', '黄花'].sort());
  });

  it('takes a one-character product after a mask inside an enumeration', () => {
    expect(names('围绕xx牛、食用菌产业，持续扩规模。')).toEqual(['肉牛', '食用菌'].sort());
  });

  it('takes strong sector words anywhere, products only in an industry context', () => {
    expect(names('大力发展光伏、风电和储能。')).toEqual(['储能', '光伏', '风电'].sort());
    expect(names('群众吃上了辣椒和牛肉。')).toEqual([]);
    expect(names('建成辣椒现代农业产业园。')).toEqual(['辣椒']);
  });

  it('prefers the longest term and keeps sector codes', () => {
    const doc = processText('加快新能源电池材料产业集群建设。');
    const f = doc.facts.industries.find((i) => i.name === '新能源电池')!;
    expect(f).toMatchObject({ tier: 2, section: 'C', sei: '6', confidence: 1 });
    expect(doc.facts.industries.some((i) => i.name === '新能源')).toBe(false);
  });

  it('ignores generic words and non-sectors', () => {
    expect(names('壮大主导产业、特色产业和富民产业，发展实体经济、民营经济，抓好招商引资。')).toEqual([]);
  });

  it('keeps evidence pointing into the text', () => {
    const doc = processText('第一句。\n大力发展现代物流业。');
    const f = doc.facts.industries.find((i) => i.name === '现代物流')!;
    const e = f.evidence[0]!;
    expect(doc.text.slice(e.start, e.end)).toBe('现代物流业');
    expect(e.sentence).toBe(1);
    expect(e.snippet).toContain('现代物流业');
  });

  it('proposes unknown X产业 as low-confidence candidates', () => {
    const doc = processText('培育壮大咖喱产业，做强主导产业。');
    const c = doc.facts.industries.filter((i) => i.id.startsWith('candidate:'));
    expect(c.map((i) => i.name)).not.toContain('主导');
    for (const i of c) expect(i.confidence).toBeLessThan(1);
  });
});
