import { describe, it, expect } from 'vitest';
import { processText } from '../../ingest/index.ts';

describe('county', () => {
  it('reads the county from a speaking position in the text', () => {
    const doc = processText('婺源县委书记  李四\n现在，我代表中共婺源县第十五届委员会作报告。');
    expect(doc.facts.county).toMatchObject({ name: '婺源县', code: '361130', source: 'text', province: '江西省', city: '上饶市' });
    expect(doc.facts.county!.evidence[0]!.snippet).toContain('婺源县');
  });

  it('lets a declared county win over the text', () => {
    const doc = processText('婺源县委书记作报告。', { county: { code: '621225' } });
    expect(doc.facts.county).toMatchObject({ name: '西和县', code: '621225', source: 'declared' });
  });

  it('infers a masked county from the towns and townships the text names', () => {
    const text = [
      'xx县委经济工作会议召开。',
      '过去一年，紫阳镇建成茶叶加工园，江湾镇、思口镇乡村旅游红火，段莘乡和沱川乡完成水库除险加固。',
      '今后，xx县要把赋春镇打造成特色小镇。',
    ].join('\n');
    const doc = processText(text);
    expect(doc.facts.countySuggestion).toMatchObject({ code: '361130', source: 'inferred' });
    expect(doc.facts.county?.code).toBe('361130'); // nothing declared: the inference stands in
    const s = doc.facts.countySuggestion!;
    expect(s.confidence).toBeGreaterThan(0.5);
    expect(s.evidence.map((e) => text.slice(e.start, e.end))).toEqual(expect.arrayContaining(['江湾镇', '段莘乡']));
  });

  it('keeps the declared county and reports a disagreeing inference', () => {
    const doc = processText('xx县：紫阳镇、江湾镇、思口镇、段莘乡、沱川乡、赋春镇。', { county: { code: '621225' } });
    expect(doc.facts.county).toMatchObject({ code: '621225', source: 'declared' });
    expect(doc.facts.countySuggestion?.code).toBe('361130');
    expect(doc.diagnostics.some((d) => d.stage === 'county' && d.message.includes('361130'))).toBe(true);
  });

  it('does not take everyday words that happen to name a village for evidence', () => {
    const doc = processText('xx县坚持团结奋斗，实现新跨越，壮大集体经济。');
    expect(doc.facts.countySuggestion?.confidence ?? 0).toBeLessThan(0.9);
    expect(doc.facts.countySuggestion?.evidence.map((e) => doc.text.slice(e.start, e.end)) ?? []).not.toContain('跨越');
  });
});
