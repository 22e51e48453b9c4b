import { describe, expect, it } from 'vitest';
import { processText } from '../../ingest/index.ts';
import { nameKey, toGraphDocument } from '../../ingest/to-graph.ts';

describe('toGraphDocument', () => {
  const doc = processText('一、今后五年工作\n大力发展食用菌产业，做强食用菌产业集群，推进食用菌产业园建设。', { file: 'a.txt' });

  it('gives each fact one evidence entry per span, even when a span is reported twice', () => {
    const first = doc.facts.industries[0]!;
    first.evidence = [...first.evidence, ...first.evidence];
    const g = toGraphDocument(doc).industries.find((i) => i.id === first.id)!;
    const keys = g.evidence.map((e) => `${e.sentence}:${e.start}:${e.end}`);
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keys names without quotes, brackets, spaces or case', () => {
    expect(nameKey('“十四五” 规划')).toBe(nameKey('十四五规划'));
    expect(nameKey('《ABC规划》')).toBe('abc规划');
  });

  it('passes the extractor’s occurrence count (evidence is capped), and never less than the evidence kept', () => {
    const d = processText('一、今后五年工作\n大力发展食用菌产业，做强食用菌产业集群，推进食用菌产业园建设。', { file: 'b.txt' });
    const f = d.facts.industries[0]!;
    f.count = 14;
    expect(toGraphDocument(d).industries.find((i) => i.id === f.id)!.count).toBe(14);
    delete f.count;
    const g = toGraphDocument(d).industries.find((i) => i.id === f.id)!;
    expect(g.count).toBe(g.evidence.length);
  });
});
