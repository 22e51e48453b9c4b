import { describe, it, expect } from 'vitest';
import { processText } from '../../ingest/index.ts';

const REPORT = [
  '在县第九次党代会上的报告',
  '某某县委书记  张三',
  '（2021年11月23日）',
  '同志们：',
  '一、过去五年工作回顾',
  '（一）我们推进产业发展。全县新建项目30个！',
  '二、今后五年的目标任务',
  '（一）着力发展县域经济。一是壮大产业。要建成食用菌基地；力争年均增长8%。',
  '1.加快园区建设',
].join('\n');

describe('structure', () => {
  const doc = processText(REPORT);

  it('reads title, speaker and date from the top lines', () => {
    expect(doc.title).toBe('在县第九次党代会上的报告');
    expect(doc.speaker).toBe('张三');
    expect(doc.date).toBe('2021-11-23');
  });

  it('finds headings with their levels', () => {
    const expected: Array<[number, string]> = [
      [1, '一、过去'], [2, '（一）我们'], [1, '二、今后'], [2, '（一）着力'], [3, '一是壮大'], [3, '1.加快'],
    ];
    expect(doc.headings.map((h) => h.level)).toEqual(expected.map((e) => e[0]));
    doc.headings.forEach((h, i) => expect(h.text.startsWith(expected[i]![1])).toBe(true));
  });

  it('classifies sections: a review heading rules its subsections, a plan heading its own', () => {
    expect(doc.headings.map((h) => h.section)).toEqual(['review', 'review', 'plan', 'plan', 'plan', 'plan']);
    const s = doc.sentences.find((x) => x.text.startsWith('全县新建项目'))!;
    expect(s.section).toBe('review');
    expect(doc.sentences.find((x) => x.text.startsWith('力争'))!.section).toBe('plan');
  });

  it('splits sentences on 。！？； and line ends, with offsets into the text', () => {
    const texts = doc.sentences.map((s) => s.text);
    expect(texts).toContain('全县新建项目30个！');
    expect(texts).toContain('要建成食用菌基地；');
    expect(texts).toContain('力争年均增长8%。');
    for (const s of doc.sentences) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
    const inner = doc.sentences.find((x) => x.text.startsWith('要建成'))!;
    expect(doc.headings[inner.heading]!.text.startsWith('一是')).toBe(true);
  });

  it('falls back to sentence cues without a heading', () => {
    const d = processText('过去一年，全县累计完成投资50亿元。\n明年要力争引进项目20个。');
    expect(d.sentences.map((s) => s.section)).toEqual(['review', 'plan']);
  });
});
