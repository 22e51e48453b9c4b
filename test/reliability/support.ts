import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { q, type Graph } from '../../graph/index.ts';

/**
 * Shared by the reliability tests: a canonical dump of the graph (to compare two graphs exactly),
 * the consistency invariants a crash must never break, and temp folders of seed copies.
 */

export const SEEDS = path.resolve('seeds');
export const SEED_FILES = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

/** Properties that legitimately differ between two runs over the same input. */
const VOLATILE = new Set(['ingestedAt']);

/** JSON with sorted keys, so two equal property maps print the same. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object' && v.constructor === Object) {
    return `{${Object.keys(v as object)
      .filter((k) => !VOLATILE.has(k))
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return v && typeof v === 'object' ? JSON.stringify(String(v)) : JSON.stringify(v ?? null);
}

export interface Dump {
  nodes: string[];
  rels: string[];
}

/**
 * Every node (labels + properties) and relationship (type, endpoints by key, properties) as sorted
 * lines. Duplicates are kept, so a doubled edge shows up as a difference.
 */
export async function dumpGraph(graph: Graph): Promise<Dump> {
  const nodes = await graph.read(q('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props'));
  const rels = await graph.read(
    q(`MATCH (a)-[r]->(b)
       RETURN type(r) AS type, labels(a)[0] + '/' + coalesce(a.id, a.code) AS a,
              labels(b)[0] + '/' + coalesce(b.id, b.code) AS b, properties(r) AS props`),
  );
  return {
    nodes: nodes.map((r) => `${(r.labels as string[]).sort().join(':')} ${canonical(r.props)}`).sort(),
    rels: rels.map((r) => `${r.a} -${r.type}-> ${r.b} ${canonical(r.props)}`).sort(),
  };
}

/** The lines of a dump that belong to one document: its node, sentences, targets and outgoing edges. */
export function documentPart(dump: Dump, docId: string): Dump {
  const mine = (line: string) =>
    line.includes(`"documentId":${JSON.stringify(docId)}`) || line.startsWith(`Document/${docId} `) || line.includes(`"id":${JSON.stringify(docId)}`) ||
    line.startsWith(`Sentence/${docId}:`) || line.startsWith(`Target/${docId}:`);
  return { nodes: dump.nodes.filter(mine), rels: dump.rels.filter(mine) };
}

/**
 * What a crash must never leave: a Document whose sentences are not all there (or more than it
 * says), a sentence or target without its document, or two nodes with one key. (Doubled evidence
 * edges are not checked here: the extractor may report one span twice, deterministically; the
 * dump comparisons catch doubling by a re-run.)
 */
export async function inconsistencies(graph: Graph): Promise<string[]> {
  const out: string[] = [];
  const docs = await graph.read(
    q(`MATCH (d:Document) OPTIONAL MATCH (d)-[:HAS_SENTENCE]->(s:Sentence)
       WITH d, count(s) AS n WHERE d.sentenceCount IS NULL OR n <> d.sentenceCount OR n = 0
       RETURN d.id AS id, n, d.sentenceCount AS expected`),
  );
  for (const d of docs) out.push(`document ${d.id}: ${d.n} sentences, sentenceCount ${d.expected}`);
  const [loose] = await graph.read(
    q(`OPTIONAL MATCH (s:Sentence) WHERE NOT (:Document)-[:HAS_SENTENCE]->(s) WITH count(s) AS sentences
       OPTIONAL MATCH (t:Target) WHERE NOT (:Document)-[:SETS]->(t) RETURN sentences, count(t) AS targets`),
  );
  if (loose!.sentences) out.push(`${loose!.sentences} sentences without a document`);
  if (loose!.targets) out.push(`${loose!.targets} targets without a document`);
  const dupes = await graph.read(
    q(`MATCH (n) WITH labels(n) AS l, coalesce(n.id, n.code) AS key, count(*) AS c WHERE c > 1 RETURN l, key, c LIMIT 5`),
  );
  for (const d of dupes) out.push(`${d.c} nodes ${d.l}/${d.key}`);
  return out;
}

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xianzhi-${prefix}-`));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Writes `copies` copies of every seed into `dir` under distinct names: `c007-002_dbac….txt`.
 * Each copy ends with a line naming it, so their texts differ: the same text under two names is
 * a duplicate, which ingest does not store twice.
 */
export function seedCopies(dir: string, copies: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < copies; i++) {
    for (const f of SEED_FILES) {
      const name = `c${String(i).padStart(3, '0')}-${f}`;
      fs.writeFileSync(path.join(dir, name), `${fs.readFileSync(path.join(SEEDS, f), 'utf8')}\n副本${i + 1}\n`);
      names.push(name);
    }
  }
  return names;
}

/** The seed a copy was made from (`c007-002_x.txt` → `002_x`). */
export const seedOf = (docId: string) => docId.replace(/^c\d+-/, '');

/** Extra flags for every `xianzhi ingest` the reliability tests run (XIANZHI_RELIABILITY_INGEST_FLAGS). */
export const INGEST_FLAGS = (process.env.XIANZHI_RELIABILITY_INGEST_FLAGS ?? '').split(/\s+/).filter(Boolean);

/** Signs that an internal error reached a client: Cypher, the driver, a stack. */
export const LEAK = /Neo\.|Cypher|Invalid input|SyntaxError|neo4j|\bat .+:\d+:\d+/i;
