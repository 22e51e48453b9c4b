/**
 * Line breaks that a PDF's layout put inside sentences (text copied out of a PDF breaks every
 * 30–40 characters, in the middle of words: 张峰水库供水配 / 套工程) are joined; paragraph ends,
 * headings, title lines and list items keep theirs. Page furniture (ingest/normalise/page-furniture.ts)
 * goes, and a sentence it interrupted is joined across it.
 *
 * Whether a document is hard-wrapped, and which lines are full, is read from the document's own
 * line lengths (in characters and in display width, CJK counting two): a wrapped document has most
 * of its lines within a narrow band below its longest usual line. A full line continues on the
 * next one unless that opens a heading or an indented paragraph; a shorter line ends its paragraph
 * unless it ends in a clause mark (`，`, `、`) or a page break cut it.
 */
import { isBlank, splitLines, STRONG_HEADING, WEAK_HEADING, type Line } from './lines.ts';
import { pageFurniture } from './page-furniture.ts';
import { Rewriter, type Rewritten } from './rewrite.ts';

/** Fewest lines, and least share of them near the usual width, for a document to read as wrapped. */
const MIN_LINES = 8;
const MIN_FULL_SHARE = 0.5;
/** A wrapped line is at most this many characters (wider text is paragraphs, not a page's lines). */
const MAX_WRAP = 120;
/** A line is full when it reaches this share of the usual (80th-percentile) line length. */
const FULL = 0.85;
/** A line this long that does not end a sentence is still a wrapped one. */
const NEARLY = 0.6;

const TERMINAL = new Set('。！？；：!?;:…”’）)'.split(''));
const CLAUSE = new Set('，、,（(“《—'.split(''));

function width(text: string, l: Line): number {
  let w = 0;
  for (let i = l.contentStart; i < l.contentEnd; i++) w += text.charCodeAt(i) < 0x2e80 ? 1 : 2;
  return w;
}

function percentile80(lengths: number[]): number {
  const sorted = Int32Array.from(lengths).sort(); // a typed array sorts numerically, without a comparator
  return sorted[Math.floor(0.8 * (sorted.length - 1))]!;
}

/** The length from which a line counts as full, or Infinity when the lines do not look wrapped. */
function fullFrom(lengths: number[], max: number, usual = percentile80(lengths)): number {
  if (lengths.length < MIN_LINES) return Infinity;
  if (usual > max) return Infinity;
  const from = Math.floor(usual * FULL);
  const near = lengths.filter((n) => n >= from && n <= usual * 1.2).length;
  return near >= MIN_FULL_SHARE * lengths.length ? from : Infinity;
}

/** A short text's lines: fewer near the usual width may do, when nearly all of them stop mid-sentence. */
const MIN_NEAR_LINES = 5;
const MIN_NEAR_SHARE = 0.4;
const MID_SENTENCE_SHARE = 0.75;

/**
 * The full-line length of a short wrapped text, whose titles, headings and paragraph ends outnumber
 * its full lines: the lines near the usual width are few but stop mid-sentence, where the lines of
 * unwrapped text (a paragraph each) end theirs. Infinity when they do not.
 */
function fullByEndings(text: string, ls: Line[], lengths: number[], usual: number): number {
  if (lengths.length < MIN_LINES || usual > MAX_WRAP) return Infinity;
  const from = Math.floor(usual * FULL);
  const near = ls.filter((_, k) => lengths[k]! >= from && lengths[k]! <= usual * 1.2);
  if (near.length < MIN_NEAR_LINES || near.length < MIN_NEAR_SHARE * lengths.length) return Infinity;
  const mid = near.filter((l) => !TERMINAL.has(text[l.contentEnd - 1]!)).length;
  return mid >= MID_SENTENCE_SHARE * near.length ? from : Infinity;
}

const opensHeading = (text: string, l: Line) => {
  const head = text.slice(l.contentStart, Math.min(l.contentEnd, l.contentStart + 8));
  return STRONG_HEADING.test(head) || WEAK_HEADING.test(head);
};

const indented = (text: string, l: Line) => l.contentStart > l.start;

/**
 * Joins broken lines and drops page furniture. `pageStarts`: offsets into `text` where pages begin.
 */
export function joinLines(text: string, pageStarts: readonly number[] = []): Rewritten {
  if (text.indexOf('\n') < 0) return { text, map: null };
  const lines = splitLines(text);
  const furniture = pageFurniture(text, lines, pageStarts);
  const body: number[] = [];
  for (let i = 0; i < lines.length; i++) if (!isBlank(lines[i]!) && !furniture.has(i)) body.push(i);
  if (!body.length) return { text, map: null };

  const chars = body.map((i) => lines[i]!.contentEnd - lines[i]!.contentStart);
  const usualChars = percentile80(chars);
  let fullChars = fullFrom(chars, MAX_WRAP, usualChars);
  if (fullChars === Infinity) fullChars = fullByEndings(text, body.map((i) => lines[i]!), chars, usualChars);
  const wrappedByChars = fullChars !== Infinity;
  // Display widths only where lines are short enough to be a page's (not on plain paragraphs).
  const widths = wrappedByChars || usualChars <= MAX_WRAP ? body.map((i) => width(text, lines[i]!)) : [];
  const fullWidth = widths.length ? fullFrom(widths, 2 * MAX_WRAP) : Infinity;
  const wrapped = wrappedByChars || fullWidth !== Infinity;
  // When (nearly) every line is indented, an indent marks nothing.
  const indents = body.filter((i) => indented(text, lines[i]!)).length;
  const indentMeans = indents < 0.6 * body.length;

  const rw = new Rewriter(text);
  // Furniture before the first line of text.
  if (body[0]! > 0 && [...furniture].some((i) => i < body[0]!)) rw.drop(lines[body[0]!]!.start);
  for (let k = 0; k < body.length; k++) {
    const ai = body[k]!;
    const a = lines[ai]!;
    const bi = body[k + 1];
    if (bi === undefined) {
      // Furniture after the last line of text.
      if ([...furniture].some((i) => i > ai)) {
        rw.keep(a.end);
        rw.drop(text.length);
      }
      break;
    }
    const b = lines[bi]!;
    let gapFurniture = false;
    let gapBlank = false;
    for (let i = ai + 1; i < bi; i++) {
      if (furniture.has(i)) gapFurniture = true;
      else gapBlank = true;
    }
    if (gapBlank && !gapFurniture) continue; // a blank line: a paragraph break
    const last = text[a.contentEnd - 1]!;
    const next = text.slice(b.contentStart, Math.min(b.contentEnd, b.contentStart + 8));
    let join: boolean;
    if (STRONG_HEADING.test(next)) join = false;
    else if (WEAK_HEADING.test(next) && (TERMINAL.has(last) || !wrapped)) join = false;
    else if (indentMeans && indented(text, b)) join = false;
    else if (wrapped && (chars[k]! >= fullChars || (widths.length > 0 && widths[k]! >= fullWidth))) join = true;
    // Nearly full and not at a sentence's end: wrapped lines vary in length (30–40 characters).
    // A heading that stops short is a line of its own.
    else if (wrapped && !TERMINAL.has(last) && chars[k]! >= NEARLY * usualChars && !opensHeading(text, a)) join = true;
    else if (CLAUSE.has(last) && (wrapped || gapFurniture)) join = true;
    else join = gapFurniture && !TERMINAL.has(last);
    if (join) {
      // Joined without a space: a break inside `2021` or a masked `XX` splits one token.
      rw.keep(a.contentEnd);
      rw.drop(b.contentStart);
    } else if (gapFurniture) {
      rw.keep(a.end + 1);
      rw.drop(b.start);
    }
  }
  return rw.finish();
}
