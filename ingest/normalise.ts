/**
 * The normalise stage: one canonical text for the extractors, whatever form the reader handed over.
 *
 * Transforms, in order (each in ingest/normalise/):
 * 1. width — full-width digits, letters and spaces to ASCII; length-preserving.
 * 2. traditional — traditional characters to simplified (only when the text looks traditional).
 * 3. line breaks — page numbers and running headers dropped, line breaks inside sentences joined.
 * 4. punctuation — half-width `,;:!?()"` standing in Chinese to full-width `，；：！？（）“”`.
 * 5. enumeration — in a text that lost every `、` to ASCII commas, list commas back to `、`.
 *
 * A transform that changes lengths returns an offset map; the stage composes them into
 * `doc.offsetMap` (canonical offset → offset in `doc.source`, the reader's text) so that evidence
 * can be found in the document as it was stored (see docs/architecture.md, "Canonical text and
 * offsets"). Plain simplified text allocates no map. Masks (`xx`, `X`, `x.x%`, `XXXX年`, `××`) are
 * recorded as ranges of the canonical text.
 */
import type { Document } from './model.ts';
import type { Stage } from './stage.ts';
import { foldWidth } from './normalise/width.ts';
import { looksTraditional, toSimplified } from './normalise/traditional.ts';
import { joinLines } from './normalise/line-breaks.ts';
import { fullWidthPunctuation } from './normalise/punctuation.ts';
import { restoreEnumerationCommas } from './normalise/enumeration.ts';
import { compose, type OffsetMap, type Rewritten } from './normalise/rewrite.ts';

export { foldWidth } from './normalise/width.ts';

/** The first offset of `map` (ascending) at or after source offset `p`. */
function canonicalOffset(map: OffsetMap, p: number): number {
  if (!map) return p;
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The canonical text of `raw` and its map back to `raw` (null when offsets are unchanged).
 * `pages`: offsets into `raw` at which pages start (a PDF reader's `Document.pages`).
 */
export function canonicalise(raw: string, pages: readonly number[] = []): Rewritten {
  let text = foldWidth(raw);
  let map: OffsetMap = null;
  if (looksTraditional(text)) {
    const r = toSimplified(text);
    text = r.text;
    map = compose(map, r.map);
  }
  const l = joinLines(text, pages.map((p) => canonicalOffset(map, p)));
  text = l.text;
  map = compose(map, l.map);
  const p = fullWidthPunctuation(text);
  text = restoreEnumerationCommas(p.text);
  map = compose(map, p.map);
  return { text, map };
}

/** The canonical text of `raw` (see `canonicalise`). */
export function normaliseText(raw: string): string {
  return canonicalise(raw).text;
}

/**
 * Redaction marks: runs of x/X (not inside an ASCII word: `Xbox`, `TEXT` are not masks),
 * optionally with a masked decimal part (`x.x`), and runs of ×× / ** / ＊＊.
 */
const MASK = /(?<![A-Za-z])[xX]{1,8}(?:\.[xX]{1,4})?(?![A-Za-z])|[×*]{2,}/g;

/** Ranges of `text` that are masks. */
export function findMasks(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(MASK)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** True when [start, end) overlaps a mask. Masks are sorted by start. */
export function inMask(masks: Array<{ start: number; end: number }>, start: number, end: number): boolean {
  let lo = 0;
  let hi = masks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (masks[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < masks.length && masks[lo]!.start < end;
}

/** Why a text cannot hold facts (no Chinese at all, or mostly masks), or null when it can. */
export function unusableText(text: string, masks: Array<{ start: number; end: number }>): string | null {
  if (!/[\u4e00-\u9fff]/.test(text)) return 'no Chinese text: nothing to extract';
  const visible = text.replace(/\s+/g, '').length;
  const masked = masks.reduce((n, m) => n + (m.end - m.start), 0);
  if (visible && masked / visible > 0.5) return `mostly masked (${Math.round((100 * masked) / visible)}% of the text): little to extract`;
  return null;
}

export const normalise: Stage = {
  name: 'normalise',
  run(doc: Document): Document {
    const source = doc.source ?? doc.text;
    const { text, map } = canonicalise(source, doc.pages);
    if (text !== source) doc.source = source;
    doc.text = text;
    if (map) doc.offsetMap = map;
    doc.masks = findMasks(doc.text);
    // Such a file is still ingested (it is text), but the user must hear why it yields no facts.
    const unusable = unusableText(doc.text, doc.masks);
    if (unusable) doc.diagnostics.push({ stage: 'normalise', level: 'warning', message: unusable });
    return doc;
  },
};
