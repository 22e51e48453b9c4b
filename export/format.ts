import type { ExportNode, ExportPlan, ExportRelationship, NodeSet, RelationshipSet } from '../graph/read/export.ts';

/**
 * One export format: told the plan first (so headers and key declarations come before any row),
 * then fed batches of nodes (all labels) and then of relationships (all types), then closed.
 */
export interface FormatWriter {
  begin(plan: ExportPlan): Promise<void>;
  nodes(set: NodeSet, batch: ExportNode[]): Promise<void>;
  relationships(set: RelationshipSet, batch: ExportRelationship[]): Promise<void>;
  /** Closes the output; resolves to the files written. */
  end(): Promise<string[]>;
}

export const FORMATS = ['graphml', 'csv', 'jsonl'] as const;
export type Format = (typeof FORMATS)[number];
