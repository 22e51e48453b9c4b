import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { q, type Graph } from '../../graph/index.ts';
import { PROJECT_ROOT } from '../../graph/local/paths.ts';
import { runCli } from '../helpers/cli.ts';
import { openTestGraph, testEnv } from '../helpers/neo4j.ts';
import { INGEST_FLAGS, inconsistencies, seedCopies, seedOf, tempDir } from './support.ts';

// A process killed with SIGKILL (no handler runs, no finally) at any point must leave only whole
// documents — every Document with exactly its sentences — and the same command run again must
// finish the graph with no duplicates.

const COPIES = 10; // × 5 seeds = 50 documents: more than a default batch (25) and the kills below

/** Starts an ingest and SIGKILLs it `delayMs` after its `nth` "ok" line (or at `delayMs` if nth = 0). */
/** When each run started and ended: documents are compared with those written by the same code. */
const runs: Array<[number, number]> = [];
const timed = async <T,>(fn: () => Promise<T>): Promise<T> => {
  const start = Date.now();
  try {
    return await fn();
  } finally {
    runs.push([start, Date.now()]);
  }
};

function ingestKilled(dir: string, extra: string[], nth: number, delayMs: number): Promise<{ out: string; signal: string | null }> {
  return timed(() => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/xianzhi.mjs'), 'ingest', dir, ...INGEST_FLAGS, ...extra], {
      cwd: PROJECT_ROOT,
      env: testEnv(),
    });
    let out = '';
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (nth === 0) arm();
    child.stdout.on('data', (d) => {
      out += d;
      if ((out.match(/^ok /gm) ?? []).length >= nth) arm();
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ out, signal }));
  }));
}

describe('ingest survives kill -9', () => {
  let graph: Graph;
  const tmp = tempDir('kill');
  let files: string[];
  beforeAll(async () => {
    graph = await openTestGraph({ fresh: true });
    files = seedCopies(tmp.dir, COPIES);
  });
  afterAll(async () => {
    tmp.cleanup();
    await graph.close();
  });

  const documents = async () => ((await graph.read(q('MATCH (d:Document) RETURN count(d) AS n')))[0]!.n as number);

  it('killed after the first documents are written: only whole documents are in the graph', async () => {
    const r = await ingestKilled(tmp.dir, [], 1, 300);
    expect(r.signal, r.out).toBe('SIGKILL');
    const n = await documents();
    expect(n, r.out).toBeGreaterThan(0);
    expect(n).toBeLessThan(files.length);
    expect(await inconsistencies(graph)).toEqual([]);
  });

  it('killed mid-transaction with small batches, at several moments: still only whole documents', async () => {
    // Two documents per transaction: shortly after one batch lands the next one is being written.
    for (const delay of [20, 250, 600]) {
      const before = await documents();
      const r = await ingestKilled(tmp.dir, ['--batch', '2'], 1, delay);
      expect(r.signal, r.out).toBe('SIGKILL');
      expect(await documents()).toBeGreaterThan(before);
      expect(await inconsistencies(graph)).toEqual([]);
    }
  });

  it('the same command run again completes the graph, with no duplicates', async () => {
    const r = await timed(() => runCli(['ingest', tmp.dir, ...INGEST_FLAGS], testEnv()));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/unchanged/);
    expect(await documents()).toBe(files.length);
    expect(await inconsistencies(graph)).toEqual([]);
    // Copies of one seed are the same text under another name: every copy must carry exactly the
    // same number of sentences, mentions, targets and evidence edges — a doubled write would differ.
    // Compared within one run: other engineers change the extractors in this tree between runs.
    const rows = await graph.read(
      q(`MATCH (d:Document)
         RETURN d.id AS id, d.ingestedAt.epochMillis AS at,
                COUNT { (d)-[:HAS_SENTENCE]->() } AS sentences,
                COUNT { (d)-[:MENTIONS]->() } AS mentions,
                COUNT { (d)-[:SETS]->() } AS targets,
                COUNT { (d)-[:HAS_SENTENCE]->()-[:EVIDENCE]->() } AS evidence`),
    );
    const bySeed = new Map<string, Set<string>>();
    for (const r of rows) {
      const run = runs.findIndex(([a, b]) => (r.at as number) >= a - 1000 && (r.at as number) <= b + 1000);
      expect(run, `${r.id} written outside every run`).toBeGreaterThanOrEqual(0);
      const key = `${seedOf(r.id as string)} (run ${run})`;
      if (!bySeed.has(key)) bySeed.set(key, new Set());
      bySeed.get(key)!.add(`${r.sentences}/${r.mentions}/${r.targets}/${r.evidence}`);
    }
    expect(new Set(rows.map((r) => seedOf(r.id as string))).size).toBe(5);
    for (const [seed, shapes] of bySeed) expect([...shapes], seed).toHaveLength(1);
  });
}, 600_000);
