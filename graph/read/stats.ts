import { LABELS, RELATIONSHIPS, q, type Query } from '../cypher.ts';
import type { Graph } from '../driver.ts';

// Labels and types come from the closed lists in cypher.ts, so they can be written into the
// statement; each `count` then reads Neo4j's count store instead of scanning. The count comes
// before the name: grouping by a literal over no rows would return no row at all.

export function labelCounts(): Query {
  return q(LABELS.map((l) => `MATCH (n:${l}) WITH count(n) AS count RETURN '${l}' AS name, count`).join(' UNION ALL '));
}

export function relationshipCounts(): Query {
  return q(RELATIONSHIPS.map((t) => `MATCH ()-[r:${t}]->() WITH count(r) AS count RETURN '${t}' AS name, count`).join(' UNION ALL '));
}

export interface Stats {
  labels: Record<string, number>;
  relationships: Record<string, number>;
}

const toRecord = (rows: Array<Record<string, unknown>>) =>
  Object.fromEntries(rows.map((r) => [r.name as string, r.count as number]));

/** The count of every node label and relationship type (zeros included, so the shape is stable). */
export async function stats(graph: Graph): Promise<Stats> {
  const [labels, rels] = await Promise.all([graph.read(labelCounts()), graph.read(relationshipCounts())]);
  return { labels: toRecord(labels), relationships: toRecord(rels) };
}
