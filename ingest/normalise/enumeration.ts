/**
 * The enumeration comma `、` in text whose every Chinese mark was typed as ASCII: `、` has no ASCII
 * twin, so such text writes `,` for both `，` and `、`, and the punctuation pass makes them all `，`.
 * Extractors read `、` as a list separator and `，` as a clause boundary, so a list of projects or
 * industries would fall apart into clauses. Only a document without a single `、` but many commas
 * is rewritten (a text that has `、` anywhere is left exactly as it is). There a comma becomes `、`
 * - at a line's start after a Chinese numeral: `一，` opens a level-1 heading `一、`;
 * - when what follows is item-like: up to 18 characters that do not open with a verb, adverb,
 *   preposition, conjunction, pronoun or number by jieba's tags and hold no preposition,
 *   conjunction, pronoun or 的 (打造A，B，C → 打造A、B、C; 灌区节水配套改造 may end in a verb);
 * - when both sides are short parallel items (提品质，扩规模 → 提品质、扩规模);
 * - before a list closed by 等 (A，B，C等项目 → A、B、C等项目), back over item-like segments.
 * A heuristic, measured on the seeds: about 70% of commas right, against 58% when all stay `，`;
 * its errors cost less than lists read as clauses. Length-preserving.
 */
import nodejieba from 'nodejieba';
import { ensureJieba } from '../segment.ts';

/** Commas a document must have, with no `、` at all, before its commas are read as lists. */
const MIN_COMMAS = 10;
/** Longest list item (in characters) after a comma; longer is a clause. */
const MAX_ITEM = 18;
/** Items this short on both sides are parallel (经济强，生态美). */
const SHORT = 4;
/** Tags that open a clause rather than name a thing. */
const CLAUSE_TAGS = new Set(['v', 'd', 'p', 'c', 'r', 'm']);
const HEADING = /(?<=^|\n)[ \t]*[一二三四五六七八九十]+，/g;
const BOUNDARY = /[，、。；：！？\n]/;
const QUOTES = /[“”‘’（）《》]/g;

/**
 * A statement of a figure: a segment longer than a counted item (`幼儿园8所`) that ends in a number
 * and its unit (`全县地区生产总值208.6亿元`, `一般公共预算收入增长6.5%`). Lists of goals and results
 * are clauses side by side, each with its figure; items of a list of things end in no figure.
 */
const FIGURE_END = /[0-9][0-9.]*(?:%|[\u4e00-\u9fff]{1,3})?$/;
const COUNTED_ITEM = 6;

/** A short noun phrase: nothing jieba tags as opening a clause, nor a clause's function words. */
function itemLike(s: string): boolean {
  if (!s || s.length > MAX_ITEM) return false;
  if (s.length > COUNTED_ITEM && FIGURE_END.test(s)) return false;
  const tags = nodejieba.tag(s);
  // A clause opens with its verb (加快调整产业结构); an item may end with one (灌区节水配套改造).
  return !CLAUSE_TAGS.has(tags[0]!.tag) && !tags.some((t) => t.tag === 'p' || t.tag === 'c' || t.tag === 'r' || t.tag === 'uj');
}

/**
 * A clause that may end in the first item of a list after it (加快A，B，C等建设: 加快A): it ends in
 * a noun, not in a verb, a figure, a pronoun or a closing quote (建成开放，…等; 6万吨，…等企业).
 */
function governsList(seg: string): boolean {
  return mayPrecedeItem(seg, CLAUSE_TAGS);
}

const NONE = new Set<string>();

/**
 * Whether a list item may follow `seg`: it ends in no closing quote, no figure (碳酸锂产能提高到6万吨，
 * 盐湖股份… is two clauses) and, when `notLast` names tags, in no word jieba tags so (`NONE` leaves
 * verbs in: an item may end in one, 配套改造).
 */
function mayPrecedeItem(seg: string, notLast: Set<string>): boolean {
  if (/[”’）》]$/.test(seg) || /[0-9](?:%|[\u4e00-\u9fff]{1,3})?$/.test(seg)) return false;
  if (notLast.size === 0) return true;
  const tags = nodejieba.tag(seg.replace(QUOTES, ''));
  const last = tags[tags.length - 1]?.tag ?? '';
  return !notLast.has(last) && last !== 'x';
}

/** True when the text lost its `、` to ASCII commas. */
export function lostEnumerationCommas(text: string): boolean {
  if (text.indexOf('、') >= 0) return false;
  let n = 0;
  for (let i = text.indexOf('，'); i >= 0 && n < MIN_COMMAS; i = text.indexOf('，', i + 1)) n++;
  return n >= MIN_COMMAS;
}

/**
 * `等` closing a list (辰鑫医药等XX个项目, 食品等产业), not a word of its own (平等, 等级, 等待).
 * Items before it run back to the sentence's start or a clause too long to be an item.
 */
const LIST_END = /(?<![平同对相均高上中初优特头次])等(?![级待候于同])/;

/** Restores `、` between list items (see module comment); `text` has full-width punctuation. */
export function restoreEnumerationCommas(text: string): string {
  if (!lostEnumerationCommas(text)) return text;
  ensureJieba();
  const out = text.split('');
  // Segments between marks: [start, end, mark after] — judged per sentence.
  let segs: Array<{ start: number; end: number }> = [];
  const flush = () => {
    for (let k = 1; k < segs.length; k++) {
      // An opening quote starts a phrase of its own (坚持“转型为纲，项目为王” → 转型为纲、项目为王).
      const prevRaw = text.slice(segs[k - 1]!.start, segs[k - 1]!.end);
      const prev = prevRaw.slice(prevRaw.lastIndexOf('“') + 1).replace(QUOTES, '');
      const next = text.slice(segs[k]!.start, segs[k]!.end).replace(QUOTES, '');
      const comma = segs[k - 1]!.end;
      if (text[comma] !== '，' || !next) continue;
      const parallel = prev.length <= SHORT && next.length <= SHORT;
      if ((parallel || itemLike(next)) && mayPrecedeItem(prevRaw, NONE)) out[comma] = '、';
    }
    // A list closed by 等: back over the items before it; the first may carry the verb that
    // governs the list (加快A，B，C等建设), a clause alone does not (实施…行动，A等项目开工).
    for (let k = 1; k < segs.length; k++) {
      const m = LIST_END.exec(text.slice(segs[k]!.start, segs[k]!.end));
      if (!m || m.index === 0 || m.index > MAX_ITEM) continue;
      let items = 0;
      for (let j = k - 1; j >= 0; j--) {
        const comma = segs[j]!.end;
        if (text[comma] !== '，') break;
        const seg = text.slice(segs[j]!.start, segs[j]!.end);
        if (!itemLike(seg.replace(QUOTES, ''))) {
          if (items > 0 && governsList(seg)) out[comma] = '、';
          break;
        }
        out[comma] = '、';
        items++;
      }
    }
    segs = [];
  };
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i < text.length && !BOUNDARY.test(ch!)) continue;
    segs.push({ start, end: i });
    start = i + 1;
    if (ch !== '，' && ch !== '、') flush();
  }
  // A level-1 heading: `一，` at a line's start is `一、`.
  for (const m of text.matchAll(HEADING)) out[m.index! + m[0].length - 1] = '、';
  return out.join('');
}
