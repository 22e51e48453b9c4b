import { LABELS, RELATIONSHIPS, q, type Label, type Query, type RelationshipType } from '../cypher.ts';
import type { Graph, Row } from '../driver.ts';

/**
 * Reads the whole graph for `xianzhi export`, in bounded batches: at national scale the graph holds
 * millions of nodes and relationships, so nothing here asks for more than `batch` rows at once.
 *
 * Paging is by key, not SKIP: each batch starts after the last key seen, so Neo4j seeks the unique
 * index instead of re-reading and skipping the rows before it (SKIP n costs n; this costs nothing).
 * Relationships page by their start node's key with the relationship's element id as tie-breaker,
 * so a start node with more relationships than one batch (a Document's sentences) still splits.
 *
 * Every node carries exactly one label, so `Label:key` is a graph-wide node id; exports use it.
 */

/** The key property of each label: the one its uniqueness constraint is on (graph/schema.ts). */
export const NODE_KEY: Record<Label, string> = {
  County: 'code',
  Document: 'id',
  Sentence: 'id',
  Industry: 'id',
  Sector: 'code',
  Project: 'id',
  Target: 'id',
  Indicator: 'id',
  Agency: 'id',
  Enterprise: 'id',
  Plan: 'id',
};

/** The id exports give a node: unique across labels, readable, and stable across runs. */
export const nodeId = (label: string, key: unknown): string => `${label}:${String(key)}`;

/** One property of a label or relationship type, with the Cypher value types seen for it. */
export interface PropertyInfo {
  name: string;
  /** `valueType()` names without NOT NULL, e.g. `INTEGER`, `STRING`, `LIST<STRING>`. */
  types: string[];
}

export interface NodeSet {
  label: Label;
  key: string;
  count: number;
  properties: PropertyInfo[];
}

/** Relationships of one type leaving nodes of one label (the unit relationships are paged by). */
export interface RelationshipSet {
  type: RelationshipType;
  start: Label;
  count: number;
  properties: PropertyInfo[];
}

export interface ExportPlan {
  nodes: NodeSet[];
  relationships: RelationshipSet[];
}

// Labels and types below come only from the closed lists in cypher.ts, never from input.

/**
 * Count-store lookups (no scan): how many nodes per label, and how many relationships of one type
 * leave each label. One statement per type rather than one for all: a union of ~140 branches
 * takes Neo4j seconds just to plan.
 */
export function nodeCounts(): Query {
  return q(LABELS.map((l) => `MATCH (n:${l}) WITH count(n) AS count RETURN '${l}' AS label, count`).join(' UNION ALL '));
}

export function startLabelCounts(type: RelationshipType): Query {
  return q(LABELS.map((l) => `MATCH (:${l})-[r:${type}]->() WITH count(r) AS count RETURN '${l}' AS label, count`).join(' UNION ALL '));
}

const stripNotNull = `replace(valueType(v), ' NOT NULL', '')`;

/** The property names of a label and the value types each holds (one streaming pass, server side). */
export function nodeProperties(label: Label): Query {
  return q(`MATCH (n:${label}) UNWIND keys(n) AS k WITH k, n[k] AS v
            RETURN k AS name, collect(DISTINCT ${stripNotNull}) AS types ORDER BY name`);
}

export function relationshipProperties(type: RelationshipType, start: Label): Query {
  return q(`MATCH (:${start})-[r:${type}]->() UNWIND keys(r) AS k WITH k, r[k] AS v
            RETURN k AS name, collect(DISTINCT ${stripNotNull}) AS types ORDER BY name`);
}

/** One batch of nodes after key `after` (null: from the start), in key order. */
export function nodeBatch(label: Label, after: string | number | null, batch: number): Query {
  const key = NODE_KEY[label];
  return q(
    // Two shapes, so that each is a plain range seek on the unique index (an OR would defeat it).
    `MATCH (n:${label}) WHERE ${after === null ? `n.${key} IS NOT NULL` : `n.${key} > $after`}
     WITH n ORDER BY n.${key} LIMIT toInteger($batch)
     RETURN n.${key} AS key, properties(n) AS properties`,
    { after, batch },
  );
}

/**
 * One batch of relationships of `type` leaving `start` nodes, after the cursor (start key, element
 * id). The start nodes come in key order from the index, so Neo4j stops reading them once the
 * batch is full. Each row names its end node by label and key.
 */
export function relationshipBatch(
  type: RelationshipType,
  start: Label,
  after: { key: string | number; rel: string } | null,
  batch: number,
): Query {
  const key = NODE_KEY[start];
  const endKey = `CASE labels(b)[0] ${LABELS.map((l) => `WHEN '${l}' THEN b.${NODE_KEY[l]}`).join(' ')} END`;
  return q(
    `MATCH (a:${start}) WHERE ${after === null ? `a.${key} IS NOT NULL` : `a.${key} >= $afterKey`}
     WITH a ORDER BY a.${key}
     MATCH (a)-[r:${type}]->(b)
     WITH a, r, b, elementId(r) AS rid
     WHERE ${after === null ? 'true' : `a.${key} > $afterKey OR rid > $afterRel`}
     WITH a, r, b, rid ORDER BY a.${key}, rid LIMIT toInteger($batch)
     RETURN a.${key} AS start, labels(b)[0] AS endLabel, ${endKey} AS end, rid, properties(r) AS properties`,
    { afterKey: after?.key ?? null, afterRel: after?.rel ?? null, batch },
  );
}

/** Reads what there is to export: labels and relationship sets with counts and property types. */
export async function exportPlan(graph: Graph): Promise<ExportPlan> {
  const plan: ExportPlan = { nodes: [], relationships: [] };
  for (const c of await graph.read<{ label: Label; count: number }>(nodeCounts())) {
    if (!c.count) continue;
    const properties = await graph.read<PropertyInfo & Row>(nodeProperties(c.label));
    plan.nodes.push({ label: c.label, key: NODE_KEY[c.label], count: c.count, properties });
  }
  for (const type of RELATIONSHIPS) {
    for (const c of await graph.read<{ label: Label; count: number }>(startLabelCounts(type))) {
      if (!c.count) continue;
      const properties = await graph.read<PropertyInfo & Row>(relationshipProperties(type, c.label));
      plan.relationships.push({ type, start: c.label, count: c.count, properties });
    }
  }
  return plan;
}

export interface ExportNode {
  label: Label;
  key: string | number;
  properties: Record<string, unknown>;
}

export interface ExportRelationship {
  type: RelationshipType;
  /** Neo4j's element id: unique for the life of the relationship, not across databases. */
  elementId: string;
  start: { label: Label; key: string | number };
  end: { label: Label; key: string | number };
  properties: Record<string, unknown>;
}

export const DEFAULT_BATCH = 5000;
// (`toInteger($batch)` above: the driver sends JS numbers as floats, and LIMIT refuses 5000.0.)

/** Every node of `label`, batch by batch. */
export async function* streamNodes(graph: Graph, label: Label, batch = DEFAULT_BATCH): AsyncGenerator<ExportNode[]> {
  let after: string | number | null = null;
  for (;;) {
    const rows: Array<{ key: string | number; properties: Record<string, unknown> }> = await graph.read(nodeBatch(label, after, batch));
    if (!rows.length) return;
    yield rows.map((r) => ({ label, key: r.key, properties: r.properties }));
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.key;
  }
}

type RelationshipRow = {
  start: string | number;
  endLabel: Label;
  end: string | number;
  rid: string;
  properties: Record<string, unknown>;
};

/** Every relationship of `type` leaving `start` nodes, batch by batch. */
export async function* streamRelationships(
  graph: Graph,
  type: RelationshipType,
  start: Label,
  batch = DEFAULT_BATCH,
): AsyncGenerator<ExportRelationship[]> {
  let after: { key: string | number; rel: string } | null = null;
  for (;;) {
    const rows: RelationshipRow[] = await graph.read<RelationshipRow>(relationshipBatch(type, start, after, batch));
    if (!rows.length) return;
    yield rows.map((r) => ({
      type,
      elementId: r.rid,
      start: { label: start, key: r.start },
      end: { label: r.endLabel, key: r.end },
      properties: r.properties,
    }));
    if (rows.length < batch) return;
    const last: RelationshipRow = rows[rows.length - 1]!;
    after = { key: last.start, rel: last.rid };
  }
}
