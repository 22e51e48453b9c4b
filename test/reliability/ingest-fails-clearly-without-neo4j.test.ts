import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph, applySchema, clearGraph, q } from '../../graph/index.ts';
import { PROJECT_ROOT } from '../../graph/local/paths.ts';
import { freePort, runCli } from '../helpers/cli.ts';
import { crashNeo4j, dedicatedNeo4j, releaseNeo4j, restartNeo4j } from './dedicated.ts';
import { INGEST_FLAGS, inconsistencies, seedCopies, tempDir } from './support.ts';

// Neo4j unreachable at start: one clear sentence, a non-zero exit, no stack trace. Neo4j lost in
// the middle of a run (the dedicated server crashed): the same, and after it is back the graph
// holds only whole documents and the same command completes it.

const STACK = /\n\s+at .+:\d+:\d+\)?/;

describe('ingest fails clearly without Neo4j', () => {
  const tmp = tempDir('lost');
  afterAll(async () => {
    tmp.cleanup();
    await releaseNeo4j();
  });

  it('unreachable at start (NEO4J_URI on a closed port): clear error, exit non-zero, no stack trace', async () => {
    const port = await freePort();
    const r = await runCli(['ingest', 'seeds/', ...INGEST_FLAGS], { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'x' });
    const out = r.stdout + r.stderr;
    expect(r.code, out).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(out).toMatch(new RegExp(`Neo4j is not reachable at bolt://127\\.0\\.0\\.1:${port}`));
    expect(out).toMatch(/NEO4J_URI/);
    expect(out).not.toMatch(STACK);
  });

  describe('lost mid-run', () => {
    let graph: Graph;
    let files: string[];
    beforeAll(async () => {
      const n = await dedicatedNeo4j();
      graph = new Graph({ uri: n.uri, user: 'neo4j', password: n.password });
      await applySchema(graph);
      await clearGraph(graph);
      files = seedCopies(tmp.dir, 8);
    });
    afterAll(async () => {
      await graph?.close();
    });

    it('the server crashes after the first documents: clear error, exit non-zero, no partial document after restart', async () => {
      const { env } = await dedicatedNeo4j();
      const r = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
        // The server stays down: a short retry window keeps the wait short (the default minute is
        // for riding out restarts, tested below).
        const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/xianzhi.mjs'), 'ingest', tmp.dir, '--batch', '2', ...INGEST_FLAGS], {
          cwd: PROJECT_ROOT,
          env: { ...env, XIANZHI_INGEST_RETRY_MS: '10000' },
        });
        let out = '';
        let crashed = false;
        child.stdout.on('data', (d) => {
          out += d;
          if (!crashed && /^ok /m.test(out)) {
            crashed = true;
            void crashNeo4j();
          }
        });
        child.stderr.on('data', (d) => (out += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, out }));
      });
      expect(r.code, r.out).not.toBe(0);
      expect(r.code).not.toBeNull(); // it exited by itself, it did not hang or die
      expect(r.out).toMatch(/Neo4j is not reachable|Neo4j .*unavailable/i);
      expect(r.out).not.toMatch(STACK);

      // A new connection: whether an old driver recovers is the API test's concern, not this one's.
      const n2 = await restartNeo4j();
      await graph.close();
      graph = new Graph({ uri: n2.uri, user: 'neo4j', password: n2.password });
      expect(await inconsistencies(graph)).toEqual([]);
      const [{ n }] = (await graph.read(q('MATCH (d:Document) RETURN count(d) AS n'))) as Array<{ n: number }>;
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(files.length);
    });

    it('after the restart the same command completes the graph', async () => {
      const { env } = await dedicatedNeo4j();
      const r = await runCli(['ingest', tmp.dir, ...INGEST_FLAGS], env);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const [{ n }] = (await graph.read(q('MATCH (d:Document) RETURN count(d) AS n'))) as Array<{ n: number }>;
      expect(n).toBe(files.length);
      expect(await inconsistencies(graph)).toEqual([]);
    });

    it('a brief outage (crash, restarted at once) is ridden out by the retries: nothing fails', async () => {
      const { env } = await dedicatedNeo4j();
      let restarted: Promise<unknown> = Promise.resolve();
      let outage = 0;
      const r = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/xianzhi.mjs'), 'ingest', tmp.dir, '--force', '--batch', '2', ...INGEST_FLAGS], { cwd: PROJECT_ROOT, env });
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          if (!outage && /^ok /m.test(out)) {
            outage = Date.now();
            restarted = crashNeo4j()
              .then(() => restartNeo4j())
              .then(() => (outage = Date.now() - outage));
          }
        });
        child.stderr.on('data', (d) => (out += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, out }));
      });
      await restarted;
      console.log(`outage ridden out: ${outage} ms`);
      const n3 = await dedicatedNeo4j();
      await graph.close();
      graph = new Graph({ uri: n3.uri, user: 'neo4j', password: n3.password });
      expect(r.code, r.out.slice(-1500)).toBe(0);
      expect(r.out).toMatch(new RegExp(`${files.length} written, 0 unchanged, 0 failed`));
      expect(await inconsistencies(graph)).toEqual([]);
    });
  });
}, 600_000);
