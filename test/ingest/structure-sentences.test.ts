import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../ingest/structure.ts';

// The pattern sentenceSpans matches by hand (see ingest/structure.ts).
const DOT_END = '(?<=[\u4e00-\u9fff”」』）)](?<![一二三四五六七八九十]))\\.(?=[\u4e00-\u9fff“「（(]|\\s|$)';
const SENTENCE = new RegExp(`(?:[^。！？；!?;\\n.]|(?!${DOT_END})\\.)*(?:(?:[。！？；!?;]|${DOT_END})+[”’」』）)"]*|\\n|$)`, 'g');

function byRegex(t: string): number[] {
  const out: number[] = [];
  for (const m of t.matchAll(SENTENCE)) if (m[0]) out.push(m.index!, m.index! + m[0].length);
  return out;
}

describe('sentenceSpans', () => {
  it('splits as the sentence pattern does', () => {
    for (const t of ['', '。', '一.加快发展。', '增长8.5%。下一步', '3200户.下一步', '完成了.', '他说：“好！”。然后？\n再', '“行.”(注)', '十.x', 'a.b。。！”」 尾'])
      expect(sentenceSpans(t)).toEqual(byRegex(t));
  });

  it('agrees with the pattern on random strings of its classes', () => {
    const units = ['。', '！', '？', '；', '!', '?', ';', '\n', '.', '.', '一', '十', '中', '”', '’', '」', '』', '）', ')', '"', '“', '「', '（', '(', ' ', '\u3000', 'a', '1'];
    let seed = 1;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 20000; k++) {
      let t = '';
      for (let j = Math.floor(next() * 12); j > 0; j--) t += units[Math.floor(next() * units.length)];
      expect(sentenceSpans(t)).toEqual(byRegex(t));
    }
  });
});
