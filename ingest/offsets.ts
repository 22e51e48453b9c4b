/**
 * From canonical offsets (into `Document.text`) back to the source the reader produced, and to its
 * pages: evidence must be found in the document as it was stored.
 */
import type { Document } from './model.ts';

/** The source offset of canonical offset `i` (the same offset where normalisation kept lengths). */
export function sourceOffset(doc: Pick<Document, 'offsetMap'>, i: number): number {
  const map = doc.offsetMap;
  if (!map || map.length === 0) return i;
  if (i >= map.length) return map[map.length - 1]! + (i - map.length + 1);
  return map[Math.max(0, i)]!;
}

/**
 * The source span of canonical span `[start, end)`: from the source offset of its first unit to
 * just after the source offset of its last, so a span whose canonical text was joined across a line
 * break or a page number covers them in the source.
 */
export function sourceSpan(doc: Pick<Document, 'offsetMap'>, start: number, end: number): { start: number; end: number } {
  const from = sourceOffset(doc, start);
  return { start: from, end: end > start ? sourceOffset(doc, end - 1) + 1 : from };
}

/** The 1-based page holding canonical offset `i`, or null for formats without pages. */
export function pageAt(doc: Pick<Document, 'offsetMap' | 'pages'>, i: number): number | null {
  const pages = doc.pages;
  if (!pages?.length) return null;
  const at = sourceOffset(doc, i);
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
