import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { testConnection } from './helpers/neo4j.ts';

// Checks that the benchmark runs end to end and writes sane figures — not how fast anything is.
describe('xianzhi bench --quick', () => {
  // Asynchronous on purpose: a spawnSync of this minute-long run blocked the test worker's event
  // loop past vitest's 60 s RPC timeout ("Timeout calling onTaskUpdate" failed a green suite).
  it('runs on a small corpus against the test server and writes benchmarks.md/.json', async () => {
    const c = testConnection();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'xianzhi-bench-test-'));
    const r = await runCli(['bench', '--quick', '--json', '--counties', '6', '--out', out], {
      ...process.env,
      XIANZHI_BENCH_NEO4J_URI: c.uri,
      XIANZHI_BENCH_NEO4J_USER: c.user,
      XIANZHI_BENCH_NEO4J_PASSWORD: c.password,
    });
    expect(r.code, r.stderr).toBe(0);
    const stdout = JSON.parse(r.stdout);
    const file = JSON.parse(fs.readFileSync(path.join(out, 'benchmarks.json'), 'utf8'));
    expect(file.extraction).toEqual(stdout.extraction);
    expect(file.quick).toBe(true);
    expect(file.corpus.documents).toBe(6);
    const x = file.extraction;
    for (const t of [x.jieba1, x.pipeline1, x.jiebaN, x.pipelineN, x.cli]) {
      expect(t.mbPerSec).toBeGreaterThan(0);
      expect(Number.isFinite(t.mbPerSec)).toBe(true);
    }
    expect(x.ratio1).toBeGreaterThan(0);
    expect(file.ingest.first.exitCode).toBe(0);
    expect(file.ingest.nodes).toBeGreaterThan(6);
    expect(file.ingest.labels.Document).toBe(6);
    expect(file.ingest.first.peakRssMB).toBeGreaterThan(0);
    expect(file.ingest.reingest.summary).toMatch(/0 written, 6 unchanged/);
    if (file.latency.queries.length) {
      for (const q of file.latency.queries) expect(q.graphql.p95).toBeGreaterThanOrEqual(q.graphql.p50);
    }
    expect(Array.isArray(file.goals)).toBe(true);
    const md = fs.readFileSync(path.join(out, 'benchmarks.md'), 'utf8');
    expect(md).toMatch(/## Goals/);
    expect(md).toMatch(/nodejieba\.tag/);
    fs.rmSync(out, { recursive: true, force: true });
  }, 180_000);
});
