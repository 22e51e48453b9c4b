/**
 * Half-width punctuation (as web pages and word processors' ASCII mode leave it) to the full-width
 * marks Chinese text uses, where it stands in Chinese: `,`→`，` `;`→`；` `:`→`：` `!`→`！` `?`→`？`,
 * `( )`→`（ ）`, straight double quotes → `“ ”`, and `.` after Chinese at a clause's end → `。`. The extractors split clauses on `，`, list
 * items on `；`, read target lists after `：` and level-2 headings as `（一）`.
 *
 * A mark is Chinese when a Chinese character (or Chinese punctuation) stands next to it, spaces
 * aside; a bracket or quote pair is Chinese when it encloses or touches Chinese. So decimal points,
 * times (`8:30`), thousands (`3,000`), URLs (`http://`), English and ASCII names stay as they are.
 * Spaces after a converted mark go, as Chinese typesetting has none.
 */
import { Rewriter, type Rewritten } from './rewrite.ts';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };

/** Chinese characters and the punctuation that only Chinese text uses. */
function isChinese(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x2014 ||
    c === 0x2026
  );
}

const SPACE = (c: number) => c === 0x20 || c === 0x09;

/** The nearest character before `i` that is not a space on the same line (NaN at a line start). */
function before(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && SPACE(text.charCodeAt(j))) j--;
  return j >= 0 ? text.charCodeAt(j) : NaN;
}

function after(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && SPACE(text.charCodeAt(j))) j++;
  return j < text.length ? text.charCodeAt(j) : NaN;
}

const MARKS = /[,;:!?()".]/g;
const ANY_MARK = /[,;:!?()"]|[^\x00-\x24\x26-\x7f]\./;
/** How far a bracket may reach for its partner (a clause or two). */
const PAIR_REACH = 120;

function hasChinese(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isChinese(text.charCodeAt(i))) return true;
  return false;
}

/**
 * The partner of the `(` or `"` at `i` on the same line, or -1. Quotes pair in turn however far
 * apart (a quote left unpaired would turn every later pair inside out); brackets nest and close
 * within a clause or two.
 */
function partner(text: string, i: number): number {
  const eol = text.indexOf('\n', i);
  const end = eol < 0 ? text.length : eol;
  if (text[i] === '"') {
    const j = text.indexOf('"', i + 1);
    return j >= 0 && j < end ? j : -1;
  }
  const limit = Math.min(end, i + PAIR_REACH);
  let depth = 0;
  for (let j = i + 1; j < limit; j++) {
    const ch = text[j];
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}

/** Half-width punctuation in Chinese to full-width (see module comment); null map when no space went. */
export function fullWidthPunctuation(text: string): Rewritten {
  if (!ANY_MARK.test(text)) return { text, map: null };
  const rw = new Rewriter(text);
  /** Decisions for closing marks already made by their opening partner. */
  const closing = new Map<number, string>();
  let changed = false;
  for (const m of text.matchAll(MARKS)) {
    const i = m.index!;
    const ch = m[0];
    let out: string | undefined = closing.get(i);
    if (out === undefined) {
      if (ch === '(' || ch === '"') {
        const j = partner(text, i);
        if (j >= 0) {
          const chinese = hasChinese(text, i + 1, j) || isChinese(before(text, i)) || isChinese(after(text, j));
          const [o, c] = ch === '"' ? ['“', '”'] : ['（', '）'];
          closing.set(j, chinese ? c : text[j]!);
          out = chinese ? o : ch;
        }
      }
      if (out === undefined && ch === '.') {
        // A full stop: after a Chinese character (a number never has one before its decimal
        // point), or after a percentage or closing mark before Chinese or the line's end;
        // `1.5`, `No.3`, `1.加快`, `www.gov.cn` and an ellipsis `...` keep theirs.
        const next = after(text, i);
        const prev = before(text, i);
        const han = prev >= 0x3400 && prev <= 0x9fff;
        if (headingNumeral(text, i)) out = '、'; // `一.过去一年` is the heading `一、过去一年`, not a sentence `一。`
        else out = next !== 0x2e && (han || ((isChinese(prev) || prev === 0x25) && (Number.isNaN(next) || next === 0x0a || isChinese(next)))) ? '。' : ch;
      }
      if (out === undefined) {
        const chinese = isChinese(before(text, i)) || isChinese(after(text, i));
        out = !chinese ? ch : ch === '"' ? (isChinese(after(text, i)) ? '“' : '”') : FULL[ch]!;
      }
    }
    if (out === ch) continue;
    changed = true;
    rw.keep(i);
    rw.replace(i + 1, out);
    // Spaces after a full-width mark are an ASCII typist's habit; Chinese sets none.
    let k = i + 1;
    while (k < text.length && SPACE(text.charCodeAt(k))) k++;
    if (k > i + 1 && k < text.length && text.charCodeAt(k) !== 0x0a) rw.drop(k);
  }
  return changed ? rw.finish() : { text, map: null };
}

const NUMERAL = /^[一二三四五六七八九十]{1,3}$/;

/** True when `text[i]` (a `.`) follows nothing but a Chinese numeral since its line began, as a heading's does. */
function headingNumeral(text: string, i: number): boolean {
  let start = i;
  while (start > 0 && i - start < 4 && text[start - 1] !== '\n') start--;
  return (start === 0 || text[start - 1] === '\n') && NUMERAL.test(text.slice(start, i).trimStart());
}
