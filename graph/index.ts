/** graph/ public entry: everything api/ and ingest/ may use. */
export { readConfig, type GraphConfig } from './config.ts';
export { Graph, GraphUnavailableError, type Row } from './driver.ts';
export { openGraph, type OpenOptions } from './connect.ts';
export { applySchema, SCHEMA } from './schema.ts';
export { q, LABELS, RELATIONSHIPS, type Query } from './cypher.ts';
export * from './model.ts';
export { deleteDocument, documentHash } from './write/document.ts';
export { writeDocument, writeDocuments, type Duplicate, type WriteResult } from './write/batch.ts';
export { removeDocuments, type RemoveResult } from './write/remove.ts';
export { clearGraph } from './write/clear.ts';
export { stats, type Stats } from './read/stats.ts';
export * as local from './local/server.ts';
