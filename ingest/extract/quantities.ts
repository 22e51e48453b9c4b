/**
 * Quantities in a clause: a number (Arabic, Chinese numeral or mask) followed by a unit from the
 * lexicon (`8.5%`, `70亿元`, `一个`, `xx万人`), plus the fixed idioms reports use for goals
 * (`翻一番` → 2 倍, `千亿级` → 1000 亿元). Offsets are relative to the clause.
 */
import { chineseToNumber } from '../numbers.ts';
import { alternation, lexicon } from './lexicon.ts';
import { Scanner } from './literals.ts';

export interface Found {
  start: number;
  end: number;
  value: number | null;
  unit: string;
  redacted: boolean;
}

interface Units {
  units: string[];
}

/** Every quantity starts with a digit, a mask, a Chinese numeral or 翻. */
const STARTS = '0123456789xX一二两三四五六七八九十百千翻';
const MAY_HOLD = new RegExp(`[${STARTS}]`);

/** Whether `text` can hold a quantity at all (most sentences cannot): a one-character scan. */
export const mayHoldQuantity = (text: string): boolean => MAY_HOLD.test(text);

let re: Scanner | null = null;

function pattern(): Scanner {
  if (re) return re;
  const { units } = lexicon<Units>('targets');
  const arabic = '[0-9]+(?:\\.[0-9]+)?(?:[-~～—][0-9]+(?:\\.[0-9]+)?)?';
  const mask = '[xX]+(?:\\.[xX]+)?(?:[-~][xX]+)?';
  const cn = '[一二两三四五六七八九十百千]+(?:点[一二三四五六七八九]+)?';
  // `(?<![0-9A-Za-z.])`: not the tail of a code or a longer number (`5G`, `1.5.2`).
  // Tried only where a quantity can start (STARTS).
  re = new Scanner(
    `(?<![0-9A-Za-z.])(?:(?<ar>${arabic})|(?<mk>${mask})|(?<cn>${cn}))(?<unit>${alternation(units)})` +
      `|(?<jibai>[0-9]+|[一二三四五六七八九十百千]+)亿级|翻(?<fan>[一两二三])番`,
    [...STARTS],
  );
  return re;
}

/** All quantities in `text`, in order. */
export function quantities(text: string): Found[] {
  const out: Found[] = [];
  for (const m of pattern().matchAll(text)) {
    const g = m.groups!;
    const start = m.index!;
    const end = start + m[0].length;
    if (g.fan) {
      const n = chineseToNumber(g.fan)!;
      out.push({ start, end, value: 2 ** n, unit: '倍', redacted: false });
    } else if (g.jibai) {
      const v = /[0-9]/.test(g.jibai) ? Number(g.jibai) : chineseToNumber(g.jibai);
      out.push({ start, end, value: v, unit: '亿级', redacted: false });
    } else if (g.mk) {
      out.push({ start, end, value: null, unit: g.unit!, redacted: true });
    } else if (g.ar) {
      // A range `1-2所` reads as its lower bound, the figure a goal commits to.
      const v = Number(g.ar.split(/[-~～—]/)[0]);
      out.push({ start, end, value: v, unit: g.unit!, redacted: false });
    } else if (g.cn) {
      const raw = g.cn.replace(/^两/, '二');
      const v = raw.includes('点')
        ? Number(`${chineseToNumber(raw.split('点')[0]!)}.${[...raw.split('点')[1]!].map((c) => chineseToNumber(c)).join('')}`)
        : chineseToNumber(raw);
      if (v == null) continue;
      out.push({ start, end, value: v, unit: g.unit!, redacted: false });
    }
  }
  return out;
}
