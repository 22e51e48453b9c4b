import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearGraph, stats, writeDocument, type Graph, type GraphDocument } from '../../graph/index.ts';
import { q } from '../../graph/cypher.ts';
import { documentHashes, writeDocuments } from '../../graph/write/batch.ts';
import { loadManifest, processText } from '../../ingest/index.ts';
import { toGraphDocument } from '../../ingest/to-graph.ts';
import { openTestGraph } from '../helpers/neo4j.ts';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

/** Properties a wrong batch would get wrong even when the counts agree. */
async function fingerprint(graph: Graph) {
  const [row] = await graph.read(
    q(`MATCH (d:Document) WITH collect(d.id + '|' + d.contentHash + '|' + toString(d.sentenceCount)) AS docs
       OPTIONAL MATCH ()-[m:MENTIONS]->() WITH docs, sum(m.count) AS mentions
       OPTIONAL MATCH (c:County)-[r:DEVELOPS]->(i:Industry)
       WITH docs, mentions, collect(c.code + '>' + i.id + ':' + toString(r.documents) + '/' + toString(r.mentions)) AS develops
       OPTIONAL MATCH (s:Sentence)-[e:EVIDENCE]->(n)
       RETURN docs, mentions, develops, count(e) AS evidence, collect(DISTINCT s.id)[0..0] AS _`),
  );
  return { ...row, docs: (row!.docs as string[]).sort(), develops: (row!.develops as string[]).sort(), _: undefined };
}

describe('writeDocuments (batched) gives the graph that writeDocument one by one gives', () => {
  let graph: Graph;
  let docs: GraphDocument[];
  beforeAll(async () => {
    graph = await openTestGraph({ fresh: true });
    const manifest = await loadManifest(path.join(SEEDS, 'manifest.json'));
    docs = fs
      .readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => {
        const doc = processText(fs.readFileSync(path.join(SEEDS, f), 'utf8'), manifest.get(f) ?? { file: f });
        doc.contentHash = `hash-${f}`;
        return toGraphDocument(doc);
      });
  });
  afterAll(async () => {
    await clearGraph(graph);
    await graph.close();
  });

  it('on an empty graph', async () => {
    for (const d of docs) await writeDocument(graph, d);
    const oneByOne = { stats: await stats(graph), print: await fingerprint(graph) };
    await clearGraph(graph);
    await writeDocuments(graph, docs);
    expect(await stats(graph)).toEqual(oneByOne.stats);
    expect(await fingerprint(graph)).toEqual(oneByOne.print);
    expect(oneByOne.stats.labels.Document).toBe(docs.length);
  });

  it('when documents replace earlier versions (changed facts, dropped facts)', async () => {
    // Second versions: the first document loses its industries and projects, the second changes county.
    const changed = docs.map((d, i) => {
      if (i === 0) return { ...d, contentHash: 'v2', industries: [], projects: [] };
      if (i === 1) return { ...d, contentHash: 'v2', county: { code: '110101', name: '东城区', province: '北京市', city: null, source: 'declared', confidence: 1 } };
      return d;
    });
    await clearGraph(graph);
    for (const d of [...docs, ...changed]) await writeDocument(graph, d);
    const oneByOne = { stats: await stats(graph), print: await fingerprint(graph) };
    await clearGraph(graph);
    await writeDocuments(graph, docs);
    await writeDocuments(graph, changed);
    expect(await stats(graph)).toEqual(oneByOne.stats);
    expect(await fingerprint(graph)).toEqual(oneByOne.print);
  });

  it('keeps the last version when one batch holds a document twice', async () => {
    await clearGraph(graph);
    await writeDocuments(graph, [docs[0]!, { ...docs[0]!, contentHash: 'later' }]);
    const rows = await graph.read(documentHashes([docs[0]!.id, 'no-such-document']));
    expect(rows).toEqual([{ id: docs[0]!.id, hash: 'later' }]);
  });
});
