import type { ManagedTransaction } from 'neo4j-driver';
import { q, type Query } from '../cypher.ts';
import type { Graph } from '../driver.ts';
import type { GraphDocument, GraphIndustryNode } from '../model.ts';
import { BROADER_OF_MENTIONED, REFERENCED, dropOrphans, dropOrphansUpwards, recomputeDevelops } from './document.ts';

/**
 * Writes many documents in ONE transaction with the same result as `writeDocument` on each in
 * turn: every document replaces its previous version, shared nodes stay while anything mentions
 * them. Each statement UNWINDs over all the documents, so a batch costs about as many round trips
 * as one document does (the statements mirror write/document.ts; test/graph/batch.test.ts checks
 * the two give the same graph).
 */

/** Evidence edges from the row's document sentences to `n` (rows carry `it`, the document id `docId`). */
const EVIDENCE = `
WITH n, it, docId
UNWIND it.evidence AS ev
MATCH (s:Sentence {id: docId + ':' + toString(ev.sentence)})
CREATE (s)-[:EVIDENCE {start: ev.start, end: ev.end, snippet: ev.snippet, page: ev.page, documentId: docId}]->(n)`;

/** What the documents mentioned before, and their old sentences, targets and edges removed. */
export function detachPreviousMany(ids: string[]): Query[] {
  return [
    q(
      `UNWIND $ids AS docId
       MATCH (d:Document {id: docId})
       OPTIONAL MATCH (d)-[:MENTIONS]->(n)
       OPTIONAL MATCH (d)-[:ABOUT]->(c:County)
       WITH collect(DISTINCT elementId(n)) AS mentioned, collect(DISTINCT c.code) AS counties, collect(DISTINCT d) AS docs
       // The broader industries of those mentioned: held only by their narrower ones.
       WITH ${BROADER_OF_MENTIONED}
       RETURN mentioned, counties, ${REFERENCED} AS referenced`,
      { ids },
    ),
    q(`UNWIND $ids AS docId MATCH (:Document {id: docId})-[:HAS_SENTENCE]->(s:Sentence) DETACH DELETE s`, { ids }),
    q(`UNWIND $ids AS docId MATCH (:Document {id: docId})-[:SETS]->(t:Target) DETACH DELETE t`, { ids }),
    q(`UNWIND $ids AS docId MATCH (:Document {id: docId})-[r]->() DELETE r`, { ids }),
  ];
}

function documentNodes(docs: GraphDocument[]): Query {
  const rows = docs.map((d) => ({
    id: d.id,
    props: {
      file: d.file,
      title: d.title,
      kind: d.kind,
      date: d.date,
      year: d.year,
      contentHash: d.contentHash,
      textHash: d.textHash ?? null,
      masked: d.masked,
      encoding: d.encoding,
      chars: d.chars,
      sentenceCount: d.sentences.length,
    },
  }));
  return q(
    `UNWIND $rows AS row
     MERGE (d:Document {id: row.id})
     SET d.file = row.props.file, d.title = row.props.title, d.kind = row.props.kind, d.date = row.props.date,
         d.year = row.props.year, d.contentHash = row.props.contentHash, d.textHash = row.props.textHash, d.masked = row.props.masked,
         d.encoding = row.props.encoding, d.chars = row.props.chars, d.sentenceCount = row.props.sentenceCount,
         d.ingestedAt = datetime()`,
    { rows },
  );
}

function countyLinks(docs: GraphDocument[]): Query[] {
  const about = docs.filter((d) => d.county).map((d) => ({ docId: d.id, c: d.county }));
  const suggests = docs.filter((d) => d.countySuggestion).map((d) => ({ docId: d.id, c: d.countySuggestion }));
  return [
    q(
      `UNWIND $rows AS row
       MATCH (d:Document {id: row.docId})
       MERGE (c:County {code: row.c.code})
       SET c.name = coalesce(row.c.name, c.name), c.province = coalesce(row.c.province, c.province), c.city = coalesce(row.c.city, c.city)
       MERGE (d)-[r:ABOUT]->(c) SET r.source = row.c.source, r.confidence = row.c.confidence`,
      { rows: about },
    ),
    q(
      `UNWIND $rows AS row
       MATCH (d:Document {id: row.docId})
       MERGE (c:County {code: row.c.code})
       ON CREATE SET c.name = row.c.name, c.province = row.c.province, c.city = row.c.city
       MERGE (d)-[r:SUGGESTS_COUNTY]->(c) SET r.confidence = row.c.confidence, r.evidence = row.c.evidence`,
      { rows: suggests },
    ),
  ];
}

function sentences(docs: GraphDocument[]): Query {
  return q(
    `UNWIND $docs AS doc
     MATCH (d:Document {id: doc.id})
     WITH d, doc.id AS docId, doc.rows AS rows
     UNWIND rows AS row
     CREATE (s:Sentence {id: docId + ':' + toString(row.index), documentId: docId, index: row.index,
                         text: row.text, section: row.section, start: row.start, end: row.end})
     CREATE (d)-[:HAS_SENTENCE]->(s)`,
    { docs: docs.map((d) => ({ id: d.id, rows: d.sentences })) },
  );
}

/** `UNWIND` over documents then their rows of one kind; binds `d`, `docId`, `countyCode`, `it`. */
const PER_ROW = `
UNWIND $docs AS doc
MATCH (d:Document {id: doc.id})
WITH d, doc.id AS docId, doc.countyCode AS countyCode, doc.rows AS rows
UNWIND rows AS it`;

const rowsOf = <K extends 'industries' | 'projects' | 'agencies' | 'enterprises' | 'plans'>(docs: GraphDocument[], key: K) =>
  docs.filter((d) => d[key].length).map((d) => ({ id: d.id, countyCode: d.county?.code ?? null, rows: d[key] }));

function industries(docs: GraphDocument[]): Query {
  return q(
    `${PER_ROW}
     MERGE (n:Industry {id: it.id})
     SET n.name = it.name, n.aliases = it.aliases, n.tier = it.tier, n.candidate = it.candidate,
         n.sectionCode = it.section.code, n.divisionCode = it.division.code, n.seiCode = it.sei.code,
         n.seiName = it.sei.name
     MERGE (d)-[m:MENTIONS]->(n) SET m.count = coalesce(it.count, size(it.evidence)), m.confidence = it.confidence
     FOREACH (sec IN CASE WHEN it.section IS NULL THEN [] ELSE [it.section] END |
       MERGE (s:Sector {code: sec.code}) ON CREATE SET s.name = sec.name, s.level = '门类'
       MERGE (n)-[:IN_SECTOR]->(s))
     FOREACH (div IN CASE WHEN it.division IS NULL THEN [] ELSE [it.division] END |
       MERGE (s:Sector {code: div.code}) ON CREATE SET s.name = div.name, s.level = '大类'
       MERGE (n)-[:IN_SECTOR]->(s))
     ${EVIDENCE}`,
    { docs: rowsOf(docs, 'industries') },
  );
}

/**
 * The broader industries the documents reach (written like mentioned ones, without a MENTIONS
 * edge), then every BROADER edge of the documents' industries: one per narrower industry, an old
 * one replaced when the taxonomy moved it.
 */
function hierarchy(docs: GraphDocument[]): Query[] {
  const nodes = new Map<string, GraphIndustryNode>();
  for (const d of docs) for (const b of d.broaderIndustries ?? []) nodes.set(b.id, b);
  const edges = new Map<string, string>();
  for (const d of docs) for (const i of [...d.industries, ...(d.broaderIndustries ?? [])]) if (i.broader && i.broader !== i.id) edges.set(i.id, i.broader);
  return [
    q(
      `UNWIND $rows AS it
       MERGE (n:Industry {id: it.id})
       SET n.name = it.name, n.aliases = it.aliases, n.tier = it.tier, n.candidate = it.candidate,
           n.sectionCode = it.section.code, n.divisionCode = it.division.code, n.seiCode = it.sei.code,
           n.seiName = it.sei.name
       FOREACH (sec IN CASE WHEN it.section IS NULL THEN [] ELSE [it.section] END |
         MERGE (s:Sector {code: sec.code}) ON CREATE SET s.name = sec.name, s.level = '门类'
         MERGE (n)-[:IN_SECTOR]->(s))
       FOREACH (div IN CASE WHEN it.division IS NULL THEN [] ELSE [it.division] END |
         MERGE (s:Sector {code: div.code}) ON CREATE SET s.name = div.name, s.level = '大类'
         MERGE (n)-[:IN_SECTOR]->(s))`,
      { rows: [...nodes.values()] },
    ),
    q(
      `UNWIND $edges AS e
       MATCH (n:Industry {id: e.id})
       MATCH (b:Industry {id: e.broader})
       CALL (n, b) { MATCH (n)-[old:BROADER]->(x) WHERE x <> b DELETE old }
       MERGE (n)-[:BROADER]->(b)`,
      { edges: [...edges].map(([id, broader]) => ({ id, broader })) },
    ),
  ];
}

function projects(docs: GraphDocument[]): Query {
  return q(
    `${PER_ROW}
     OPTIONAL MATCH (c:County {code: countyCode})
     MERGE (n:Project {id: coalesce(countyCode, docId) + ':' + it.key})
     SET n.name = it.name, n.countyCode = countyCode, n.investment = it.investment,
         n.capacityValue = it.capacityValue, n.capacityUnit = it.capacityUnit,
         n.status = coalesce(it.status, n.status)
     MERGE (d)-[m:MENTIONS]->(n) SET m.count = size(it.evidence), m.confidence = it.confidence
     FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | MERGE (c)-[:HAS_PROJECT]->(n))
     WITH n, it, docId
     OPTIONAL MATCH (ind:Industry {id: it.industry})
     FOREACH (_ IN CASE WHEN ind IS NULL THEN [] ELSE [1] END | MERGE (n)-[:IN_INDUSTRY]->(ind))
     ${EVIDENCE}`,
    { docs: rowsOf(docs, 'projects') },
  );
}

function targets(docs: GraphDocument[]): Query {
  return q(
    `UNWIND $docs AS doc
     MATCH (d:Document {id: doc.id})
     WITH d, doc.id AS docId, doc.countyCode AS countyCode, doc.rows AS rows
     UNWIND range(0, size(rows) - 1) AS i
     WITH d, docId, countyCode, i, rows[i] AS it
     CREATE (n:Target {id: docId + ':' + it.kind + ':' + toString(i), documentId: docId, countyCode: countyCode,
                       indicator: it.indicator, indicatorId: it.indicatorId, value: it.value, unit: it.unit,
                       comparator: it.comparator, year: it.year, baseline: it.baseline, measure: it.measure,
                       redacted: it.redacted, kind: it.kind, confidence: it.confidence})
     CREATE (d)-[:SETS]->(n)
     MERGE (ind:Indicator {id: coalesce(it.catalogue.id, it.indicatorId, it.indicator)})
     ON CREATE SET ind.name = it.indicator, ind.canonical = false
     // A catalogue indicator carries the catalogue's name, measure and unit, whatever the text said.
     FOREACH (c IN CASE WHEN it.catalogue IS NULL THEN [] ELSE [it.catalogue] END |
       SET ind.name = c.name, ind.measure = c.measure, ind.unit = c.unit, ind.canonical = true)
     CREATE (n)-[:MEASURES]->(ind)
     ${EVIDENCE}`,
    { docs: docs.filter((d) => d.targets.length).map((d) => ({ id: d.id, countyCode: d.county?.code ?? null, rows: d.targets })) },
  );
}

function agencies(docs: GraphDocument[]): Query {
  return q(
    `${PER_ROW}
     OPTIONAL MATCH (c:County {code: countyCode})
     MERGE (n:Agency {id: coalesce(countyCode, docId) + ':' + it.canonical})
     SET n.name = it.name, n.canonical = it.canonical, n.level = it.level, n.countyCode = countyCode
     MERGE (d)-[m:MENTIONS]->(n) SET m.count = size(it.evidence), m.confidence = it.confidence
     FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | MERGE (c)-[:HAS_AGENCY]->(n))
     ${EVIDENCE}`,
    { docs: rowsOf(docs, 'agencies') },
  );
}

function named(docs: GraphDocument[], label: 'Enterprise' | 'Plan'): Query {
  return q(
    `${PER_ROW}
     MERGE (n:${label} {id: it.key})
     ON CREATE SET n.name = it.name
     MERGE (d)-[m:MENTIONS]->(n) SET m.count = size(it.evidence), m.confidence = it.confidence
     ${EVIDENCE}`,
    { docs: rowsOf(docs, label === 'Enterprise' ? 'enterprises' : 'plans') },
  );
}

/** The last version of each id wins, as if the documents were written one after another. */
function lastById(docs: GraphDocument[]): GraphDocument[] {
  const byId = new Map<string, GraphDocument>();
  for (const d of docs) {
    byId.delete(d.id);
    byId.set(d.id, d);
  }
  return [...byId.values()];
}

async function runAll(tx: ManagedTransaction, queries: Query[]) {
  const out = [];
  for (const x of queries) out.push(await tx.run(x.cypher, x.params));
  return out;
}

/** A document not written because another one, stored or earlier in the batch, has the same text. */
export interface Duplicate {
  id: string;
  /** The id of the document with the same normalised text. */
  of: string;
}

export interface WriteResult {
  written: string[];
  duplicates: Duplicate[];
}

/** Stored documents with the same normalised text under another id: `{id, of}` rows. */
export function sameText(rows: Array<{ id: string; hash: string }>): Query {
  return q(
    `UNWIND $rows AS row
     MATCH (d:Document {textHash: row.hash}) WHERE d.id <> row.id
     WITH row, d ORDER BY d.id
     RETURN row.id AS id, collect(d.id)[0] AS of`,
    { rows },
  );
}

/**
 * Writes `docs` in a single transaction (all or none), each replacing its previous version.
 * A document whose normalised text (`textHash`) equals a stored document's, or an earlier one's
 * in the batch, under another id is not written: it is returned among `duplicates`.
 * A caller that wants one bad document not to sink the rest retries the batch one by one.
 */
export async function writeDocuments(graph: Graph, input: GraphDocument[], opts: { timeoutMs?: number } = {}): Promise<WriteResult> {
  const result: WriteResult = { written: [], duplicates: [] };
  const docs: GraphDocument[] = [];
  const hashes = new Map<string, string>();
  for (const d of lastById(input)) {
    const of = d.textHash ? hashes.get(d.textHash) : undefined;
    if (of && of !== d.id) result.duplicates.push({ id: d.id, of });
    else {
      if (d.textHash) hashes.set(d.textHash, d.id);
      docs.push(d);
    }
  }
  if (!docs.length) return result;
  const inBatch = result.duplicates;
  await graph.write(async (tx) => {
    // Computed afresh on each attempt: the driver may run this function again after a transient error.
    const hashed = docs.flatMap((d) => (d.textHash ? [{ id: d.id, hash: d.textHash }] : []));
    const stored = new Map<string, string>();
    if (hashed.length) {
      const found = await tx.run(sameText(hashed).cypher, sameText(hashed).params);
      for (const r of found.records) stored.set(r.get('id') as string, r.get('of') as string);
    }
    const fresh = docs.filter((d) => !stored.has(d.id));
    result.duplicates = [...inBatch, ...docs.filter((d) => stored.has(d.id)).map((d) => ({ id: d.id, of: stored.get(d.id)! }))];
    result.written = fresh.map((d) => d.id);
    if (fresh.length) await writeInTransaction(tx, fresh);
  }, opts);
  return result;
}

async function writeInTransaction(tx: ManagedTransaction, docs: GraphDocument[]): Promise<void> {
  const ids = docs.map((d) => d.id);
  {
    const [found] = await runAll(tx, detachPreviousMany(ids));
    const record = found!.records[0];
    const mentioned = (record?.get('mentioned') as string[] | undefined) ?? [];
    const oldCounties = (record?.get('counties') as string[] | undefined) ?? [];
    const referenced = (record?.get('referenced') as string[] | undefined) ?? [];
    await runAll(tx, [
      documentNodes(docs),
      ...countyLinks(docs),
      sentences(docs),
      industries(docs),
      ...hierarchy(docs),
      projects(docs),
      targets(docs),
      agencies(docs),
      named(docs, 'Enterprise'),
      named(docs, 'Plan'),
    ]);
    if (mentioned.length) await dropOrphansUpwards(tx, mentioned);
    // Sectors and indicators the old versions reached: unreferenced once their industries and targets went.
    if (referenced.length) await runAll(tx, [dropOrphans(referenced)]);
    const counties = [...new Set([...oldCounties, ...docs.flatMap((d) => (d.county ? [d.county.code] : []))])];
    if (counties.length) await runAll(tx, [recomputeDevelops(counties)]);
  }
}

/** The stored content hashes of many documents in one query: id → hash (absent ids are missing). */
export function documentHashes(ids: string[]): Query {
  return q('UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN id, d.contentHash AS hash', { ids });
}

/**
 * Writes one document in one transaction, replacing its previous version and only that: a batch
 * of one, so single and batched writes cannot drift apart.
 */
export async function writeDocument(graph: Graph, doc: GraphDocument, opts: { timeoutMs?: number } = {}): Promise<WriteResult> {
  return writeDocuments(graph, [doc], opts);
}
