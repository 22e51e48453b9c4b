import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearGraph, q, type Graph } from '../../graph/index.ts';
import { runCli } from '../helpers/cli.ts';
import { openTestGraph, testEnv } from '../helpers/neo4j.ts';
import { INGEST_FLAGS, SEEDS, documentPart, dumpGraph, inconsistencies, tempDir, type Dump } from './support.ts';

// Ingesting the same files twice changes nothing; a changed file replaces its own facts and
// nothing else. The oracle for "nothing else" is a fresh graph built from the final files.

const stats = async () => {
  const r = await runCli(['stats', '--json'], testEnv());
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const ingest = async (...args: string[]) => {
  const r = await runCli(['ingest', ...args, ...INGEST_FLAGS], testEnv());
  expect(r.code, r.stderr + r.stdout).toBe(0);
  return r;
};

describe('ingest is idempotent', () => {
  let graph: Graph;
  const tmp = tempDir('idem');
  beforeAll(async () => {
    graph = await openTestGraph({ fresh: true });
  });
  afterAll(async () => {
    tmp.cleanup();
    await graph.close();
  });

  it('a second ingest, plain or --force, leaves every count and every property as it was', async () => {
    await ingest('seeds/');
    const counts = await stats();
    const dump = await dumpGraph(graph);
    expect(counts.labels.Document).toBe(5);
    expect(await inconsistencies(graph)).toEqual([]);

    const again = await ingest('seeds/');
    expect(again.stdout + again.stderr).toMatch(/5 unchanged|unchanged.*5/);
    expect(await stats()).toEqual(counts);
    expect(await dumpGraph(graph)).toEqual(dump);

    await ingest('seeds/', '--force');
    expect(await stats()).toEqual(counts);
    expect(await dumpGraph(graph)).toEqual(dump);
  });

  it('a changed file replaces that document’s facts and only them', async () => {
    // Two documents of different counties, so no DEVELOPS edge is shared between them.
    const a = '000_d0852c889ceeaa8f.txt';
    const b = '004_d7d2b8b6c071a4db.txt';
    const manifest = path.join(tmp.dir, 'manifest.json');
    fs.copyFileSync(path.join(SEEDS, 'manifest.json'), manifest);
    fs.copyFileSync(path.join(SEEDS, a), path.join(tmp.dir, a));
    fs.copyFileSync(path.join(SEEDS, b), path.join(tmp.dir, b));
    await clearGraph(graph);
    await ingest(tmp.dir);
    const before = await dumpGraph(graph);

    // B loses its second half: facts only found there must go.
    const full = fs.readFileSync(path.join(SEEDS, b), 'utf8');
    fs.writeFileSync(path.join(tmp.dir, b), full.slice(0, Math.floor(full.length / 2)));
    const r = await ingest(tmp.dir);
    expect(r.stdout + r.stderr).toMatch(/1 written/);
    const after = await dumpGraph(graph);

    const idA = a.replace('.txt', '');
    const idB = b.replace('.txt', '');
    expect(documentPart(after, idA)).toEqual(documentPart(before, idA));
    expect(documentPart(after, idA).rels.length).toBeGreaterThan(0);
    expect(documentPart(after, idB)).not.toEqual(documentPart(before, idB));
    const [{ sentences }] = (await graph.read(
      q('MATCH (:Document {id: $id})-[:HAS_SENTENCE]->(s) RETURN max(s.end) AS sentences', { id: idB }),
    )) as Array<{ sentences: number }>;
    expect(sentences).toBeLessThanOrEqual(Math.ceil(full.length / 2));

    // Exactly the graph that the two final files give from scratch: no stale fact of B's survives.
    await clearGraph(graph);
    await ingest(tmp.dir);
    const fresh: Dump = await dumpGraph(graph);
    expect(after).toEqual(fresh);
    expect(await inconsistencies(graph)).toEqual([]);
  });
});
