import type { ManagedTransaction } from 'neo4j-driver';
import { q, type Query } from '../cypher.ts';
import type { Graph } from '../driver.ts';
import type { GraphDocument } from '../model.ts';

/**
 * Writes one document and its facts in ONE transaction, replacing whatever an earlier version of
 * the same document wrote — and only that: shared nodes (industries, projects, agencies …) stay
 * while any other document still mentions them.
 */

/** Evidence edges from the document's sentences to the node bound as `n` (rows carry `it`). */
const EVIDENCE = `
WITH n, it
UNWIND it.evidence AS ev
MATCH (s:Sentence {id: $docId + ':' + toString(ev.sentence)})
CREATE (s)-[:EVIDENCE {start: ev.start, end: ev.end, snippet: ev.snippet, documentId: $docId}]->(n)`;

/** Indicators and sectors the documents bound as `docs` reach through their targets and industries. */
export const REFERENCED = `COLLECT {
  UNWIND docs AS d MATCH (d)-[:SETS]->(:Target)-[:MEASURES]->(x:Indicator) RETURN elementId(x) AS x
  UNION UNWIND docs AS d MATCH (d)-[:MENTIONS]->(:Industry)-[:IN_SECTOR]->(x:Sector) RETURN elementId(x) AS x }`;

/** Collects the nodes this document mentioned before, and removes its old sentences, targets and edges. */
export function detachPrevious(docId: string): Query[] {
  return [
    q(
      `OPTIONAL MATCH (d:Document {id: $docId})
       OPTIONAL MATCH (d)-[:MENTIONS]->(n)
       OPTIONAL MATCH (d)-[:ABOUT]->(c:County)
       WITH collect(DISTINCT elementId(n)) AS mentioned, collect(DISTINCT c.code) AS counties, collect(d) AS docs
       // Reached through a fact, not mentioned: dropped in a second pass when nothing points at them.
       RETURN mentioned, counties, ${REFERENCED} AS referenced`,
      { docId },
    ),
    q(`MATCH (:Document {id: $docId})-[:HAS_SENTENCE]->(s:Sentence) DETACH DELETE s`, { docId }),
    q(`MATCH (:Document {id: $docId})-[:SETS]->(t:Target) DETACH DELETE t`, { docId }),
    q(`MATCH (:Document {id: $docId})-[r]->() DELETE r`, { docId }),
  ];
}

export function documentNode(doc: GraphDocument): Query {
  return q(
    `MERGE (d:Document {id: $docId})
     SET d.file = $file, d.title = $title, d.kind = $kind, d.date = $date, d.year = $year,
         d.contentHash = $contentHash, d.masked = $masked, d.encoding = $encoding, d.chars = $chars,
         d.sentenceCount = $sentenceCount, d.ingestedAt = datetime()`,
    {
      docId: doc.id,
      file: doc.file,
      title: doc.title,
      kind: doc.kind,
      date: doc.date,
      year: doc.year,
      contentHash: doc.contentHash,
      masked: doc.masked,
      encoding: doc.encoding,
      chars: doc.chars,
      sentenceCount: doc.sentences.length,
    },
  );
}

export function countyLinks(doc: GraphDocument): Query[] {
  const out: Query[] = [];
  if (doc.county) {
    out.push(
      q(
        `MATCH (d:Document {id: $docId})
         MERGE (c:County {code: $c.code})
         SET c.name = coalesce($c.name, c.name), c.province = coalesce($c.province, c.province), c.city = coalesce($c.city, c.city)
         MERGE (d)-[r:ABOUT]->(c) SET r.source = $c.source, r.confidence = $c.confidence`,
        { docId: doc.id, c: doc.county },
      ),
    );
  }
  if (doc.countySuggestion) {
    out.push(
      q(
        `MATCH (d:Document {id: $docId})
         MERGE (c:County {code: $c.code})
         ON CREATE SET c.name = $c.name, c.province = $c.province, c.city = $c.city
         MERGE (d)-[r:SUGGESTS_COUNTY]->(c) SET r.confidence = $c.confidence, r.evidence = $c.evidence`,
        { docId: doc.id, c: doc.countySuggestion },
      ),
    );
  }
  return out;
}

export function sentences(doc: GraphDocument): Query {
  return q(
    `MATCH (d:Document {id: $docId})
     UNWIND $rows AS row
     CREATE (s:Sentence {id: $docId + ':' + toString(row.index), documentId: $docId, index: row.index,
                         text: row.text, section: row.section, start: row.start, end: row.end})
     CREATE (d)-[:HAS_SENTENCE]->(s)`,
    { docId: doc.id, rows: doc.sentences },
  );
}

export function industries(doc: GraphDocument): Query {
  return q(
    `MATCH (d:Document {id: $docId})
     UNWIND $rows AS it
     MERGE (n:Industry {id: it.id})
     SET n.name = it.name, n.aliases = it.aliases, n.tier = it.tier, n.candidate = it.candidate,
         n.sectionCode = it.section.code, n.divisionCode = it.division.code, n.seiCode = it.sei.code,
         n.seiName = it.sei.name
     MERGE (d)-[m:MENTIONS]->(n) SET m.count = size(it.evidence), m.confidence = it.confidence
     FOREACH (sec IN CASE WHEN it.section IS NULL THEN [] ELSE [it.section] END |
       MERGE (s:Sector {code: sec.code}) ON CREATE SET s.name = sec.name, s.level = '门类'
       MERGE (n)-[:IN_SECTOR]->(s))
     FOREACH (div IN CASE WHEN it.division IS NULL THEN [] ELSE [it.division] END |
       MERGE (s:Sector {code: div.code}) ON CREATE SET s.name = div.name, s.level = '大类'
       MERGE (n)-[:IN_SECTOR]->(s))
     ${EVIDENCE}`,
    { docId: doc.id, rows: doc.industries },
  );
}

export function projects(doc: GraphDocument): Query {
  const countyCode = doc.county?.code ?? null;
  return q(
    `MATCH (d:Document {id: $docId})
     OPTIONAL MATCH (c:County {code: $countyCode})
     UNWIND $rows AS it
     MERGE (n:Project {id: coalesce($countyCode, $docId) + ':' + it.key})
     SET n.name = it.name, n.countyCode = $countyCode, n.investment = it.investment,
         n.capacityValue = it.capacityValue, n.capacityUnit = it.capacityUnit,
         n.status = coalesce(it.status, n.status)
     MERGE (d)-[m:MENTIONS]->(n) SET m.count = size(it.evidence), m.confidence = it.confidence
     FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | MERGE (c)-[:HAS_PROJECT]->(n))
     WITH n, it
     OPTIONAL MATCH (ind:Industry {id: it.industry})
     FOREACH (_ IN CASE WHEN ind IS NULL THEN [] ELSE [1] END | MERGE (n)-[:IN_INDUSTRY]->(ind))
     ${EVIDENCE}`,
    { docId: doc.id, countyCode, rows: doc.projects },
  );
}

export function targets(doc: GraphDocument): Query {
  return q(
    `MATCH (d:Document {id: $docId})
     UNWIND range(0, size($rows) - 1) AS i
     WITH d, i, $rows[i] AS it
     CREATE (n:Target {id: $docId + ':' + it.kind + ':' + toString(i), documentId: $docId, countyCode: $countyCode,
                       indicator: it.indicator, indicatorId: it.indicatorId, value: it.value, unit: it.unit,
                       comparator: it.comparator, year: it.year, baseline: it.baseline, measure: it.measure,
                       redacted: it.redacted, kind: it.kind, confidence: it.confidence})
     CREATE (d)-[:SETS]->(n)
     MERGE (ind:Indicator {id: coalesce(it.indicatorId, it.indicator)})
     ON CREATE SET ind.name = it.indicator
     CREATE (n)-[:MEASURES]->(ind)
     ${EVIDENCE}`,
    { docId: doc.id, countyCode: doc.county?.code ?? null, rows: doc.targets },
  );
}

export function agencies(doc: GraphDocument): Query {
  const countyCode = doc.county?.code ?? null;
  return q(
    `MATCH (d:Document {id: $docId})
     OPTIONAL MATCH (c:County {code: $countyCode})
     UNWIND $rows AS it
     MERGE (n:Agency {id: coalesce($countyCode, $docId) + ':' + it.canonical})
     SET n.name = it.name, n.canonical = it.canonical, n.level = it.level, n.countyCode = $countyCode
     MERGE (d)-[m:MENTIONS]->(n) SET m.count = size(it.evidence), m.confidence = it.confidence
     FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | MERGE (c)-[:HAS_AGENCY]->(n))
     ${EVIDENCE}`,
    { docId: doc.id, countyCode, rows: doc.agencies },
  );
}

export function named(doc: GraphDocument, label: 'Enterprise' | 'Plan'): Query {
  return q(
    `MATCH (d:Document {id: $docId})
     UNWIND $rows AS it
     MERGE (n:${label} {id: it.key})
     ON CREATE SET n.name = it.name
     MERGE (d)-[m:MENTIONS]->(n) SET m.count = size(it.evidence), m.confidence = it.confidence
     ${EVIDENCE}`,
    { docId: doc.id, rows: label === 'Enterprise' ? doc.enterprises : doc.plans },
  );
}

/**
 * Deletes nodes that this document mentioned (or reached: indicators, sectors) before and that
 * nothing mentions, measures or classifies any more.
 */
export function dropOrphans(elementIds: string[]): Query {
  return q(
    `UNWIND $ids AS eid
     MATCH (n) WHERE elementId(n) = eid AND NOT ()-[:MENTIONS|MEASURES|IN_SECTOR]->(n)
     DETACH DELETE n`,
    { ids: elementIds },
  );
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

/** The one entry: writes `doc` (replacing its previous version) in a single transaction. */
export async function writeDocument(graph: Graph, doc: GraphDocument, opts: { timeoutMs?: number } = {}): Promise<void> {
  await graph.write(async (tx) => {
    const [found] = await runAll(tx, detachPrevious(doc.id));
    const record = found!.records[0]!;
    const mentioned = (record.get('mentioned') as string[]) ?? [];
    const oldCounties = (record.get('counties') as string[]) ?? [];
    const referenced = (record.get('referenced') as string[]) ?? [];
    await runAll(tx, [
      documentNode(doc),
      ...countyLinks(doc),
      sentences(doc),
      industries(doc),
      projects(doc),
      targets(doc),
      agencies(doc),
      named(doc, 'Enterprise'),
      named(doc, 'Plan'),
    ]);
    if (mentioned.length) await runAll(tx, [dropOrphans(mentioned)]);
    // After the industries and targets are gone, so their sectors and indicators count as unreferenced.
    if (referenced.length) await runAll(tx, [dropOrphans(referenced)]);
    const counties = [...new Set([...oldCounties, ...(doc.county ? [doc.county.code] : [])])];
    if (counties.length) await runAll(tx, [recomputeDevelops(counties)]);
  }, opts);
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
    if (mentioned.length) await runAll(tx, [dropOrphans(mentioned)]);
    if (referenced.length) await runAll(tx, [dropOrphans(referenced)]);
    if (counties.length) await runAll(tx, [recomputeDevelops(counties)]);
  });
}
