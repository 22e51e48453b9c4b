/**
 * Evidence for a fact: where it stands (sentence, offsets into `doc.text`) and a snippet.
 * Every extractor builds its evidence here, so snippets look the same everywhere.
 */
import type { Document, Evidence, Sentence } from '../model.ts';
import { pageAt } from '../offsets.ts';

/** How many characters of context the snippet keeps on each side of the span. */
const CONTEXT = 12;

/**
 * Evidence for `[start, end)` of `doc.text`, found in sentence `s`.
 * @example evidence(doc, doc.sentences[3], 120, 128) → { sentence: 3, start: 120, end: 128, snippet: '…' }
 */
export function evidence(doc: Document, s: Sentence, start: number, end: number, rule?: string): Evidence {
  const from = Math.max(s.start, start - CONTEXT);
  const to = Math.min(s.end, end + CONTEXT);
  const e: Evidence = { sentence: s.index, start, end, snippet: doc.text.slice(from, to) };
  if (rule) e.rule = rule;
  if (doc.pages) {
    const page = pageAt(doc, start);
    if (page != null) e.page = page;
  }
  return e;
}

/** True when `[start, end)` overlaps one of the document's masks (`xx`, `x.x`). */
export function masked(doc: Document, start: number, end: number): boolean {
  return doc.masks.some((m) => m.start < end && m.end > start);
}
