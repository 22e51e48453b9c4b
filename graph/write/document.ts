import type { ManagedTransaction } from 'neo4j-driver';
import { q, type Query } from '../cypher.ts';
import type { Graph } from '../driver.ts';

/**
 * What replacing or deleting a document needs: detaching its previous version, dropping the
 * nodes only it held, recomputing its county's DEVELOPS edges. The writes themselves are in
 * batch.ts (`writeDocuments`; `writeDocument` is a batch of one).
 */

/** Indicators and sectors the documents bound as `docs` reach through their targets and industries. */
export const REFERENCED = `COLLECT {
  UNWIND docs AS d MATCH (d)-[:SETS]->(:Target)-[:MEASURES]->(x:Indicator) RETURN elementId(x) AS x
  UNION UNWIND docs AS d MATCH (d)-[:MENTIONS]->(:Industry)-[:BROADER*0..8]->(:Industry)-[:IN_SECTOR]->(x:Sector) RETURN elementId(x) AS x }`;

/**
 * Continues a `WITH mentioned, counties, docs` (element ids of mentioned nodes): adds the broader
 * industries above them, which only their narrower ones hold, to `mentioned`.
 */
export const BROADER_OF_MENTIONED = `counties, docs, mentioned + COLLECT {
    UNWIND docs AS d MATCH (d)-[:MENTIONS]->(:Industry)-[:BROADER*1..8]->(b:Industry) RETURN DISTINCT elementId(b) AS b
  } AS mentioned`;

/** Collects the nodes this document mentioned before, and removes its old sentences, targets and edges. */
export function detachPrevious(docId: string): Query[] {
  return [
    q(
      `OPTIONAL MATCH (d:Document {id: $docId})
       OPTIONAL MATCH (d)-[:MENTIONS]->(n)
       OPTIONAL MATCH (d)-[:ABOUT]->(c:County)
       WITH collect(DISTINCT elementId(n)) AS mentioned, collect(DISTINCT c.code) AS counties, collect(d) AS docs
       WITH ${BROADER_OF_MENTIONED}
       // Reached through a fact, not mentioned: dropped in a second pass when nothing points at them.
       RETURN mentioned, counties, ${REFERENCED} AS referenced`,
      { docId },
    ),
    q(`MATCH (:Document {id: $docId})-[:HAS_SENTENCE]->(s:Sentence) DETACH DELETE s`, { docId }),
    q(`MATCH (:Document {id: $docId})-[:SETS]->(t:Target) DETACH DELETE t`, { docId }),
    q(`MATCH (:Document {id: $docId})-[r]->() DELETE r`, { docId }),
  ];
}

/**
 * Deletes nodes that this document mentioned (or reached: indicators, sectors) before and that
 * nothing mentions, measures or classifies any more.
 */
export function dropOrphans(elementIds: string[]): Query {
  return q(
    `UNWIND $ids AS eid
     MATCH (n) WHERE elementId(n) = eid AND NOT ()-[:MENTIONS|MEASURES|IN_SECTOR|BROADER]->(n)
     DETACH DELETE n
     RETURN count(*) AS dropped`,
    { ids: elementIds },
  );
}

/**
 * `dropOrphans` until nothing more goes: a broader industry is held by its narrower ones (an
 * incoming BROADER), so it can only go once they went — one pass per level of the hierarchy.
 */
export async function dropOrphansUpwards(tx: ManagedTransaction, elementIds: string[]): Promise<void> {
  for (let pass = 0; pass < 10; pass++) {
    const r = await tx.run(dropOrphans(elementIds).cypher, dropOrphans(elementIds).params);
    if (!Number(r.records[0]?.get('dropped') ?? 0)) return;
  }
}

/**
 * Recomputes the county → industry DEVELOPS edges of the given counties from their documents:
 * `documents` is how many of the county's documents name the industry, `mentions` how often.
 */
export function recomputeDevelops(codes: string[]): Query {
  return q(
    `UNWIND $codes AS code
     MATCH (c:County {code: code})
     OPTIONAL MATCH (c)-[old:DEVELOPS]->()
     DELETE old
     WITH DISTINCT c
     MATCH (c)<-[:ABOUT]-(d:Document)-[m:MENTIONS]->(i:Industry)
     WITH c, i, count(DISTINCT d) AS documents, sum(m.count) AS mentions, max(m.confidence) AS confidence
     MERGE (c)-[r:DEVELOPS]->(i)
     SET r.documents = documents, r.mentions = mentions, r.confidence = confidence`,
    { codes },
  );
}

async function runAll(tx: ManagedTransaction, queries: Query[]) {
  const out = [];
  for (const x of queries) out.push(await tx.run(x.cypher, x.params));
  return out;
}

/** The stored content hash of a document, to skip unchanged files on re-ingest. */
export function documentHash(id: string): Query {
  return q('MATCH (d:Document {id: $id}) RETURN d.contentHash AS hash', { id });
}

/** Removes a document and everything only it held. */
export async function deleteDocument(graph: Graph, id: string): Promise<void> {
  await graph.write(async (tx) => {
    const [found] = await runAll(tx, detachPrevious(id));
    const record = found!.records[0]!;
    const mentioned = (record.get('mentioned') as string[]) ?? [];
    const counties = (record.get('counties') as string[]) ?? [];
    const referenced = (record.get('referenced') as string[]) ?? [];
    await runAll(tx, [q('MATCH (d:Document {id: $id}) DETACH DELETE d', { id })]);
    if (mentioned.length) await dropOrphansUpwards(tx, mentioned);
    if (referenced.length) await runAll(tx, [dropOrphans(referenced)]);
    if (counties.length) await runAll(tx, [recomputeDevelops(counties)]);
  });
}
