import type { Document } from './model.ts';

/**
 * One ingest stage (a spaCy component): reads the fields it needs and fills the ones it owns.
 * `run` must return the document (usually the same object); returning nothing is an error that
 * `pipeline.ts` reports with the stage's name.
 *
 * @example const upper: Stage = { name: 'upper', run: (doc) => ({ ...doc, text: doc.text.toUpperCase() }) };
 */
export interface Stage {
  name: string;
  run(doc: Document): Document;
}
