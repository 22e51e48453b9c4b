import fs from 'node:fs';
import { q } from '../graph/cypher.ts';
import type { Graph } from '../graph/index.ts';
import type { Query } from '../graph/cypher.ts';
import { latency, type Latency } from './percentiles.ts';

/**
 * GraphQL latency of the headline queries (the named operations GraphiQL opens with), over real
 * HTTP, alone and under concurrent load — against the SAME Cypher run straight through the
 * driver: the Graph handed to the API records every query a GraphQL request makes, and the
 * driver side replays exactly those. When the API engineer's bench/api-latency.ts exists, the
 * bench reports its figures instead (see run.ts).
 */

export interface QueryLatency {
  operation: string;
  graphql: Latency;
  driver: Latency;
  /** graphql p95 ÷ driver p95 (goal ≤ 1.5). */
  ratio: number;
  cypherStatements: number;
}

export interface LatencyResult {
  source: 'bench/latency.ts';
  iterations: number;
  concurrency: number;
  queries: QueryLatency[];
  load: { graphql: Latency & { rps: number }; driver: Latency & { rps: number } };
  skipped?: string;
  /** Operations left out because their first request failed, with the error (the report lists them). */
  failed?: Array<{ operation: string; error: string }>;
}

/** A Graph whose reads are recorded while `recording` is set. */
function recordingGraph(graph: Graph) {
  const state = { recording: null as Query[] | null };
  const proxy = new Proxy(graph, {
    get(target, prop, receiver) {
      if (prop === 'read') {
        return (query: Query, opts?: object) => {
          state.recording?.push(query);
          return target.read(query, opts);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { proxy, state };
}

/** Splits the GraphiQL examples into named read operations. */
function operations(doc: string): Array<{ name: string; text: string }> {
  const parts = doc.split(/\n(?=(?:query|mutation) )/);
  return parts
    .filter((p) => /^query \w+/.test(p))
    .map((p) => ({ name: /^query (\w+)/.exec(p)![1]!, text: p.replace(/\n#[^\n]*$/gm, '') }));
}

async function variablesFor(graph: Graph): Promise<Record<string, unknown>> {
  const [county] = await graph.read(q('MATCH (c:County)<-[:ABOUT]-(:Document) RETURN c.code AS code LIMIT 1'));
  const [industry] = await graph.read(q('MATCH (:County)-[r:DEVELOPS]->(i:Industry) RETURN i.id AS id, count(r) AS n ORDER BY n DESC LIMIT 1'));
  return { code: county?.code ?? '411726', industry: industry?.id ?? 'candidate:x', indicator: '地区生产总值', q: '光伏' };
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const v = await fn();
  return [performance.now() - t, v];
}

export async function benchLatency(graph: Graph, opts: { iterations: number; concurrency: number; loadRequests: number }): Promise<LatencyResult> {
  const empty = (skipped: string): LatencyResult => ({
    source: 'bench/latency.ts',
    iterations: 0,
    concurrency: opts.concurrency,
    queries: [],
    load: { graphql: { ...latency([]), rps: 0 }, driver: { ...latency([]), rps: 0 } },
    skipped,
  });
  let api: typeof import('../api/index.ts');
  let examples: string;
  try {
    api = await import('../api/index.ts');
    examples = (await import('../api/graphiql.ts')).EXAMPLE_QUERIES;
  } catch (err) {
    return empty(`the GraphQL API could not be loaded: ${(err as Error).message}`);
  }
  const { proxy, state } = recordingGraph(graph);
  const server = await api.startServer({ graph: proxy, port: 0, log: () => {} });
  try {
    const variables = await variablesFor(graph);
    const post = async (op: { name: string; text: string }) => {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: op.text, operationName: op.name, variables: pick(op.text, variables) }),
      });
      const body = (await res.json()) as { errors?: Array<{ message: string }> };
      if (body.errors?.length) throw new Error(`${op.name}: ${body.errors[0]!.message}`);
    };
    const ops: Array<{ name: string; text: string; cypher: Query[] }> = [];
    const failed: Array<{ operation: string; error: string }> = [];
    for (const op of operations(examples)) {
      try {
        state.recording = [];
        await post(op); // warm-up, and the Cypher it makes
        ops.push({ ...op, cypher: state.recording });
      } catch (err) {
        // An operation the API does not answer (yet) is left out rather than failing the bench — by name.
        failed.push({ operation: op.name, error: (err as Error).message });
      } finally {
        state.recording = null;
      }
    }
    if (!ops.length) return { ...empty('no headline query answered'), failed };
    const replay = async (cypher: Query[]) => {
      for (const c of cypher) await graph.read(c);
    };
    const queries: QueryLatency[] = [];
    for (const op of ops) {
      const g: number[] = [];
      const d: number[] = [];
      for (let i = 0; i < opts.iterations; i++) {
        g.push((await time(() => post(op)))[0]);
        d.push((await time(() => replay(op.cypher)))[0]);
      }
      const gl = latency(g);
      const dl = latency(d);
      queries.push({ operation: op.name, graphql: gl, driver: dl, ratio: +(gl.p95 / Math.max(dl.p95, 0.01)).toFixed(2), cypherStatements: op.cypher.length });
    }
    const underLoad = async (one: (i: number) => Promise<unknown>) => {
      const samples: number[] = [];
      let next = 0;
      const t = performance.now();
      await Promise.all(
        Array.from({ length: opts.concurrency }, async () => {
          while (next < opts.loadRequests) {
            const i = next++;
            samples.push((await time(() => one(i)))[0]);
          }
        }),
      );
      return { ...latency(samples), rps: +(samples.length / ((performance.now() - t) / 1000)).toFixed(1) };
    };
    const load = {
      graphql: await underLoad((i) => post(ops[i % ops.length]!)),
      driver: await underLoad((i) => replay(ops[i % ops.length]!.cypher)),
    };
    return { source: 'bench/latency.ts', iterations: opts.iterations, concurrency: opts.concurrency, queries, load, ...(failed.length ? { failed } : {}) };
  } finally {
    await server.close();
  }
}

/** Only the variables an operation declares. */
function pick(text: string, vars: Record<string, unknown>): Record<string, unknown> {
  const header = /^query \w+\(([^)]*)\)/.exec(text)?.[1] ?? '';
  return Object.fromEntries(Object.entries(vars).filter(([k]) => header.includes(`$${k}`)));
}

/** True when the API engineer's latency bench has landed. */
export function apiLatencyAvailable(): boolean {
  return fs.existsSync(new URL('./api-latency.ts', import.meta.url));
}
