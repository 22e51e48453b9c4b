/**
 * Page furniture in text that came through pages (a PDF's text layer, text copied out of one):
 * page numbers (`— 1 —`, `- 2 -`, `第 3 页`, `3/20`, a bare number) and running headers or
 * footers — a short line that recurs at page boundaries. Page boundaries are known from the
 * reader (`Document.pages`) or from page numbers; without either, a short line that recurs
 * at least three times, well apart, is taken for a running header.
 */
import { content, isBlank, STRONG_HEADING, WEAK_HEADING, type Line } from './lines.ts';

const DASH = '[-—–－―~·•]';
const PAGE_NUMBER = new RegExp(
  [
    `^${DASH}+\\s*\\d{1,4}\\s*${DASH}+$`, // — 1 —, - 2 -
    `^\\d{1,3}$`, // a bare number
    `^第\\s*\\d{1,4}\\s*页(?:\\s*[,，/／]?\\s*共\\s*\\d{1,4}\\s*页)?$`, // 第 3 页, 第3页 共20页
    `^(?:共\\s*\\d{1,4}\\s*页\\s*)?第\\s*\\d{1,4}\\s*页$`,
    `^\\d{1,4}\\s*[/／]\\s*\\d{1,4}$`, // 3/20
    `^(?:page|p\\.)\\s*\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?$`, // Page 3 of 20
  ].join('|'),
  'i',
);

export function isPageNumber(line: string): boolean {
  return line.length <= 20 && PAGE_NUMBER.test(line);
}

/** Longest running header or footer we recognise, in characters. */
const HEADER_MAX = 40;
/** Lines around a page boundary where headers and footers stand. */
const NEAR = 2;
/** Without page boundaries: how often, and how many lines apart at least, a header recurs. */
const MIN_REPEATS = 3;
const MIN_GAP = 8;
/** Lines at the top that may repeat a running header as the document's own title. */
const TITLE_LINES = 3;

const SENTENCE_END = /[。！？；：!?;:”’）)]$/;

/** A line's identity as a running header: page numbers and spacing inside it do not count. */
const headerKey = (s: string) => s.replace(/\s+/g, '').replace(/\d+/g, '#');

/**
 * Indices of the lines that are page furniture. `pageStarts` are offsets into the same text at
 * which pages begin (from the reader), or empty.
 */
export function pageFurniture(text: string, lines: Line[], pageStarts: readonly number[] = []): Set<number> {
  const out = new Set<number>();
  const near = new Uint8Array(lines.length); // 1 = within NEAR lines of a page boundary
  const mark = (i: number) => {
    for (let k = Math.max(0, i - NEAR); k <= Math.min(lines.length - 1, i + NEAR); k++) near[k] = 1;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (isBlank(l) || l.contentEnd - l.contentStart > 20) continue;
    if (isPageNumber(content(text, l))) {
      out.add(i);
      mark(i);
    }
  }
  let bounded = out.size > 0;
  if (pageStarts.length > 1) {
    bounded = true;
    let li = 0;
    for (const p of pageStarts.slice(1)) {
      while (li < lines.length - 1 && lines[li]!.end < p) li++;
      mark(li);
      if (li > 0) mark(li - 1);
    }
  }
  // Running headers and footers: short lines that recur.
  const seen = new Map<string, number[]>();
  let nonBlank = 0;
  const title = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (isBlank(l) || out.has(i)) continue;
    if (nonBlank++ < TITLE_LINES) title.add(i);
    if (l.contentEnd - l.contentStart > HEADER_MAX) continue;
    const s = content(text, l);
    if (/[。；;，,]$/.test(s) || STRONG_HEADING.test(s) || WEAK_HEADING.test(s)) continue;
    const k = headerKey(s);
    const list = seen.get(k);
    if (list) list.push(i);
    else seen.set(k, [i]);
  }
  const titleKeys = new Set([...title].map((i) => headerKey(content(text, lines[i]!))));
  for (const [key, idx] of seen) {
    // A line at a page boundary that repeats the title is the running header, even once.
    if (titleKeys.has(key)) for (const i of idx) if (!title.has(i) && near[i]) out.add(i);
    if (idx.length < 2) continue;
    let header: boolean;
    if (bounded) {
      const atBoundary = idx.filter((i) => near[i]).length;
      header = atBoundary >= 2 && atBoundary >= 0.6 * idx.length;
    } else {
      let minGap = Infinity;
      for (let k = 1; k < idx.length; k++) minGap = Math.min(minGap, idx[k]! - idx[k - 1]!);
      header = idx.length >= MIN_REPEATS && minGap >= MIN_GAP;
    }
    if (header) for (const i of idx) if (!title.has(i)) out.add(i);
  }
  // A short line just after a page number, where the page broke a sentence and the line does not
  // end one either, is that page's header (seen once in a short document).
  for (let i = 0; i < lines.length; i++) {
    if (!out.has(i) || !isPageNumber(content(text, lines[i]!))) continue;
    let h = i - 1;
    while (h >= 0 && (isBlank(lines[h]!) || out.has(h))) h--;
    let j = i + 1;
    while (j < lines.length && isBlank(lines[j]!)) j++;
    if (h < 0 || j >= lines.length - 1 || out.has(j)) continue;
    const before = content(text, lines[h]!);
    const s = content(text, lines[j]!);
    // Shorter than the line the page broke: a page's own lines run full width.
    if (s.length > HEADER_MAX || s.length > 0.7 * before.length) continue;
    if (SENTENCE_END.test(before) || SENTENCE_END.test(s) || /[，,、]$/.test(s)) continue;
    if (STRONG_HEADING.test(s) || WEAK_HEADING.test(s)) continue;
    out.add(j);
  }
  return out;
}
