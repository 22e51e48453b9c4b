import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../api/server.ts';
import type { Graph, Query } from '../../graph/index.ts';
import { freePort, graphql, runCli, startCli } from '../helpers/cli.ts';
import { openTestGraph, testEnv } from '../helpers/neo4j.ts';
import { INGEST_FLAGS, LEAK } from './support.ts';

// Abusive queries against `xianzhi serve` are refused before they reach Neo4j, each with a
// GraphQL error whose extensions.code names the limit; a query that runs too long is cut by the
// Neo4j transaction timeout. The server keeps answering normal queries afterwards.

describe('the API rejects query abuse', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startCli>>;
  let url: string;
  beforeAll(async () => {
    graph = await openTestGraph({ fresh: true });
    const r = await runCli(['ingest', 'seeds/', ...INGEST_FLAGS], testEnv());
    expect(r.code, r.stderr).toBe(0);
    const port = await freePort();
    url = `http://127.0.0.1:${port}/graphql`;
    api = await startCli(['serve', '--port', String(port)], testEnv(), /http:\/\/127\.0\.0\.1:\d+\/graphql/);
  });
  afterAll(async () => {
    await api?.stop();
    await graph.close();
  });

  const refused = async (query: string, code: string, message: RegExp, variables = {}) => {
    const r = await graphql(url, query, variables);
    const errors = r.body.errors ?? [];
    expect(errors.map((e) => e.extensions?.code), JSON.stringify(r.body).slice(0, 300)).toContain(code);
    expect(errors.find((e) => e.extensions?.code === code)!.message).toMatch(message);
    expect(JSON.stringify(r.body)).not.toMatch(LEAK);
    expect(r.body.data ?? null).toBeNull();
  };

  it('depth', async () => {
    let sel = 'code';
    for (let i = 0; i < 8; i++) sel = `documents { county { ${sel} } }`;
    await refused(`{ county(code: "621225") { ${sel} } }`, 'DEPTH_LIMIT_EXCEEDED', /depth/);
  });
  it('page size', async () => {
    for (const limit of [101, 1000, -1]) await refused(`{ counties(limit: ${limit}) { code } }`, 'BAD_USER_INPUT', /limit/);
    await refused(`query($n: Int) { industries(limit: $n) { id } }`, 'BAD_USER_INPUT', /limit/, { n: 5000 });
  });
  it('aliases', async () => {
    await refused(`{ ${Array.from({ length: 200 }, (_, i) => `a${i}: countyCount`).join(' ')} }`, 'ALIAS_LIMIT_EXCEEDED', /alias/);
  });
  it('directives', async () => {
    await refused(`{ countyCount ${'@include(if: true) '.repeat(50)} }`, 'DIRECTIVE_LIMIT_EXCEEDED', /directive/);
  });
  it('query length and token count', async () => {
    await refused(`{ countyCount } #${'x'.repeat(100_000)}`, 'QUERY_TOO_LARGE', /bytes|large/);
    await refused(`{ counties { ${'x '.repeat(4000)} } }`, 'TOKEN_LIMIT_EXCEEDED', /token/);
  });
  it('cost', async () => {
    await refused(
      `{ counties(limit: 100) { industries(limit: 100) { evidence(limit: 100) { snippet } } } }`,
      'COST_LIMIT_EXCEEDED',
      /cost/,
    );
  });
  it('after all that, normal queries still answer', async () => {
    const r = await graphql(url, '{ countyCount counties { code name } }');
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.countyCount).toBe(5);
    expect(r.body.data.counties).toHaveLength(5);
  });

  it('a query running past the transaction timeout is cut with QUERY_TIMEOUT, not left running', async () => {
    // Five seeds hold no slow query, so the API's own statements are made slow: each is prefixed
    // with a CALL that counts to 10^9. The API must pass its timeout to Neo4j, which cuts the
    // transaction, and answer QUERY_TIMEOUT.
    const SLOW = 'CALL () { UNWIND range(1, 1000000000) AS x RETURN count(x) AS slow } ';
    const slowGraph = new Proxy(graph, {
      get(target, prop) {
        if (prop === 'read') return (query: Query, o?: { timeoutMs?: number }) => target.read({ ...query, cypher: SLOW + query.cypher }, o);
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const slow = await startServer({ graph: slowGraph, port: 0, limits: { timeoutMs: 500 }, log: () => {} });
    try {
      const r = await graphql(slow.url, '{ industryRecurrence(minCounties: 1, limit: 10) { industry { name } } }');
      const errs = r.body.errors ?? [];
      expect(errs.map((e) => e.extensions?.code), JSON.stringify(r.body).slice(0, 400)).toContain('QUERY_TIMEOUT');
      expect(JSON.stringify(r.body)).not.toMatch(LEAK);
      const [{ running }] = (await graph.read({
        cypher: "SHOW TRANSACTIONS YIELD currentQuery, elapsedTime WHERE NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS running",
        params: {},
      })) as Array<{ running: number }>;
      expect(running).toBe(0);
    } finally {
      await slow.close();
    }
  });
}, 300_000);
