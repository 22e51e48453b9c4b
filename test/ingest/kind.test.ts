/**
 * Kind of report, plan year and date read from the text (ingest/kind.ts), on passages written for
 * these tests; then the seeds and the devset against their metadata (≥ 85%, misses listed).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { processText } from '../../ingest/index.ts';
import { readDate, readKind, readYear } from '../../ingest/kind.ts';

const cases: Array<[string, string, string, number | null]> = [
  ['政府工作报告\n——2025年1月8日在宁远县第十八届人民代表大会第四次会议上\n宁远县人民政府县长 李某\n各位代表：\n现在，我代表县人民政府向大会报告工作。', '政府工作报告', '2025-01-08', 2025],
  ['某县2024年政府工作报告\n各位代表：过去一年，全县上下团结奋斗。', '政府工作报告', '', 2024],
  ['各位代表:\n现在,我代表县人民政府,向大会报告工作,请予审议。一、2023年工作回顾', '政府工作报告', '', 2024],
  ['在中国共产党某县第十五次代表大会上的报告\n（二〇二一年九月二十八日）\n同志们：', '党代会报告', '2021-09-28', 2021],
  ['在县委经济工作会议上的讲话\n（2024年12月26日）\n同志们：这次会议总结今年工作，部署明年任务。', '经济工作会议讲话', '2024-12-26', 2025],
  ['在县委十四届六次全体（扩大）会议上的报告\n（2022年7月30日）\n同志们：', '全会报告', '2022-07-30', 2022],
  ['中共某市委十三屆四次全體會議工作報告\n（2023年12月22日）\n受市委常委會委託，我向全會報告工作。', '全会报告', '2023-12-22', 2024],
  ['关于某县2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告\n各位代表：', '计划执行情况报告', '', 2025],
  ['某县15个重点项目集中签约\n来源：某县融媒体中心  发布时间：2025-04-18\n4月18日上午，某县举行项目集中签约活动。', '新闻报道', '2025-04-18', 2025],
  ['本报讯（记者 王某）近日，某县召开春季植树动员会，全县干部群众参加义务植树。', '新闻报道', '', null],
  ['关于加强农村人居环境整治的几点思考\n乡村振兴，环境先行。', '其他', '', null],
];

describe('kind, plan year and date from the text', () => {
  for (const [text, kind, date, year] of cases) {
    it(`${kind} ${year ?? ''}: ${text.slice(0, 24).replace(/\n/g, ' ')}`, () => {
      const doc = processText(text);
      expect(doc.kind).toBe(kind);
      expect(doc.date ?? '').toBe(date);
      expect(doc.year ?? null).toBe(year);
    });
  }

  it('reads dates in Chinese numerals and ISO form', () => {
    expect(readDate('（二〇二三年十二月二十八日）')).toBe('2023-12-28');
    expect(readDate('发布时间：2024-03-26 17:32')).toBe('2024-03-26');
    expect(readDate('第十五次代表大会')).toBeNull();
  });

  it('does not take a 党代会 the text only mentions for its kind', () => {
    expect(readKind('同志们：\n今天召开全县干部大会，传达学习市第五次党代会精神。')).toBe('其他');
  });

  it('reads the kind of a passage cut from the middle of a report by how it speaks', () => {
    expect(readKind('各位代表，新的一年，政府工作要坚持稳中求进，全面加强政府自身建设。')).toBe('政府工作报告');
    expect(readKind('过去五年，我们坚持以人民为中心。今后五年，全县要坚持高质量发展。')).toBe('党代会报告');
    expect(readKind('据悉，该项目总投资5亿元。记者了解到，项目将于年底投产。')).toBe('新闻报道');
    expect(readKind('今年全县粮食生产再获丰收。')).toBe('其他');
  });

  it('dates a passage by the year after the one it looks back on when it names both, never by a goal year', () => {
    expect(readYear('2022年全县地区生产总值增长5%，2022年粮食产量稳定。2023年要继续扩大有效投资，到2025年建成产业园。', '其他', null)).toBe(2023);
    expect(readYear('2022年全县地区生产总值增长5%，到2025年建成产业园。', '其他', null)).toBe(2022);
    // A span's first year is where a change is measured from, not the year looked back on.
    expect(readYear('全县生产总值由2016年的85亿元增加到2021年的136亿元。', '其他', null)).toBeNull();
  });

  it('dates a text by 喜迎党的二十大 when it gives no year', () => {
    expect(readYear('同志们：今年是喜迎党的二十大胜利召开之年。', '经济工作会议讲话', null)).toBe(2022);
  });

  it("takes the file's own date (a PDF's CreationDate) for the year only when the text names no year", () => {
    const converted = { sourceMeta: { date: '2026-12-02', reader: 'pdf' } };
    const talk = '在县委经济工作会议上的讲话\n同志们：\n2022年全县地区生产总值增长5%。今年要扩大有效投资，力争2023年固定资产投资增长10%。';
    expect(processText(talk, {}, converted).year).toBe(2023);
    expect(processText(talk, {}, converted).date).toBe('2026-12-02');
    expect(processText('在县委全会上的讲话\n同志们：\n要扩大有效投资，建成一批产业园。', {}, converted).year).toBe(2027);
  });

  it('lets a manifest override what the text says', () => {
    const doc = processText('某县2024年政府工作报告\n各位代表：', { kind: '党代会报告', date: '2021-11-23' });
    expect(doc.kind).toBe('政府工作报告'); // the text's reading is kept on the document …
    expect(doc.year).toBe(2024);
  });
});

/** The devset's free-form kinds on the closed list. */
function closedKind(k: string): string {
  if (/计划执行情况|计划草案/.test(k)) return '计划执行情况报告';
  if (/新闻/.test(k)) return '新闻报道';
  if (/经济工作会议/.test(k)) return '经济工作会议讲话';
  if (/全会/.test(k)) return '全会报告';
  return k;
}

describe('kind and year on the seeds and the devset (≥ 85%)', () => {
  const docs: Array<{ name: string; text: string; kind: string; year: number }> = [];
  const seeds = JSON.parse(readFileSync('seeds/manifest.json', 'utf8')) as { documents: Array<{ file: string; kind: string; date: string }> };
  for (const d of seeds.documents) docs.push({ name: d.file, text: readFileSync(join('seeds', d.file), 'utf8'), kind: d.kind, year: Number(d.date.slice(0, 4)) });
  const dev = 'test/data/devset/texts';
  for (const f of readdirSync(dev).filter((x) => x.endsWith('.meta.json')).sort()) {
    const m = JSON.parse(readFileSync(join(dev, f), 'utf8')) as { kind: string; year: number };
    docs.push({ name: f, text: readFileSync(join(dev, f.replace('.meta.json', '.txt')), 'utf8'), kind: closedKind(m.kind), year: m.year });
  }
  const read = docs.map((d) => ({ ...d, doc: processText(d.text) }));

  it('reads the kind', () => {
    const misses = read.filter((d) => d.doc.kind !== d.kind).map((d) => `${d.name}: ${d.kind} → ${d.doc.kind}`);
    expect(read.length - misses.length, misses.join('\n')).toBeGreaterThanOrEqual(Math.ceil(0.85 * read.length));
  });

  it('reads the plan year', () => {
    const misses = read.filter((d) => d.doc.year !== d.year).map((d) => `${d.name}: ${d.year} → ${d.doc.year}`);
    expect(read.length - misses.length, misses.join('\n')).toBeGreaterThanOrEqual(Math.ceil(0.85 * read.length));
  });
});
