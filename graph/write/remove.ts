import type { ManagedTransaction } from 'neo4j-driver';
import { q } from '../cypher.ts';
import type { Graph } from '../driver.ts';
import { detachPreviousMany } from './batch.ts';
import { dropOrphans, dropOrphansUpwards, recomputeDevelops } from './document.ts';

export interface RemoveResult {
  /** The ids that were stored and are now gone. */
  removed: string[];
  /** The ids asked for that no document has. */
  missing: string[];
}

/**
 * Removes documents and everything only they supported, in one transaction: their sentences,
 * targets and evidence; the facts (industries, projects, agencies, enterprises, plans) nothing
 * else mentions, with the broader industries only those held, and the indicators and sectors
 * nothing else reaches; a county no remaining document is about or points to. The DEVELOPS edges
 * of their counties are recomputed from the documents left. `xianzhi remove` and the API's
 * `removeDocument` call this.
 */
export async function removeDocuments(graph: Graph, ids: string[], opts: { timeoutMs?: number } = {}): Promise<RemoveResult> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return { removed: [], missing: [] };
  let out: RemoveResult = { removed: [], missing: wanted };
  await graph.write(async (tx) => {
    out = await removeInTransaction(tx, wanted);
  }, opts);
  return out;
}

async function removeInTransaction(tx: ManagedTransaction, wanted: string[]): Promise<RemoveResult> {
  {
    const found = await tx.run('UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN collect(d.id) AS found', { ids: wanted });
    const removed = (found.records[0]?.get('found') as string[] | undefined) ?? [];
    const missing = wanted.filter((id) => !removed.includes(id));
    if (!removed.length) return { removed, missing };
    const suggested = await tx.run('UNWIND $ids AS id MATCH (:Document {id: id})-[:SUGGESTS_COUNTY]->(c:County) RETURN collect(DISTINCT c.code) AS codes', { ids: removed });
    const [collected, ...detach] = detachPreviousMany(removed);
    const r = await tx.run(collected!.cypher, collected!.params);
    const record = r.records[0];
    const mentioned = (record?.get('mentioned') as string[] | undefined) ?? [];
    const counties = (record?.get('counties') as string[] | undefined) ?? [];
    const referenced = (record?.get('referenced') as string[] | undefined) ?? [];
    for (const x of detach) await tx.run(x.cypher, x.params);
    await tx.run('UNWIND $ids AS id MATCH (d:Document {id: id}) DETACH DELETE d', { ids: removed });
    if (mentioned.length) await dropOrphansUpwards(tx, mentioned);
    if (referenced.length) {
      const d = dropOrphans(referenced);
      await tx.run(d.cypher, d.params);
    }
    const touched = [...new Set([...counties, ...((suggested.records[0]?.get('codes') as string[] | undefined) ?? [])])];
    if (touched.length) {
      const dev = recomputeDevelops(touched);
      await tx.run(dev.cypher, dev.params);
      const gone = q(
        `UNWIND $codes AS code MATCH (c:County {code: code})
         WHERE NOT ()-[:ABOUT|SUGGESTS_COUNTY]->(c)
         DETACH DELETE c`,
        { codes: touched },
      );
      await tx.run(gone.cypher, gone.params);
    }
    return { removed, missing };
  }
}
