import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { q, type Graph } from '../../graph/index.ts';
import { openTestGraph, testEnv } from '../helpers/neo4j.ts';
import { freePort, graphql, runCli, startCli } from '../helpers/cli.ts';

// The whole path once, through the public surface: the CLI ingests a seed into the real test
// Neo4j, Cypher sees it, `stats --json` counts it, and the API serves it over HTTP.

const SEED = 'seeds/004_d7d2b8b6c071a4db.txt';

describe('walking skeleton: report → Neo4j → GraphQL', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await openTestGraph({ fresh: true });
  });
  afterAll(async () => {
    await graph.close();
  });

  it('ingests a seed with the manifest and writes County, Document and Industry nodes', async () => {
    const r = await runCli(['ingest', SEED, '--manifest', 'seeds/manifest.json'], testEnv());
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const rows = await graph.read(
      q(`MATCH (d:Document {id: '004_d7d2b8b6c071a4db'})-[:ABOUT]->(c:County)
         OPTIONAL MATCH (c)-[dev:DEVELOPS]->(i:Industry)
         RETURN c.code AS code, c.name AS name, d.kind AS kind, count(i) AS industries`),
    );
    expect(rows).toEqual([{ code: '621225', name: '西和县', kind: '党代会报告', industries: expect.any(Number) }]);
    expect(rows[0]!.industries).toBeGreaterThan(0);
  });

  it('stores whole numbers as integers: sentence ids end in :<n>, indexes and years are INTEGER', async () => {
    const rows = await graph.read(
      q(`MATCH (d:Document {id: '004_d7d2b8b6c071a4db'})-[:HAS_SENTENCE]->(s:Sentence)
         RETURN s.id AS id, valueType(s.index) AS indexType, valueType(d.year) AS yearType ORDER BY s.index LIMIT 3`),
    );
    expect(rows.map((r) => r.id)).toEqual(['004_d7d2b8b6c071a4db:0', '004_d7d2b8b6c071a4db:1', '004_d7d2b8b6c071a4db:2']);
    expect(rows[0]!.indexType).toMatch(/^INTEGER/);
    expect(rows[0]!.yearType).toMatch(/^INTEGER/);
  });

  it('keeps evidence: every industry mention points at a sentence whose text holds the snippet', async () => {
    const rows = await graph.read(
      q(`MATCH (s:Sentence {documentId: '004_d7d2b8b6c071a4db'})-[e:EVIDENCE]->(:Industry)
         RETURN s.text AS text, s.start AS sStart, s.end AS sEnd, e.start AS start, e.end AS end, e.snippet AS snippet LIMIT 50`),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const [start, end, sStart, sEnd] = [r.start, r.end, r.sStart, r.sEnd] as number[];
      expect(start).toBeGreaterThanOrEqual(sStart!);
      expect(end).toBeLessThanOrEqual(sEnd!);
      const span = String(r.text).slice(start! - sStart!, end! - sStart!);
      expect(span.length).toBeGreaterThan(0);
      expect(String(r.snippet)).toContain(span);
    }
  });

  it('is idempotent: a second ingest skips the unchanged file and leaves every count as it was', async () => {
    const before = await runCli(['stats', '--json'], testEnv());
    expect(before.code, before.stderr).toBe(0);
    const again = await runCli(['ingest', SEED, '--manifest', 'seeds/manifest.json'], testEnv());
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/unchanged/);
    const forced = await runCli(['ingest', SEED, '--manifest', 'seeds/manifest.json', '--force'], testEnv());
    expect(forced.code, forced.stderr).toBe(0);
    const after = await runCli(['stats', '--json'], testEnv());
    expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
    const s = JSON.parse(after.stdout);
    expect(s.labels.County).toBe(1);
    expect(s.labels.Document).toBe(1);
    expect(s.relationships.ABOUT).toBe(1);
  });

  it('serves { counties { code name industries { name } } } over HTTP, and stops cleanly', async () => {
    const port = await freePort();
    const server = await startCli(['serve', '--port', String(port)], testEnv(), /http:\/\/127\.0\.0\.1:\d+\/graphql/);
    try {
      const { status, body } = await graphql(`http://127.0.0.1:${port}/graphql`, '{ counties { code name industries { name } } }');
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const xihe = body.data.counties.find((c: { code: string }) => c.code === '621225');
      expect(xihe.name).toBe('西和县');
      expect(xihe.industries.length).toBeGreaterThan(0);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
