import type { GraphDocument } from '../graph/model.ts';
import type { Document, DocumentMeta } from './model.ts';
import { readDocument } from './index.ts';
import { toGraphDocument } from './to-graph.ts';

/**
 * What extraction hands the writer: the graph form and a small summary. The full Document
 * (tokens, headings) stays where it was made, so little crosses a worker boundary.
 */
export interface Extracted {
  file: string;
  bytes: number;
  graph: GraphDocument;
  county: string | null;
  /** The reader the file needed (`text`, `pdf`, `docx`, `doc`, `html`). */
  reader: string | null;
  counts: Record<'industries' | 'projects' | 'targets' | 'results' | 'agencies' | 'enterprises' | 'plans', number>;
  warnings: string[];
}

export function summarise(doc: Document): Pick<Extracted, 'county' | 'reader' | 'counts' | 'warnings'> {
  const f = doc.facts;
  return {
    county: f.county?.code ? `${f.county.name ?? ''}(${f.county.code})` : null,
    reader: doc.sourceMeta?.reader ?? null,
    counts: {
      industries: f.industries.length,
      projects: f.projects.length,
      targets: f.targets.length,
      results: f.results.length,
      agencies: f.agencies.length,
      enterprises: f.enterprises.length,
      plans: f.plans.length,
    },
    warnings: doc.diagnostics.filter((d) => d.level === 'warning').map((d) => `${d.stage}: ${d.message}`),
  };
}

/** Reads and extracts one file; `id` is the document id the graph will use. */
export async function extractFile(file: string, id: string, meta: DocumentMeta, bytes: number): Promise<Extracted> {
  const doc = await readDocument(file, meta);
  doc.id = id;
  return { file, bytes, graph: toGraphDocument(doc), ...summarise(doc) };
}
