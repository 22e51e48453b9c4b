import type { Document, Evidence } from './model.ts';
import { sentenceAt } from './structure.ts';
import { pageAt } from './offsets.ts';

/** Evidence for the span [start, end): its sentence and a short window around it for display. */
export function evidence(doc: Document, start: number, end: number, window = 30): Evidence {
  const sentence = sentenceAt(doc, start);
  const s = doc.sentences[sentence];
  const from = Math.max(s ? s.start : 0, start - window);
  const to = Math.min(s ? s.end : doc.text.length, end + window);
  const e: Evidence = { sentence, start, end, snippet: doc.text.slice(from, to) };
  const page = doc.pages ? pageAt(doc, start) : null;
  if (page != null) e.page = page;
  return e;
}
