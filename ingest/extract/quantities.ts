/**
 * Quantities in a clause: a number (Arabic, Chinese numeral or mask) followed by a unit from the
 * lexicon (`8.5%`, `70亿元`, `一个`, `xx万人`), `百分之X`, and the fixed idioms reports use for
 * goals (`翻一番` → 2 倍, `百亿级` → 100 亿级). Offsets are relative to the clause.
 *
 * Values are as stated, 万 and 亿 kept in the unit (`1.2万亩` → 1.2 万亩, `二百七十九亿三千万元`
 * → 279.3 亿元, `三千万元` → 3000 万元): targets compare with what the text says, and the
 * indicator catalogue converts to its own unit (ingest/indicators.ts).
 */
import { numeralQuantity } from '../numbers.ts';
import { alternation, escapeRe } from './lexicon.ts';
import { targetLexicon } from './target-lexicon.ts';

export interface Found {
  start: number;
  end: number;
  value: number | null;
  unit: string;
  redacted: boolean;
  /** The number is written in Chinese numerals (`三十`, `百分之八`), not digits or a mask. */
  chinese: boolean;
}

/** Every quantity starts with a digit, a mask (`x`, `×`, `*`), a Chinese numeral or 翻. */
const STARTS = '0123456789xX×*一二两三四五六七八九十百千翻';

/** Whether `text` can hold a quantity at all (most sentences cannot): a one-character scan. */
export const mayHoldQuantity = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (MAY_HOLD_UNITS[text.charCodeAt(i)] === 1) return true;
  return false;
};
/** The units of `STARTS`, as a table read per character (cheaper than a character-class match). */
const MAY_HOLD_UNITS = new Uint8Array(65536);
for (const c of STARTS) MAY_HOLD_UNITS[c.charCodeAt(0)] = 1;

/** The quantity pattern, sticky: tried only where `STARTS` holds a character (see `quantities`). */
let re: RegExp | null = null;
/** Whether the lexicon lists an empty unit (then a bare number is a quantity: no gate on units). */
let unitMayBeEmpty = false;

const DIGITS = '零〇一二两三四五六七八九十百千';

/** Characters a Chinese numeral is written with (`DIGITS`, 万/亿 inside it, 点 for decimals). */
const NUMERAL_UNITS = new Uint8Array(65536);
for (const c of `${DIGITS}万亿点`) NUMERAL_UNITS[c.charCodeAt(0)] = 1;
/** Where what follows a Chinese numeral may begin: a unit's first character, 万/亿 (a size class's 亿 too). */
const AFTER_NUMERAL = new Uint8Array(65536);
const CHINESE_START = new Uint8Array(65536);
for (const c of '一二两三四五六七八九十百千') CHINESE_START[c.charCodeAt(0)] = 1;

/**
 * Whether a quantity may start at `i`, which holds a Chinese numeral: something after it within
 * the numeral's characters (or right after them) must begin a unit, 万/亿, or 分之 (`百分之`).
 * Most 一, 二, 十 of a report stand in words (`一是`, `统一`); they are turned away here.
 */
function mayFollowNumeral(text: string, i: number): boolean {
  if (text.charCodeAt(i) === 0x767e && text.charCodeAt(i + 1) === 0x5206) return true; // 百分
  for (let p = i + 1; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (AFTER_NUMERAL[c] === 1) return true;
    if (NUMERAL_UNITS[c] === 0) return false;
  }
  return false;
}

function pattern(): RegExp {
  if (re) return re;
  const { units, sizeClassNouns, unitNotBefore } = targetLexicon();
  for (const u of units) if (u) AFTER_NUMERAL[u.charCodeAt(0)] = 1;
  unitMayBeEmpty = units.includes('');
  for (const c of '万亿') AFTER_NUMERAL[c.charCodeAt(0)] = 1;
  // Longest first, each unit followed by none of the characters that would make a word of it.
  const unitAlternatives = [...new Set(units)]
    .sort((x, y) => y.length - x.length)
    .map((u) => escapeRe(u) + (unitNotBefore[u] ? `(?![${escapeRe(unitNotBefore[u]!)}])` : ''))
    .join('|');
  // `1,200` with a thousands separator, `8.5`, a range `1-2`.
  const arabic = '(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?(?:[-~～—][0-9]+(?:\\.[0-9]+)?)?';
  // Masks as ingest/normalise.ts finds them: `x.x`, `××`, `×.×`, `**` (a lone `*` is a footnote mark).
  const mask = '(?:[xX]+(?:\\.[xX]+)?(?:[-~][xX]+)?|×+(?:\\.×+)?|\\*{2,}(?:\\.\\*+)?)';
  // 二百七十九亿三千 (万元), 八万六千 (吨), 一点二 (万亩): 万/亿 inside the numeral, 点 for decimals.
  const cn = `[一二两三四五六七八九十百千][${DIGITS}]*(?:[万亿][${DIGITS}]+)*(?:点[零〇一二三四五六七八九]+)?`;
  const unit = `(?<big>万亿|亿|万)?(?<unit>${unitAlternatives})`;
  // `(?<![0-9A-Za-z.])`: not the tail of a code or a longer number (`5G`, `1.5.2`).
  // Tried only where a quantity can start (STARTS).
  re = new RegExp(
    `百分之(?:(?<pcn>${cn})|(?<par>[0-9]+(?:\\.[0-9]+)?))` +
      `|(?<![0-9A-Za-z.])(?:(?<ar>${arabic})|(?<mk>${mask})|(?<cn>${cn}))${unit}` +
      `|(?<jibai>[0-9]+|[一二三四五六七八九十百千]+)亿(?:级|(?=${alternation(sizeClassNouns)}))|翻(?<fan>[一两二三])番`,
    'y',
  );
  return re;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Characters an Arabic number is written with (`1,200`, `8.5`, a range `1-2`, `3～5`). */
const NUMBER_UNITS = new Uint8Array(65536);
for (const c of '0123456789,.-~～—') NUMBER_UNITS[c.charCodeAt(0)] = 1;

/**
 * Whether a quantity may start at the digit at `i`: within the number's characters or right after
 * them, something must begin a unit or 万/亿 (`2025年`, `5G` hold none). Without any unit of the
 * lexicon being empty, the number and `[0-9]+亿级` forms need one.
 */
function unitMayFollowNumber(text: string, i: number): boolean {
  if (unitMayBeEmpty) return true;
  for (let p = i + 1; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (AFTER_NUMERAL[c] === 1) return true;
    if (NUMBER_UNITS[c] === 0) return false;
  }
  return false;
}
const isMaskMark = (c: number) => c === 0x78 || c === 0x58;

/**
 * Where to try next after the pattern failed at `i` (unit `c`): past the run of digits or mask
 * marks `i` starts. Inside such a run no quantity can start where none started at its head: the
 * lookbehind turns the numbers and masks away, and a `[0-9]+亿级` from inside would have matched
 * from the head.
 */
function failedRunEnd(text: string, i: number, c: number): number {
  const inRun = isDigit(c) ? isDigit : isMaskMark(c) ? isMaskMark : null;
  if (!inRun) return i + 1;
  let j = i + 1;
  while (j < text.length && inRun(text.charCodeAt(j))) j++;
  return j;
}

const FAN: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3 };

/** All quantities in `text`, in order. */
export function quantities(text: string): Found[] {
  const out: Found[] = [];
  const sticky = pattern();
  // What a global scan finds (leftmost, each match resuming after the last), trying the pattern
  // only where a quantity can start: most characters of a clause are no digit or numeral.
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (MAY_HOLD_UNITS[c] === 0 || (CHINESE_START[c] === 1 && !mayFollowNumeral(text, i))) {
      i++;
      continue;
    }
    if (isDigit(c) && !unitMayFollowNumber(text, i)) {
      i = failedRunEnd(text, i, c);
      continue;
    }
    sticky.lastIndex = i;
    const m = sticky.exec(text);
    if (!m) {
      i = failedRunEnd(text, i, c);
      continue;
    }
    i += Math.max(1, m[0].length);
    const g = m.groups!;
    const start = m.index!;
    const end = start + m[0].length;
    const big = g.big ?? '';
    if (g.fan) {
      out.push({ start, end, value: 2 ** FAN[g.fan]!, unit: '倍', redacted: false, chinese: true });
    } else if (g.pcn || g.par) {
      const v = g.par ? Number(g.par) : numeralQuantity(g.pcn!, '')?.value;
      if (v == null || (g.pcn && /[万亿]/.test(g.pcn))) continue;
      out.push({ start, end, value: v, unit: '%', redacted: false, chinese: !g.par });
    } else if (g.jibai) {
      const v = /[0-9]/.test(g.jibai) ? Number(g.jibai) : numeralQuantity(g.jibai, '')?.value ?? null;
      out.push({ start, end, value: v, unit: '亿级', redacted: false, chinese: !/[0-9]/.test(g.jibai) });
    } else if (g.mk) {
      out.push({ start, end, value: null, unit: big + g.unit!, redacted: true, chinese: false });
    } else if (g.ar) {
      // A range `1-2所` reads as its lower bound, the figure a goal commits to.
      const v = Number(g.ar.split(/[-~～—]/)[0]!.replace(/,/g, ''));
      out.push({ start, end, value: v, unit: big + g.unit!, redacted: false, chinese: false });
    } else if (g.cn) {
      // The unit's 万/亿 closes the numeral (`二百七十九亿三千` + `万元`).
      const q = numeralQuantity(g.cn + big, g.unit!);
      if (!q) continue;
      out.push({ start, end, value: q.value, unit: q.unit, redacted: false, chinese: true });
    }
  }
  return out;
}
