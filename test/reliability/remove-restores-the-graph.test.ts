import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../graph/index.ts';
import { runCli } from '../helpers/cli.ts';
import { openTestGraph, testEnv } from '../helpers/neo4j.ts';
import { INGEST_FLAGS, SEEDS, SEED_FILES, dumpGraph, inconsistencies, tempDir } from './support.ts';

// `xianzhi remove` undoes an ingest: the oracle is the graph as it was before the document came.

const cli = (...args: string[]) => runCli(args, testEnv());

describe('xianzhi remove', () => {
  let graph: Graph;
  const tmp = tempDir('remove');
  beforeAll(async () => {
    graph = await openTestGraph({ fresh: true });
  });
  afterAll(async () => {
    tmp.cleanup();
    await graph.close();
  });

  it('removing a document restores every node, relationship, property and count of the graph without it', async () => {
    const [last, ...rest] = [...SEED_FILES].reverse();
    const before = path.join(tmp.dir, 'before');
    fs.mkdirSync(before);
    for (const f of rest) fs.copyFileSync(path.join(SEEDS, f), path.join(before, f));
    expect((await cli('ingest', before, ...INGEST_FLAGS)).code).toBe(0);
    const stats = async () => JSON.parse((await cli('stats', '--json')).stdout);
    const counts = await stats();
    const dump = await dumpGraph(graph);

    fs.copyFileSync(path.join(SEEDS, last!), path.join(tmp.dir, last!));
    expect((await cli('ingest', path.join(tmp.dir, last!), ...INGEST_FLAGS)).code).toBe(0);
    expect((await stats()).labels.Document).toBe(counts.labels.Document + 1);

    const id = last!.replace(/\.txt$/, '');
    const r = await cli('remove', id);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`removed ${id}`);
    expect(await stats()).toEqual(counts);
    expect(await dumpGraph(graph)).toEqual(dump);
    expect(await inconsistencies(graph)).toEqual([]);
  });

  it('names an id that no document has, exits 1, and removes nothing', async () => {
    const counts = JSON.parse((await cli('stats', '--json')).stdout);
    const r = await cli('remove', 'no-such-document');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-such-document: no document with that id');
    expect(JSON.parse((await cli('stats', '--json')).stdout)).toEqual(counts);
  });

  it('without an id is a usage error', async () => {
    const r = await cli('remove');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('name at least one DOCUMENT_ID');
  });
});
