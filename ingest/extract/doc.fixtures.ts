/**
 * Test fixtures: a small `Document` built by hand from sentences, each marked review or plan,
 * with masks found as the normaliser finds them. No file, no pipeline: a stage's unit test
 * runs on exactly the text it states.
 */
import { emptyFacts, type Document, type SectionKind, type Sentence } from '../model.ts';
import { findMasks } from '../normalise.ts';

/**
 * A document of the given sentences, joined without separators (each keeps its own `。`).
 * @example docOf(['地区生产总值增长8%。'], 'plan')
 */
export function docOf(sentences: string[], section: SectionKind = 'plan', date = '2022'): Document {
  let text = '';
  const ss: Sentence[] = [];
  for (const s of sentences) {
    ss.push({ index: ss.length, text: s, start: text.length, end: text.length + s.length, section, heading: -1 });
    text += s;
  }
  return {
    id: 'fixture',
    meta: { date },
    text,
    masks: findMasks(text),
    headings: [],
    sentences: ss,
    words: null,
    facts: emptyFacts(),
    diagnostics: [],
  };
}
