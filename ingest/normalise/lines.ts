/** A text's lines with their offsets, and what the line-level transforms ask of a line. */

export interface Line {
  /** Offset of the line's first character and of its end (the `\n` or the text's end). */
  start: number;
  end: number;
  /** Offsets of the line's content without leading and trailing whitespace. */
  contentStart: number;
  contentEnd: number;
}

const WS = (c: number) => c === 0x20 || c === 0x09 || c === 0x0c || c === 0x3000 || c === 0xa0;

export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let cs = start;
    while (cs < end && WS(text.charCodeAt(cs))) cs++;
    let ce = end;
    while (ce > cs && WS(text.charCodeAt(ce - 1))) ce--;
    out.push({ start, end, contentStart: cs, contentEnd: ce });
    if (end === text.length) break;
    start = end + 1;
  }
  return out;
}

export const content = (text: string, l: Line) => text.slice(l.contentStart, l.contentEnd);
export const isBlank = (l: Line) => l.contentStart === l.contentEnd;

const CN = '[一二三四五六七八九十]+';
/** Headings that open a line whatever precedes them: `一、`, `（一）`, `第一章`. */
export const STRONG_HEADING = new RegExp(`^(?:${CN}、|[（(]${CN}[）)]|第${CN}[章节部分篇])`);
/** Headings and list items that open a line only after a sentence ended: `1.`, `一是`, `（1）`. */
export const WEAK_HEADING = new RegExp(`^(?:\\d{1,2}[.、．](?!\\d)|[（(]\\d{1,2}[）)]|${CN}是|${CN}要|第${CN}[，、,：:是]|[①-⑳])`);
