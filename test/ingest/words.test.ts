import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import nodejieba from 'nodejieba';
import { ensureJieba, tokenize } from '../../ingest/segment.ts';
import { structure } from '../../ingest/structure.ts';
import { normalise } from '../../ingest/normalise.ts';
import { Words, type Cut } from '../../ingest/words.ts';
import { emptyFacts, type Document, type Sentence, type Token } from '../../ingest/model.ts';

/** The words the segment stage made before it went lazy: one cut of the whole text, kept per sentence. */
function eager(text: string, sentences: Sentence[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let k = 0;
  for (const t of tokenize(text)) {
    while (k < sentences.length && sentences[k]!.end <= t.start) k++;
    if (k === sentences.length) break;
    const s = sentences[k]!;
    if (t.start >= s.start && t.end <= s.end) {
      out.push([t.start, t.end]);
      continue;
    }
    for (let j = k; j < sentences.length && sentences[j]!.start < t.end; j++) {
      const from = Math.max(t.start, sentences[j]!.start);
      const to = Math.min(t.end, sentences[j]!.end);
      if (from < to) for (const u of tokenize(text.slice(from, to), from)) out.push([u.start, u.end]);
    }
  }
  return out;
}

function docOf(text: string): Document {
  let d: Document = { id: 't', meta: {}, text, masks: [], headings: [], sentences: [], words: null, facts: emptyFacts(), diagnostics: [] };
  d = normalise.run(d);
  return structure.run(d);
}

const spans = (w: Words) => w.tokens().map((t) => [t.start, t.end] as [number, number]);

describe('Words', () => {
  ensureJieba();

  it('cuts at jieba’s own separators: piece by piece is the cut of the whole', () => {
    const text = '县委书记在县城调研，强调发展食用菌产业。全年新增市场主体1200户 完成投资\t8亿元\n坚持稳中求进，推动高质量发展';
    const whole = nodejieba.cut(text, true);
    const pieces = text.split(/(?<=[ \t\n，。])/).flatMap((p) => nodejieba.cut(p, true));
    expect(pieces).toEqual(whole);
  });

  it('gives the words of one whole-text cut, kept per sentence, on every seed and devset report', () => {
    for (const dir of ['seeds', 'test/data/devset/texts']) {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
        const d = docOf(readFileSync(`${dir}/${name}`, 'utf8'));
        expect(spans(new Words(d.text, d.sentences, tokenize)), `${dir}/${name}`).toEqual(eager(d.text, d.sentences));
      }
    }
  });

  it('answers each question as the full list of words does', () => {
    const d = docOf('一、2023年工作回顾\n过去一年，我们大力发展光伏、风电产业！新建标准化厂房3万平方米；“十四五”规划实施有力。\n二、今年目标\n地区生产总值增长8%左右。');
    const all = eager(d.text, d.sentences);
    const starts = new Map(all.map(([s, e]) => [s, e]));
    const ends = new Map(all.map(([s, e]) => [e, s]));
    for (let pos = -1; pos <= d.text.length + 1; pos++) {
      // A fresh instance per question: no answer leans on a chunk an earlier question segmented.
      const fresh = () => new Words(d.text, d.sentences, tokenize);
      expect(fresh().startsAt(pos), `startsAt ${pos}`).toBe(starts.has(pos));
      expect(fresh().endsAt(pos), `endsAt ${pos}`).toBe(ends.has(pos));
      expect(fresh().endOf(pos), `endOf ${pos}`).toBe(starts.get(pos) ?? -1);
      expect(fresh().startOf(pos), `startOf ${pos}`).toBe(ends.get(pos) ?? -1);
      const cover = all.find(([s, e]) => s <= pos && e > pos);
      expect(fresh().coverEnd(pos), `coverEnd ${pos}`).toBe(cover ? cover[1] : -1);
    }
  });

  it('segments only the chunks it is asked about', () => {
    const d = docOf('第一句话没有地名，第二句也没有。第三句提到柘城县辣椒产业，第四句不提。');
    const cut: string[] = [];
    const spy: Cut = (text, base) => {
      cut.push(text);
      return tokenize(text, base);
    };
    const w = new Words(d.text, d.sentences, spy);
    const at = d.text.indexOf('柘城县');
    expect(w.startsAt(at)).toBe(true);
    expect(w.endsAt(at + 3)).toBe(true);
    expect(cut).toEqual(['第三句提到柘城县辣椒产业，']);
    expect(w.segmented).toBe(true);
  });

  it('a document with no sentence text has no words', () => {
    const w = new Words('\n\n', [], tokenize);
    expect(w.segmented).toBe(false);
    expect(w.startsAt(0)).toBe(false);
    expect(w.tokens()).toEqual([] as Token[]);
  });
});
