import { describe, it, expect } from 'vitest';
import { processText } from '../../ingest/index.ts';
import { classifySentence } from '../../ingest/structure.ts';

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

describe('review vs plan without headings, in short passages and half-width punctuation', () => {
  const section = (text: string, meta = {}) => processText(text, meta).sentences.map((s) => s.section);

  it('reads years against the plan year: an earlier one looks back, the plan year ahead', () => {
    const text = '某县2025年政府工作报告\n各位代表：\n2024年全县地区生产总值增长6.1%。\n2025年全县地区生产总值增长6%左右。';
    expect(section(text).slice(-2)).toEqual(['review', 'plan']);
  });

  it('reads 今年 as the year looked back on in a December meeting that plans the next year', () => {
    const text = '在县委经济工作会议上的讲话\n（2024年12月27日）\n同志们：\n今年全县粮食总产量达到12万吨。\n明年要力争粮食总产量稳定在12万吨以上。';
    expect(section(text).slice(-2)).toEqual(['review', 'plan']);
  });

  it('reads 今年 as the plan year in a report delivered at the start of it', () => {
    const text = '政府工作报告\n——2025年1月9日在某县第十八届人民代表大会第四次会议上\n各位代表：\n今年全县规模以上工业增加值增长8%。';
    expect(section(text).at(-1)).toBe('plan');
  });

  it('works with half-width punctuation and no headings (a news report)', () => {
    const text = '本报讯 过去一年,全县累计完成固定资产投资86亿元,同比增长9.2%;预计全年新增市场主体3200户.下一步,县里将力争引进亿元以上项目20个!';
    const d = processText(text);
    expect(d.sentences.map((s) => s.section)).toEqual(['review', 'review', 'plan']);
  });

  it('does not read 重要 and 主要 as plan verbs', () => {
    expect(classifySentence('这是一次十分重要的会议，主要领导同志出席。')).toBe('other');
  });

  it('keeps a later part of a report without a cue of its own in the plan once the plan has begun', () => {
    const text = ['一、2024年工作回顾', '全县经济稳中向好。', '二、2025年工作安排', '抓好十个方面的工作。', '三、全面加强政府自身建设', '政府系统广大干部要勤勉敬业。'].join('\n');
    const d = processText(text, { date: '2025' });
    expect(d.headings.map((h) => h.section)).toEqual(['review', 'plan', 'plan']);
  });

  it('leans a paragraph’s later sentences the way its opening sentence looks, before any heading', () => {
    const text = [
      '在某县第十三次党代会上的报告',
      '过去五年，我们坚定不移推动高质量发展。全县生产总值由2016年的85亿元增加到2021年的136亿元，年均增长8%。茶叶综合产值达到35亿元。',
      '今后五年的奋斗目标是：到2026年地区生产总值突破200亿元。茶园面积稳定在50万亩。',
    ].join('\n');
    const d = processText(text);
    expect(d.sentences.slice(1).map((s) => s.section)).toEqual(['review', 'review', 'review', 'plan', 'plan']);
    const targets = d.facts.targets.map((t) => t.indicator);
    expect(targets).toEqual(expect.arrayContaining(['地区生产总值', '茶园面积']));
    expect(targets.some((t) => t.includes('年均增长') || t.includes('茶叶综合产值'))).toBe(false);
  });

  it('reads a paragraph opened without a cue sentence by sentence (a list of goals with one 完成 in it)', () => {
    const text = ['二、2024年国民经济和社会发展计划主要目标', '地区生产总值增长6.5%；单位GDP能耗完成市下达任务；森林覆盖率稳定在80%以上。'].join('\n');
    const d = processText(text, { date: '2024' });
    expect(d.sentences.at(-1)!.section).toBe('plan');
    expect(d.facts.targets.map((t) => t.indicator)).toEqual(expect.arrayContaining([expect.stringContaining('森林覆盖率')]));
  });

  it('reads a year’s 计划执行情况 heading as review and its 计划 heading as plan', () => {
    const d = processText(['一、2023年计划执行情况', '全县经济稳中向好。', '二、2024年国民经济和社会发展计划主要目标', '地区生产总值增长6%。'].join('\n'), { date: '2024' });
    expect(d.headings.map((h) => h.section)).toEqual(['review', 'plan']);
  });

  it('finds level-1 headings written with 一. and level-3 headings written (1)', () => {
    const d = processText('一.过去一年的主要工作\n(1)工业经济稳步增长。全县规上工业增加值增长7%。');
    expect(d.headings.map((h) => h.level)).toEqual([1, 3]);
    expect(d.sentences.at(-1)!.section).toBe('review');
  });
});
