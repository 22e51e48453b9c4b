import fs from 'node:fs';
import type { Graph } from '../graph/index.ts';
import type { Query } from '../graph/cypher.ts';
import { exampleOperations, exampleVariables, recordingGraph, variablesOf } from './examples.ts';
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
    const variables = await exampleVariables(graph);
    const post = async (op: { name: string; text: string }) => {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: op.text, operationName: op.name, variables: variablesOf(op.text, variables) }),
      });
      const body = (await res.json()) as { errors?: Array<{ message: string }> };
      if (body.errors?.length) throw new Error(`${op.name}: ${body.errors[0]!.message}`);
    };
    const ops: Array<{ name: string; text: string; cypher: Query[] }> = [];
    const failed: Array<{ operation: string; error: string }> = [];
    for (const op of exampleOperations(examples)) {
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

/** True when the API engineer's latency bench has landed. */
export function apiLatencyAvailable(): boolean {
  return fs.existsSync(new URL('./api-latency.ts', import.meta.url));
}
