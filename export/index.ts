import { exportPlan, streamNodes, streamRelationships, DEFAULT_BATCH, type ExportPlan } from '../graph/read/export.ts';
import type { Graph } from '../graph/driver.ts';
import { csvWriter } from './csv.ts';
import type { Format, FormatWriter } from './format.ts';
import { graphmlWriter } from './graphml.ts';
import { jsonlWriter } from './jsonl.ts';

export { FORMATS, type Format } from './format.ts';

export interface ExportResult {
  files: string[];
  /** Rows written per label and per relationship type: what `stats` should say too. */
  labels: Record<string, number>;
  relationships: Record<string, number>;
  plan: ExportPlan;
}

const WRITERS: Record<Format, (out: string) => FormatWriter> = {
  graphml: graphmlWriter,
  csv: csvWriter,
  jsonl: jsonlWriter,
};

/**
 * Exports the whole graph to `out` (a file, or a folder for csv), reading it in key-ordered batches
 * of `batch` rows: nodes first, then relationships, so every edge's ends are already written.
 */
export async function exportGraph(
  graph: Graph,
  format: Format,
  out: string,
  opts: { batch?: number; progress?: (what: string, rows: number) => void } = {},
): Promise<ExportResult> {
  const batchSize = opts.batch ?? DEFAULT_BATCH;
  const plan = await exportPlan(graph);
  const writer = WRITERS[format](out);
  const labels: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  await writer.begin(plan);
  for (const set of plan.nodes) {
    for await (const batch of streamNodes(graph, set.label, batchSize)) {
      await writer.nodes(set, batch);
      labels[set.label] = (labels[set.label] ?? 0) + batch.length;
      opts.progress?.(set.label, labels[set.label]!);
    }
  }
  for (const set of plan.relationships) {
    for await (const batch of streamRelationships(graph, set.type, set.start, batchSize)) {
      await writer.relationships(set, batch);
      relationships[set.type] = (relationships[set.type] ?? 0) + batch.length;
      opts.progress?.(set.type, relationships[set.type]!);
    }
  }
  const files = await writer.end();
  return { files, labels, relationships, plan };
}
