import { pathToFileURL } from 'node:url';
import { startServer } from '../api/index.ts';
import type { Query } from '../graph/cypher.ts';
import { toBoltParams } from '../graph/driver.ts';
import { openGraph, type Graph } from '../graph/index.ts';
import { exampleOperations, exampleVariables, recordingGraph, variablesOf } from './examples.ts';
import { latency } from './percentiles.ts';

/**
 * Where a headline query's time goes: each GraphiQL example (api/graphiql.ts) over HTTP and the
 * Cypher it made replayed through the driver, as bench/latency.ts does, plus each statement's own
 * latency and its db hits (PROFILE). For working on a query's Cypher, against any graph:
 *
 *   NEO4J_URI=bolt://127.0.0.1:7732 NEO4J_PASSWORD=$(cat .neo4j/instances/bench/password) \
 *     npx tsx bench/statements.ts [County Recurrence …] [--iterations N] [--cypher]
 *
 * The variables are bench/latency.ts's: a county with documents, the most developed industry.
 */

/** db hits of a profiled plan, all operators. */
function dbHits(plan: { dbHits?: number; children?: unknown[] } | undefined): number {
  if (!plan) return 0;
  return (plan.dbHits ?? 0) + (plan.children ?? []).reduce<number>((s, c) => s + dbHits(c as typeof plan), 0);
}

export async function benchStatements(graph: Graph, names: string[], iterations: number, showCypher = false): Promise<void> {
  const { proxy: recorded, state } = recordingGraph(graph);
  const vars = await exampleVariables(graph);
  const api = await startServer({ graph: recorded, port: 0, log: () => {} });
  const session = graph.driver.session({ database: graph.connection.database });
  try {
    for (const op of exampleOperations().filter((o) => !names.length || names.includes(o.name))) {
      const body = JSON.stringify({ query: op.text, operationName: op.name, variables: variablesOf(op.text, vars) });
      const post = async () => {
        const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const json = (await res.json()) as { errors?: Array<{ message: string }> };
        if (json.errors?.length) throw new Error(`${op.name}: ${json.errors[0]!.message}`);
      };
      const cypher: Query[] = (state.recording = []);
      try {
        await post();
      } catch (err) {
        console.log(`${op.name}: ${(err as Error).message}`);
        continue;
      } finally {
        state.recording = null;
      }
      const g: number[] = [];
      const d: number[] = [];
      const each: number[][] = cypher.map(() => []);
      for (let i = 0; i < iterations; i++) {
        let t = performance.now();
        await post();
        g.push(performance.now() - t);
        t = performance.now();
        for (const [k, c] of cypher.entries()) {
          const t0 = performance.now();
          await graph.read(c);
          each[k]!.push(performance.now() - t0);
        }
        d.push(performance.now() - t);
      }
      const gl = latency(g);
      const dl = latency(d);
      console.log(`${op.name}: GraphQL p50/p95 ${gl.p50}/${gl.p95} ms, driver ${dl.p50}/${dl.p95} ms, ratio ${(gl.p95 / dl.p95).toFixed(2)}, ${cypher.length} statements`);
      for (const [k, c] of cypher.entries()) {
        const profiled = await session.run(`PROFILE ${c.cypher}`, toBoltParams(c.params) as Record<string, unknown>);
        const l = latency(each[k]!);
        const first = c.cypher.replace(/\s+/g, ' ').trim().slice(0, 90);
        console.log(`  [${k}] ${l.p50}/${l.p95} ms, ${dbHits(profiled.summary.profile as never)} db hits  ${showCypher ? `\n${c.cypher}\n` : first}`);
      }
    }
  } finally {
    await session.close();
    await api.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--iterations');
  const iterations = at >= 0 ? Number(args[at + 1]) : 30;
  const names = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  const { graph } = await openGraph({ log: (l) => console.error(l) });
  try {
    await benchStatements(graph, names, iterations, args.includes('--cypher'));
  } finally {
    await graph.close();
  }
}
