import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { documentHash, writeDocument, type Graph } from '../graph/index.ts';
import { documentHashes } from '../graph/write/batch.ts';
import type { Document, DocumentMeta } from './model.ts';
import { processText, readDocument } from './index.ts';
import { toGraphDocument } from './to-graph.ts';
import { contentHash } from './content-hash.ts';
import { summarise as summariseFacts } from './extracted.ts';

/** What ingesting one file or text did. */
export interface IngestResult {
  id: string;
  /** `duplicate`: the same text as a stored document (`duplicateOf`), not stored again. */
  status: 'written' | 'unchanged' | 'duplicate';
  duplicateOf?: string;
  county: string | null;
  counts: Record<'industries' | 'projects' | 'targets' | 'results' | 'agencies' | 'enterprises' | 'plans', number>;
  warnings: string[];
}

/** The document id of a file: its name without the extension (stable across folders and runs). */
export function documentId(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '') || path.basename(file);
}

function summarise(doc: Document, status: IngestResult['status'], duplicateOf?: string): IngestResult {
  return { id: doc.id, status, ...(duplicateOf ? { duplicateOf } : {}), ...summariseFacts(doc) };
}

const EMPTY_COUNTS: IngestResult['counts'] = { industries: 0, projects: 0, targets: 0, results: 0, agencies: 0, enterprises: 0, plans: 0 };

/**
 * Ingests one file: unchanged content (same sha256 as stored) is skipped unless `force`;
 * a file whose decoded, normalised text equals a stored document's (another encoding, another
 * name) is reported as a duplicate of it and not stored; otherwise the document's facts replace
 * its previous version in one transaction.
 */
export async function ingestFile(
  graph: Graph,
  file: string,
  meta: DocumentMeta = {},
  opts: { force?: boolean } = {},
): Promise<IngestResult> {
  const id = documentId(file);
  if (!opts.force) {
    const hash = contentHash(await fs.promises.readFile(file));
    const [row] = await graph.read(documentHash(id));
    if (row && row.hash === hash) return { id, status: 'unchanged', county: null, counts: EMPTY_COUNTS, warnings: [] };
  }
  const doc = await readDocument(file, { file: path.basename(file), ...meta });
  doc.id = id;
  const { duplicates } = await writeDocument(graph, toGraphDocument(doc));
  return duplicates[0] ? summarise(doc, 'duplicate', duplicates[0].of) : summarise(doc, 'written');
}

/** The stored content hashes of many documents, in one query: id → hash (absent: not stored). */
export async function storedHashes(graph: Graph, ids: string[]): Promise<Map<string, string>> {
  const rows = ids.length ? await graph.read(documentHashes(ids)) : [];
  return new Map(rows.map((r) => [r.id as string, r.hash as string]));
}

/** Ingests text posted by a client (the API's ingestDocument mutation); idempotent by id. */
export async function ingestText(
  graph: Graph,
  text: string,
  meta: DocumentMeta = {},
  opts: { id?: string } = {},
): Promise<IngestResult & { document: Document }> {
  const hash = contentHash(text);
  const id = opts.id ?? meta.file?.replace(/\.[^.]+$/, '') ?? `text-${hash.slice(0, 16)}`;
  const doc = processText(text, meta, { id });
  doc.id = id;
  doc.contentHash = hash;
  const { duplicates } = await writeDocument(graph, toGraphDocument(doc));
  return { ...(duplicates[0] ? summarise(doc, 'duplicate', duplicates[0].of) : summarise(doc, 'written')), document: doc };
}
