/**
 * Document structure: front matter (title, speaker, date), headings (`一、` `（一）` `1.` `一是`
 * `一要` `第一`), sentences with offsets, and whether each section and sentence looks back
 * (review) or ahead (plan). Cue words are data: `data/lexicons/sections.json`.
 */
import { z } from 'zod';
import type { Document, Heading, SectionKind, Sentence } from './model.ts';
import { escapeRe, lexicon } from './extract/lexicon.ts';
import type { Stage } from './stage.ts';

const Cues = z.object({ strong: z.array(z.string().min(1)), weak: z.array(z.string().min(1)) });
const SectionCues = z.object({
  heading: z.object({ review: z.array(z.string().min(1)), plan: z.array(z.string().min(1)) }),
  sentence: z.object({ review: Cues, plan: Cues }),
  notCues: z.array(z.string().min(1)),
});
const cues = lexicon('sections', SectionCues);

const CN = '[一二三四五六七八九十]+';
/** Line-initial headings, outermost first. Level 3 also matches at a sentence start (see below). */
const LEVEL1 = new RegExp(`^${CN}[、.．]`);
const LEVEL2 = new RegExp(`^[（(]${CN}[）)]`);
const LEVEL3 = new RegExp(`^(?:\\d{1,2}[.、．](?!\\d)|[（(]\\d{1,2}[）)]|${CN}是|${CN}要|第${CN}[，、,：:是])`);

/**
 * Sentence ends: Chinese and ASCII terminators, with closing quotes and brackets kept inside. A
 * half-width `.` ends a sentence only between Chinese text (`3200户.下一步`), never in a number
 * (`8.5%`) or after a heading numeral (`一.`, `1.`).
 */
// A sentence is the match of, with DOT_END = (?<=[\u4e00-\u9fff”」』）)](?<![一二三四五六七八九十]))\.(?=[\u4e00-\u9fff“「（(]|\s|$),
//   (?:[^。！？；!?;\n.]|(?!DOT_END)\.)*(?:(?:[。！？；!?;]|DOT_END)+[”’」』）)"]*|\n|$)
// found by hand below (the regex's per-character alternation cost a third of the stage).

/** Code units of the pattern's classes, for `sentenceEnd`'s scan. */
const TERMINATOR = 1;
const CLOSER = 2;
const BEFORE_DOT = 4; // besides CJK, and not a numeral
const AFTER_DOT = 8; // besides CJK
const NUMERAL = 16;
const CLASSES = new Uint8Array(65536);
for (const [chars, bit] of [['。！？；!?;', TERMINATOR], ['”’」』）)"', CLOSER], ['”」』）)', BEFORE_DOT], ['“「（(', AFTER_DOT], ['一二三四五六七八九十', NUMERAL]] as const)
  for (const c of chars) CLASSES[c.charCodeAt(0)]! |= bit;
const isCjk = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/** Whether the `.` at `i` ends a sentence (DOT_END). */
function dotEnds(t: string, i: number): boolean {
  if (i === 0) return false;
  const p = t.charCodeAt(i - 1);
  if (!(isCjk(p) || CLASSES[p]! & BEFORE_DOT) || CLASSES[p]! & NUMERAL) return false;
  if (i + 1 >= t.length) return true;
  const n = t.charCodeAt(i + 1);
  return isCjk(n) || (CLASSES[n]! & AFTER_DOT) !== 0 || /\s/.test(t[i + 1]!);
}

/** Where the sentence starting at `i` ends (the pattern above, matched at `i`). */
function sentenceEnd(t: string, i: number): number {
  const n = t.length;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === 10) return i + 1;
    if (CLASSES[c]! & TERMINATOR || (c === 46 && dotEnds(t, i))) break;
    i++;
  }
  if (i === n) return n;
  for (;;) {
    const c = t.charCodeAt(i);
    if (i < n && (CLASSES[c]! & TERMINATOR || (c === 46 && dotEnds(t, i)))) i++;
    else break;
  }
  while (i < n && CLASSES[t.charCodeAt(i)]! & CLOSER) i++;
  return i;
}

/** The [start, end) spans of the sentences of `t`, flat, as the pattern's global matches (without the empty one at the end). */
export function sentenceSpans(t: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.length; ) {
    const e = sentenceEnd(t, i);
    out.push(i, e);
    i = e;
  }
  return out;
}

const YEAR_HEADING = /(20\d\d)年(?:[\u4e00-\u9fff]{0,4}工作|重点工作|主要任务|的?工作安排|主要预期目标|[\u4e00-\u9fff]{0,12}计划|[\u4e00-\u9fff]{0,6}执行情况)/;

/** Counts how many cue words occur in `s` (cheap: cue lists are short). */
function count(s: string, words: string[]): number {
  let n = 0;
  for (const w of words) if (s.includes(w)) n++;
  return n;
}

/** Review or plan by heading keywords; `other` when the heading gives no sign. */
export function classifyHeading(text: string, docYear: number | null): SectionKind {
  const y = YEAR_HEADING.exec(text);
  if (y && /回顾|总结|成绩/.test(text)) return 'review';
  if (y) return docYear != null && Number(y[1]) < docYear ? 'review' : 'plan';
  const r = count(text, cues.heading.review);
  const p = count(text, cues.heading.plan);
  if (r > p) return 'review';
  if (p > r) return 'plan';
  return 'other';
}

/** Everyday words that hold a cue (重要, 主要 hold 要): blanked before cues are counted. */
const NOT_CUES = new RegExp(cues.notCues.map(escapeRe).join('|'), 'g');
const YEARS = /(到|至|在)?(20\d\d)\s*年(底前|前|底|末)?/g;

/** What a sentence's years mean: the plan year, and the year the text was delivered. */
export interface YearContext {
  planYear: number | null;
  deliveredYear: number | null;
}

/**
 * Review or plan by sentence cues (strong ones count twice) and by the years it names, read
 * against the plan year: an earlier year looks back, the plan year or a later one (`到2025年`)
 * ahead; `今年` looks back in a text that plans the next year (a December 经济工作会议), ahead
 * otherwise. Ties go to review: a result sentence often carries a plan verb (推进, 建设).
 */
export function classifySentence(raw: string, ctx: YearContext = { planYear: null, deliveredYear: null }, lean: SectionKind = 'other'): SectionKind {
  const text = raw.includes('要') || raw.includes('将') || raw.includes('目标') ? raw.replace(NOT_CUES, '　') : raw;
  let r = 2 * count(text, cues.sentence.review.strong) + count(text, cues.sentence.review.weak);
  let p = 2 * count(text, cues.sentence.plan.strong) + count(text, cues.sentence.plan.weak);
  if (ctx.planYear != null && text.includes('年')) {
    for (const m of text.matchAll(YEARS)) {
      const y = Number(m[2]);
      // A year before the plan year looks back even as a deadline (`增加到2021年的…`, `到2020年底，累计…`).
      if (y < ctx.planYear) r += 2;
      else if (y > ctx.planYear || m[1] === '到' || m[1] === '至' || m[3] === '底前' || m[3] === '前') p += 2;
      else if (y === ctx.planYear) p += 1;
    }
  }
  if (text.includes('今年') && !text.includes('今年以来')) {
    if (ctx.planYear != null && ctx.deliveredYear != null && ctx.planYear > ctx.deliveredYear) r += 2;
    else p += 1;
  }
  if (r === 0 && p === 0) return lean;
  // A paragraph opened by a look back or ahead (`过去五年，…`) leans its later sentences that way.
  if (lean === 'review') r += 2;
  else if (lean === 'plan') p += 2;
  return r >= p ? 'review' : 'plan';
}

interface Line {
  text: string;
  start: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    out.push({ text: part, start });
    start += part.length + 1;
  }
  return out;
}

const DATE_LINE = /^[（(]?\s*(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?\s*[）)]?$/;
const SPEAKER_LINE = /^(?:.{0,20}?(?:书记|县长|市长|区长|旗长|主任|主席|代县长|代市长))\s+([\u4e00-\u9fff·]{2,5})$/;

/** Front matter: the short lines before the first paragraph that reads as prose. */
function frontMatter(doc: Document, ls: Line[]): void {
  const titles: string[] = [];
  for (const l of ls.slice(0, 8)) {
    const t = l.text.trim();
    if (!t) continue;
    if (t.length > 40 || /[。；]/.test(t) || /^同志们|^各位/.test(t) || LEVEL1.test(t) || LEVEL2.test(t)) break;
    const d = DATE_LINE.exec(t);
    if (d) {
      doc.date ??= [d[1], d[2]?.padStart(2, '0'), d[3]?.padStart(2, '0')].filter(Boolean).join('-');
      continue;
    }
    const s = SPEAKER_LINE.exec(t);
    if (s) {
      doc.speaker ??= s[1];
      continue;
    }
    titles.push(t);
  }
  if (titles.length && !doc.title) doc.title = titles.join(' ');
}

export const structure: Stage = {
  name: 'structure',
  run(doc: Document): Document {
    const text = doc.text;
    const ls = lines(text);
    frontMatter(doc, ls);
    const docYear = Number((doc.meta.date ?? '').slice(0, 4)) || doc.year || Number((doc.date ?? '').slice(0, 4)) || null;
    const ctx: YearContext = { planYear: docYear, deliveredYear: Number((doc.date ?? doc.meta.date ?? '').slice(0, 4)) || null };
    const headings: Heading[] = [];
    const sentences: Sentence[] = [];
    // The innermost open heading per level; a section's kind is its own or its parent's.
    const open: number[] = [-1, -1, -1, -1];
    const kindOf = (level: number): SectionKind => {
      for (let l = level; l >= 1; l--) {
        const h = open[l]!;
        if (h >= 0 && headings[h]!.section !== 'other') return headings[h]!.section;
      }
      return 'other';
    };
    const innermost = () => {
      let h = open[1]!;
      for (let l = 2; l < open.length; l++) if (open[l]! > h) h = open[l]!;
      return h;
    };
    // Once a report turns to its plan, a later part without a cue of its own (三、加强政府自身建设) is
    // still plan: reports do not go back to reviewing.
    let planBegun = false;
    for (const line of ls) {
      let lineStart = true;
      // The side the paragraph's opening sentence took, outside any heading (see classifySentence).
      let lean: SectionKind = 'other';
      let first = true;
      const spans = sentenceSpans(line.text);
      for (let k = 0; k < spans.length; k += 2) {
        const raw = line.text.slice(spans[k], spans[k + 1]);
        const lead = raw.length - raw.trimStart().length;
        const s = raw.trim();
        if (!s) continue;
        const start = line.start + spans[k]! + lead;
        const end = start + s.length;
        let level = 0;
        if (lineStart && LEVEL1.test(s) && s.length < 60) level = 1;
        else if (lineStart && LEVEL2.test(s)) level = 2;
        else if (LEVEL3.test(s) && s.length < 120) level = 3;
        lineStart = false;
        if (level) {
          // An enclosing heading that took a side decides for its subsections (a `（一）我们…推进…`
          // under `一、2021年工作回顾` is still review); otherwise the heading's own cues.
          const inherited = kindOf(level - 1);
          let section = inherited !== 'other' ? inherited : classifyHeading(s, docYear);
          if (level === 1 && section === 'other' && planBegun) section = 'plan';
          if (level === 1 && section === 'plan') planBegun = true;
          headings.push({ text: s, level, start, end, section });
          open[level] = headings.length - 1;
          for (let l = level + 1; l < open.length; l++) open[l] = -1;
        }
        const h = innermost();
        const fromHeading = h >= 0 ? kindOf(3) : 'other';
        const section: SectionKind = fromHeading !== 'other' ? fromHeading : classifySentence(s, ctx, lean);
        if (first && fromHeading === 'other') lean = section;
        first = false;
        sentences.push({ index: sentences.length, text: s, start, end, section, heading: h });
      }
    }
    doc.headings = headings;
    doc.sentences = sentences;
    return doc;
  },
};

/** The sentence containing `offset`, by binary search; -1 when none does. */
export function sentenceAt(doc: Document, offset: number): number {
  const ss = doc.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ss[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
