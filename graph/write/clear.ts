import { q } from '../cypher.ts';
import type { Graph } from '../driver.ts';

/** Deletes every node and relationship, in batches so a large graph does not need one huge transaction. */
export async function clearGraph(graph: Graph): Promise<void> {
  await graph.run(q('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS'));
}
